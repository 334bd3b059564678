package eu.infosharing.governance.notification;

import eu.infosharing.governance.mail.MemberMail;
import eu.infosharing.governance.mail.MemberMailer;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Organisation;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications of memberships to their competent authorities: created when an event takes effect for each
 * authority {@link NotificationRecipients} names, the letter rendered once and kept, and handed to the member when it
 * sends the letter itself. The authority-notification model calls these steps; the others are
 * {@link NotificationDelivery} (sending on the member's behalf) and {@link MemberSentNotifications} (the member's
 * confirmation and its follow-up). {@link NotificationQueries} reads them.
 */
@Service
public class AuthorityNotifications {

    private final AuthorityNotificationRepository notifications;
    private final MembershipService memberships;
    private final NotificationRecipients recipients;
    private final CompetentAuthorityService authorities;
    private final LetterContents contents;
    private final NotificationSettings settings;
    private final MemberMailer mail;

    public AuthorityNotifications(AuthorityNotificationRepository notifications, MembershipService memberships,
                                  NotificationRecipients recipients, CompetentAuthorityService authorities,
                                  LetterContents contents, NotificationSettings settings, MemberMailer mail) {
        this.notifications = notifications;
        this.memberships = memberships;
        this.recipients = recipients;
        this.authorities = authorities;
        this.contents = contents;
        this.settings = settings;
        this.mail = mail;
    }

    /**
     * One notification per authority the membership must tell of this event ({@link NotificationRecipients#of}).
     * Idempotent: a notification that exists is returned, never duplicated. Answers the references.
     */
    @Transactional
    public List<String> create(Long membershipId, NotificationEvent event, LocalDate effectiveDate) {
        Membership m = memberships.get(membershipId);
        List<String> references = new ArrayList<>();
        recipients.of(m, event, effectiveDate)
                .forEach(code -> references.add(notification(m, code, event, effectiveDate).getReference()));
        return references;
    }

    /**
     * The letter that tells an authority, told of the participation, that a yearly review's change took it outside its
     * competence; a coordinator decided it. Idempotent like {@link #create}. Answers its reference.
     */
    @Transactional
    public String createConcernEnded(Long membershipId, String authorityCode, LocalDate effectiveDate) {
        return notification(memberships.get(membershipId), authorityCode, NotificationEvent.CONCERN_ENDED, effectiveDate)
                .getReference();
    }

    private AuthorityNotification notification(Membership m, String code, NotificationEvent event, LocalDate effectiveDate) {
        CompetentAuthority authority = authority(code);
        return notifications.findByMembershipIdAndAuthorityCodeAndEvent(m.getId(), code, event)
                .orElseGet(() -> {
                    Language language = LetterContents.language(authority, m.getOrganisation());
                    String legalBasis = contents.legalBasis(authority, m, event, effectiveDate, language);
                    return notifications.save(new AuthorityNotification(m, code, event, legalBasis, effectiveDate,
                            effectiveDate.plus(Period.parse(authority.getDeadline())), m.getNotificationMode(), language));
                });
    }

    /** What the model needs to route the notification: who sends, by when, to whom the member task goes. */
    public record Prepared(boolean sendOnBehalf, String authorityCode, String authorityName, java.util.Date due,
                           String reminderCycle, String representativesGroup) {
    }

    /** Renders and keeps the letter (once: a second run keeps the first one) and links the process instance. */
    @Transactional
    public Prepared prepare(String reference, String processInstanceId) {
        AuthorityNotification n = byReference(reference);
        CompetentAuthority authority = authority(n.getAuthorityCode());
        contents.keep(n, authority);
        n.attachProcess(processInstanceId);
        Organisation o = n.getMembership().getOrganisation();
        return new Prepared(n.getMode() == NotificationMode.SEND_ON_BEHALF, authority.getCode(), authority.getName(),
                settings.endOf(n.getDueDate()), settings.reminderCycle(n.getDueDate()),
                o.getRepresentativesGroup().orElseThrow(() -> new IllegalStateException(o.getLegalName() + " has no representatives group")));
    }

    /** Writes to the member's contact persons, with the letter attached: "prepared" when handed over, then "reminder". */
    @Transactional
    public void mailMember(String reference, String template) {
        AuthorityNotification n = byReference(reference);
        if (n.isDone()) {
            return;
        }
        CompetentAuthority authority = authority(n.getAuthorityCode());
        Organisation o = n.getMembership().getOrganisation();
        // a cessation's mail says that the participation ended, and when: not that the member joined
        MemberMail.NotificationForMember.Occasion occasion = switch (n.getEvent()) {
            case ENTRY -> MemberMail.NotificationForMember.Occasion.ENTRY;
            case CESSATION -> MemberMail.NotificationForMember.Occasion.CESSATION;
            case CONCERN_ENDED -> MemberMail.NotificationForMember.Occasion.CONCERN_ENDED;
        };
        MemberMail.Step step = MemberMail.NotificationForMember.stepOf(template);
        mail.send(new MemberMail.NotificationForMember(
                new MemberMail.Recipients(o.contactNames(), o.contactEmails(), o.getPreferredLanguage().locale()),
                step, occasion, authority.getName(), channelDescription(authority), o.getLegalName(),
                n.getMembership().getArrangement().getName(), n.getReference(), n.getDueDate(), n.getEffectiveDate(),
                n.getDocument()));
        if (step == MemberMail.Step.REMINDER) {
            n.remind();
        }
    }

    private static String channelDescription(CompetentAuthority authority) {
        return authority.getChannel() == CompetentAuthority.Channel.EMAIL ? authority.getChannelAddress()
                : authority.getChannelAddress() + " (HTTPS)";
    }

    private AuthorityNotification byReference(String reference) {
        return notifications.getByReference(reference);
    }

    private CompetentAuthority authority(String code) {
        return authorities.get(code);
    }
}
