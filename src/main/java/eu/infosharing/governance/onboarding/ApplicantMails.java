package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.mail.MemberMail;
import eu.infosharing.governance.mail.MemberMail.ApplicationClosed;
import eu.infosharing.governance.mail.MemberMail.ApplicationProgress;
import eu.infosharing.governance.mail.MemberMail.RulesAcceptanceReminder;
import eu.infosharing.governance.mail.MemberMailer;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Organisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mails of membership-onboarding to the applicant's contact persons, in the organisation's language. */
@Service
public class ApplicantMails {

    private final MembershipService memberships;
    private final MemberMailer mailer;
    private final OnboardingDeadlines deadlines;
    private final NotificationSettings dates;
    private final InformationRequestRepository informationRequests;
    private final PublicLinks links;

    public ApplicantMails(MembershipService memberships, MemberMailer mailer, OnboardingDeadlines deadlines,
                          NotificationSettings dates, InformationRequestRepository informationRequests, PublicLinks links) {
        this.memberships = memberships;
        this.mailer = mailer;
        this.deadlines = deadlines;
        this.dates = dates;
        this.informationRequests = informationRequests;
        this.links = links;
    }

    /**
     * The mail the model names: the application received, a question of the coordinators, the rules to accept, the
     * membership active; rejection or expiry (with the reason recorded on the membership), or the reminder to accept
     * the rules of conduct before the application expires. Each links to the member's status page.
     */
    @Transactional(readOnly = true)
    public void send(String template, Long membershipId) {
        Membership m = memberships.get(membershipId);
        Organisation o = m.getOrganisation();
        MemberMail.Recipients to = new MemberMail.Recipients(o.contactNames(), o.contactEmails(),
                o.getPreferredLanguage().locale());
        String reference = "M-" + m.getId();
        String status = links.memberStatus(m.getId());
        ApplicationProgress.Stage stage = ApplicationProgress.stageOf(template).orElse(null);
        mailer.send(stage != null
                ? new ApplicationProgress(to, stage, m.getArrangement().getName(), o.getLegalName(), reference,
                        stage == ApplicationProgress.Stage.INFORMATION_REQUEST ? openQuestion(membershipId) : null, status)
                : RulesAcceptanceReminder.TEMPLATE.equals(template)
                ? new RulesAcceptanceReminder(to, m.getArrangement().getName(), o.getLegalName(), reference, expiry(m))
                : new ApplicationClosed(to, ApplicationClosed.outcomeOf(template), m.getArrangement().getName(),
                        o.getLegalName(), reference, m.getClosedReason(), status));
    }

    /** The coordinators' latest question, the one the applicant is asked to answer. */
    private String openQuestion(Long membershipId) {
        List<InformationRequest> asked = informationRequests.findByMembershipIdOrderByAskedAtAscIdAsc(membershipId);
        return asked.isEmpty() ? "" : asked.get(asked.size() - 1).getQuestion();
    }

    /** The application expires when the acceptance deadline has run from its last change of status. */
    private LocalDate expiry(Membership m) {
        Instant waitingSince = m.getHistory().get(m.getHistory().size() - 1).getChangedAt();
        return dates.dateOf(DueDates.after(deadlines.getAcceptanceExpiry(), Date.from(waitingSince)).toInstant());
    }
}
