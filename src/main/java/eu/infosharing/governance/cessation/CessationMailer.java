package eu.infosharing.governance.cessation;

import eu.infosharing.governance.mail.MailGateway;
import eu.infosharing.governance.mail.MailTemplates;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.organisation.Organisation;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes to a former member's contact persons, in its language, about destroying what it received. */
@Component
public class CessationMailer {

    private final CessationService cessations;
    private final CessationSettings settings;
    private final MailGateway mail;
    private final PublicLinks links;

    public CessationMailer(CessationService cessations, CessationSettings settings, MailGateway mail,
                           PublicLinks links) {
        this.cessations = cessations;
        this.settings = settings;
        this.mail = mail;
        this.links = links;
    }

    /** Template: destruction-request or destruction-reminder. */
    @Transactional(readOnly = true)
    public void send(Long cessationId, String template) {
        Cessation c = cessations.cessation(cessationId);
        if (c.getDestructionConfirmedAt() != null) {
            return;
        }
        Organisation o = c.getMembership().getOrganisation();
        Locale locale = o.getPreferredLanguage().locale();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Object[] args = {o.contactNames(),
                o.getLegalName(), c.getMembership().getArrangement().getName(), date.format(c.getEffectiveDate()),
                date.format(c.getEffectiveDate().plus(settings.getDestructionDue())), links.tasklist()};
        MailTemplates.Text text = MailTemplates.render("mail/cessation", template, locale, args);
        mail.send(o.contactEmails(), text.subject(), text.body());
    }
}
