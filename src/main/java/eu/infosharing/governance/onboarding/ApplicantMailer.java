package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.mail.MailGateway;
import eu.infosharing.governance.mail.MailTemplates;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.organisation.Organisation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes to an applicant's contact persons in the organisation's preferred language (nl, fr, en, de). */
@Component
public class ApplicantMailer {

    private final MembershipService memberships;
    private final MailGateway mail;
    private final OnboardingDeadlines deadlines;
    private final String publicUrl;

    public ApplicantMailer(MembershipService memberships, MailGateway mail, OnboardingDeadlines deadlines,
                           @Value("${governance.public-url}") String publicUrl) {
        this.memberships = memberships;
        this.mail = mail;
        this.deadlines = deadlines;
        this.publicUrl = publicUrl;
    }

    /** Template: rejection, acceptance-reminder or expiry. The reason is the one recorded on the membership. */
    @Transactional(readOnly = true)
    public void send(String template, Long membershipId) {
        Membership m = memberships.get(membershipId);
        Organisation o = m.getOrganisation();
        Locale locale = o.getPreferredLanguage().locale();
        String greeting = o.contactNames();
        LocalDate expiry = m.getHistory().get(m.getHistory().size() - 1).getChangedAt().atZone(ZoneId.of("Europe/Brussels"))
                .toLocalDate().plusDays(OnboardingDeadlines.parse(deadlines.getAcceptanceExpiry()).toDays());
        Object[] args = {m.getArrangement().getName(), greeting, o.getLegalName(), "M-" + m.getId(),
                m.getClosedReason() == null ? "" : m.getClosedReason(), publicUrl + "/camunda/app/tasklist/", expiry};
        MailTemplates.Text text = MailTemplates.render("mail/onboarding", template, locale, args);
        mail.send(o.contactEmails(), text.subject(), text.body());
    }
}
