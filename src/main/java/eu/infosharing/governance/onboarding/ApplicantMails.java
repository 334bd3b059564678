package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.mail.MemberMail;
import eu.infosharing.governance.mail.MemberMail.ApplicationClosed;
import eu.infosharing.governance.mail.MemberMail.RulesAcceptanceReminder;
import eu.infosharing.governance.mail.MemberMailer;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Organisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails of membership-onboarding to the applicant's contact persons, in the organisation's language. */
@Service
public class ApplicantMails {

    private final MembershipService memberships;
    private final MemberMailer mailer;
    private final OnboardingDeadlines deadlines;
    private final NotificationSettings dates;

    public ApplicantMails(MembershipService memberships, MemberMailer mailer, OnboardingDeadlines deadlines,
                          NotificationSettings dates) {
        this.memberships = memberships;
        this.mailer = mailer;
        this.deadlines = deadlines;
        this.dates = dates;
    }

    /**
     * The mail the model names: rejection or expiry (with the reason recorded on the membership), or the reminder
     * to accept the rules of conduct before the application expires.
     */
    @Transactional(readOnly = true)
    public void send(String template, Long membershipId) {
        Membership m = memberships.get(membershipId);
        Organisation o = m.getOrganisation();
        MemberMail.Recipients to = new MemberMail.Recipients(o.contactNames(), o.contactEmails(),
                o.getPreferredLanguage().locale());
        String reference = "M-" + m.getId();
        mailer.send(RulesAcceptanceReminder.TEMPLATE.equals(template)
                ? new RulesAcceptanceReminder(to, m.getArrangement().getName(), o.getLegalName(), reference, expiry(m))
                : new ApplicationClosed(to, ApplicationClosed.outcomeOf(template), m.getArrangement().getName(),
                        o.getLegalName(), reference, m.getClosedReason()));
    }

    /** The application expires when the acceptance deadline has run from its last change of status. */
    private LocalDate expiry(Membership m) {
        Instant waitingSince = m.getHistory().get(m.getHistory().size() - 1).getChangedAt();
        return dates.dateOf(DueDates.after(deadlines.getAcceptanceExpiry(), Date.from(waitingSince)).toInstant());
    }
}
