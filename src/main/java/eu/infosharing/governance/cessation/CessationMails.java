package eu.infosharing.governance.cessation;

import eu.infosharing.governance.mail.MemberMail;
import eu.infosharing.governance.mail.MemberMail.DestructionConfirmation;
import eu.infosharing.governance.mail.MemberMailer;
import eu.infosharing.governance.organisation.Organisation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails of membership-cessation to a former member's contact persons, in its language: destroy what it received. */
@Service
public class CessationMails {

    private final CessationService cessations;
    private final CessationSettings settings;
    private final MemberMailer mailer;

    public CessationMails(CessationService cessations, CessationSettings settings, MemberMailer mailer) {
        this.cessations = cessations;
        this.settings = settings;
        this.mailer = mailer;
    }

    /** The mail the model names: destruction-request, then destruction-reminder; none once the destruction is confirmed. */
    @Transactional(readOnly = true)
    public void send(Long cessationId, String template) {
        Cessation c = cessations.cessation(cessationId);
        if (c.getDestructionConfirmedAt() != null) {
            return;
        }
        Organisation o = c.getMembership().getOrganisation();
        mailer.send(new DestructionConfirmation(
                new MemberMail.Recipients(o.contactNames(), o.contactEmails(), o.getPreferredLanguage().locale()),
                DestructionConfirmation.stepOf(template), o.getLegalName(), c.getMembership().getArrangement().getName(),
                c.getEffectiveDate(), c.getEffectiveDate().plus(settings.getDestructionDue())));
    }
}
