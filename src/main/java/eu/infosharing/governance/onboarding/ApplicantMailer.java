package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.mail.MailGateway;
import eu.infosharing.governance.mail.MailTemplates;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Organisation;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes to an applicant's contact persons in the organisation's preferred language (nl, fr, en, de). */
@Component
public class ApplicantMailer {

    private final MembershipService memberships;
    private final MailGateway mail;
    private final OnboardingDeadlines deadlines;
    private final PublicLinks links;
    private final NotificationSettings dates;

    public ApplicantMailer(MembershipService memberships, MailGateway mail, OnboardingDeadlines deadlines,
                           PublicLinks links, NotificationSettings dates) {
        this.memberships = memberships;
        this.mail = mail;
        this.deadlines = deadlines;
        this.links = links;
        this.dates = dates;
    }

    /** Template: rejection, acceptance-reminder or expiry. The reason is the one recorded on the membership. */
    @Transactional(readOnly = true)
    public void send(String template, Long membershipId) {
        Membership m = memberships.get(membershipId);
        Organisation o = m.getOrganisation();
        Locale locale = o.getPreferredLanguage().locale();
        String greeting = o.contactNames();
        LocalDate expiry = m.getHistory().get(m.getHistory().size() - 1).getChangedAt().atZone(dates.getZone())
                .toLocalDate().plusDays(OnboardingDeadlines.parse(deadlines.getAcceptanceExpiry()).toDays());
        Object[] args = {m.getArrangement().getName(), greeting, o.getLegalName(), "M-" + m.getId(),
                m.getClosedReason() == null ? "" : m.getClosedReason(), links.tasklist(), expiry};
        MailTemplates.Text text = MailTemplates.render("mail/onboarding", template, locale, args);
        mail.send(o.contactEmails(), text.subject(), text.body());
    }
}
