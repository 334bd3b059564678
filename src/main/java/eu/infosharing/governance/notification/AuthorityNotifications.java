package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.mail.MemberMail;
import eu.infosharing.governance.mail.MemberMailer;
import eu.infosharing.governance.membership.AuditTrail;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.EnterpriseNumber;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Lei;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.NotificationProcess;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications of memberships to their competent authorities: created when an event takes effect, the letter
 * rendered once and kept, delivered through the authority's channel or handed to the member, and every attempt,
 * reminder, escalation and confirmation recorded. The authority-notification model calls these steps.
 */
@Service
public class AuthorityNotifications {

    private static final Logger log = LoggerFactory.getLogger(AuthorityNotifications.class);

    private final AuthorityNotificationRepository notifications;
    private final NotificationAttemptRepository attempts;
    private final CompetentAuthorityRepository authorities;
    private final MembershipService memberships;
    private final MembershipAuthorities membershipAuthorities;
    private final OrganisationRepository organisations;
    private final NotificationLetter letters;
    private final AuthorityChannels channels;
    private final MemberMailer mail;
    private final NotificationSettings settings;
    private final OrganiserSettings organiser;
    private final CurrentUser currentUser;
    private final TransactionTemplate separateTransaction;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;

    public AuthorityNotifications(AuthorityNotificationRepository notifications, NotificationAttemptRepository attempts,
                                  CompetentAuthorityRepository authorities, MembershipService memberships,
                                  MembershipAuthorities membershipAuthorities, OrganisationRepository organisations,
                                  NotificationLetter letters, AuthorityChannels channels, MemberMailer mail,
                                  NotificationSettings settings, OrganiserSettings organiser, CurrentUser currentUser,
                                  PlatformTransactionManager transactions, AuditTrail auditTrail,
                                  ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.attempts = attempts;
        this.authorities = authorities;
        this.memberships = memberships;
        this.membershipAuthorities = membershipAuthorities;
        this.organisations = organisations;
        this.letters = letters;
        this.channels = channels;
        this.mail = mail;
        this.settings = settings;
        this.organiser = organiser;
        this.currentUser = currentUser;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.auditTrail = auditTrail;
        this.events = events;
    }

    /**
     * Published when a membership is to notify an event and no authority is named for one or more of the regimes its
     * entity is in: nothing may drop a regime in silence.
     */
    public record RegimesWithoutAuthority(Membership membership, NotificationEvent event, LocalDate effectiveDate,
                                          Set<CompetentAuthority.Regime> regimes) {
    }

    // --- the steps of the model ------------------------------------------------------------------------------

    /**
     * One notification per authority the membership must tell of this event (none for an entity outside both
     * regimes); a regime the entity is in and no authority is named for is announced, so that a coordinator finds one
     * ({@link AuthoritySearch}). A cessation also goes to every authority that was notified of the entry, even when the entity's status
     * has changed since and today's rules would no longer name it: an authority told of a participation is told when it
     * ends. Idempotent: a notification that exists is returned, never duplicated. Answers the references.
     */
    @Transactional
    public List<String> create(Long membershipId, NotificationEvent event, LocalDate effectiveDate) {
        Membership m = memberships.get(membershipId);
        Set<String> recipients = new LinkedHashSet<>();
        membershipAuthorities.effective(m).forEach(d -> recipients.add(d.authorityCode()));
        if (event == NotificationEvent.CESSATION) {
            // every authority still counting the participation: told of the entry, and not told since that it no
            // longer concerns it
            List<AuthorityNotification> sent = notifications.findByMembershipIdOrderByIdAsc(m.getId());
            Set<String> concernEnded = sent.stream().filter(n -> n.getEvent() == NotificationEvent.CONCERN_ENDED)
                    .map(AuthorityNotification::getAuthorityCode).collect(java.util.stream.Collectors.toSet());
            sent.stream().filter(n -> n.getEvent() == NotificationEvent.ENTRY)
                    .filter(entry -> !concernEnded.contains(entry.getAuthorityCode()))
                    .forEach(entry -> recipients.add(entry.getAuthorityCode()));
        }
        Set<CompetentAuthority.Regime> unnamed = EnumSet.noneOf(CompetentAuthority.Regime.class);
        unnamed.addAll(CompetentAuthority.Regime.requiredFor(m.getOrganisation()));
        recipients.forEach(code -> unnamed.remove(authority(code).getRegime()));
        if (!unnamed.isEmpty()) {
            events.publishEvent(new RegimesWithoutAuthority(m, event, effectiveDate, unnamed));
        }
        List<String> references = new ArrayList<>();
        recipients.forEach(code -> references.add(notification(m, code, event, effectiveDate).getReference()));
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

    /**
     * Authorities that were told of the participation and still count it, but that the membership's data no longer
     * names: a yearly review's change took them out (a coordinator decides whether each is told).
     */
    @Transactional(readOnly = true)
    public List<String> noLongerNamed(Long membershipId) {
        Membership m = memberships.get(membershipId);
        Set<String> named = new LinkedHashSet<>();
        membershipAuthorities.effective(m).forEach(d -> named.add(d.authorityCode()));
        List<AuthorityNotification> all = notifications.findByMembershipIdOrderByIdAsc(m.getId());
        Set<String> ended = new LinkedHashSet<>();
        all.stream().filter(n -> n.getEvent().endsConcern()).forEach(n -> ended.add(n.getAuthorityCode()));
        return all.stream().filter(n -> n.getEvent() == NotificationEvent.ENTRY)
                .map(AuthorityNotification::getAuthorityCode)
                .filter(code -> !named.contains(code) && !ended.contains(code)).distinct().toList();
    }

    private AuthorityNotification notification(Membership m, String code, NotificationEvent event, LocalDate effectiveDate) {
        CompetentAuthority authority = authority(code);
        return notifications.findByMembershipIdAndAuthorityCodeAndEvent(m.getId(), code, event)
                .orElseGet(() -> {
                    Language language = language(authority, m.getOrganisation());
                    // the provision of this authority's regime for this event (NIS2 Art. 29(4), DORA Art. 45(3)),
                    // not the wording of the rule that selected the authority at entry
                    String legalBasis = LegalBasis.of(authority.getRegime(),
                            LegalBasis.occasion(event, concernedLater(m, effectiveDate)), language);
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
        if (n.getDocument() == null) {
            LetterContent letter = letter(n, authority);
            n.attachDocument(letters.pdf(letter), letter.legalBasis());
        }
        n.attachProcess(processInstanceId);
        Organisation o = n.getMembership().getOrganisation();
        return new Prepared(n.getMode() == NotificationMode.SEND_ON_BEHALF, authority.getCode(), authority.getName(),
                settings.endOf(n.getDueDate()), settings.reminderCycle(n.getDueDate()),
                o.getRepresentativesGroup().orElseThrow(() -> new IllegalStateException(o.getLegalName() + " has no representatives group")));
    }

    /**
     * Sends through the authority's channel and records it SENT. Every attempt is kept in a transaction of its own,
     * so a failure stays on record when the engine rolls the job back to retry it.
     */
    @Transactional
    public void send(String reference) {
        AuthorityNotification n = byReference(reference);
        if (n.isDone()) {
            return;
        }
        CompetentAuthority authority = authority(n.getAuthorityCode());
        LetterContent letter = letter(n, authority);
        if (n.getDocument() == null) {
            n.attachDocument(letters.pdf(letter), letter.legalBasis());
        }
        AuthorityChannels.Delivery delivery;
        try {
            delivery = channels.deliver(authority, letter, letters.subject(letter), letters.body(letter), n.getDocument());
        } catch (RuntimeException e) {
            recordAttempt(n.getId(), NotificationAttempt.Outcome.FAILED, authority, null, e.getMessage());
            auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_FAILED", n.getReference()
                    + " to " + authority.getCode() + " by " + authority.getChannel() + " failed: " + e.getMessage());
            log.warn("Notification {} to {} failed: {}", reference, authority.getCode(), e.getMessage());
            throw e;
        }
        recordAttempt(n.getId(), NotificationAttempt.Outcome.SENT, authority, delivery.messageId(), null);
        n.markSent(delivery.channel(), delivery.address(), delivery.messageId());
        auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_SENT", n.getReference() + " sent to " + authority.getCode()
                + " by " + delivery.channel() + " (" + delivery.address() + "), message id " + delivery.messageId()
                + ", letter SHA-256 " + n.getDocumentSha256());
        AuthorityChannels.Acknowledgement ack = delivery.acknowledgement();
        if (ack != null && !n.isAcknowledgementSettled()) {
            // the intake's own word that it received it: no follow-up will ask for it
            n.acknowledge(AuthorityNotification.AcknowledgementSource.INTAKE, ack.receivedOn(), ack.authorityReference(),
                    CurrentUser.SYSTEM);
            auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_ACKNOWLEDGED",
                    n.getReference() + " acknowledged by " + authority.getCode() + "'s intake on " + ack.receivedOn()
                            + ", authority's reference " + ack.authorityReference());
        }
        log.info("Notification {} sent to {} by {} ({})", reference, authority.getCode(), delivery.channel(), delivery.messageId());
    }

    private void recordAttempt(Long notificationId, NotificationAttempt.Outcome outcome, CompetentAuthority authority,
                               String messageId, String detail) {
        separateTransaction.executeWithoutResult(status -> {
            attempts.save(new NotificationAttempt(notificationId, outcome, authority.getChannel(),
                    authority.getChannelAddress(), messageId, detail));
            if (outcome == NotificationAttempt.Outcome.FAILED) {
                notifications.findById(notificationId).orElseThrow().recordFailure(detail);
            }
        });
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

    /** The deadline passed without confirmation: recorded, and a coordinator gets a task. */
    @Transactional
    public void escalate(String reference) {
        AuthorityNotification n = byReference(reference);
        n.escalate();
        auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_OVERDUE", n.getReference() + " to " + n.getAuthorityCode()
                + " not confirmed by its due date " + n.getDueDate() + ": a coordinator follows up");
    }

    /**
     * The member sent it itself: the authority's reference (or its acknowledgement's subject) and the date are the
     * evidence. Also used by a coordinator who records the member's evidence on the overdue task.
     */
    @Transactional
    public void confirm(String reference, String memberReference, Object sentOn) {
        AuthorityNotification n = byReference(reference);
        List<FieldProblem> problems = new ArrayList<>();
        String ref = StrictText.singleLine(NotificationProcess.MEMBER_REFERENCE.name(), "Reference received from the authority", memberReference, 200,
                "is required: the authority's acknowledgement number, or the subject of its reply", problems);
        LocalDate date = sentOn instanceof LocalDate d ? d : sentOn == null ? null : StrictText.isoDate(sentOn.toString()).orElse(null);
        if (date == null) {
            problems.add(new FieldProblem(NotificationProcess.MEMBER_SENT_ON.name(), "Date sent", "is required, written exactly as YYYY-MM-DD"));
        } else if (date.isAfter(settings.today())) {
            problems.add(new FieldProblem(NotificationProcess.MEMBER_SENT_ON.name(), "Date sent", "cannot be in the future"));
        } else if (date.isBefore(n.getEffectiveDate().minusDays(30))) {
            problems.add(new FieldProblem(NotificationProcess.MEMBER_SENT_ON.name(), "Date sent", "is before the " + n.getEvent().name().toLowerCase(Locale.ROOT)
                    + " took effect (" + n.getEffectiveDate() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (n.isDone()) {
            throw new ConflictException("Notification " + reference + " is already " + n.getStatus());
        }
        n.confirm(currentUser.id(), ref, date);
        n.getMembership().audit(currentUser.id(), "NOTIFICATION_CONFIRMED", n.getReference() + " to " + n.getAuthorityCode()
                + " sent by the member on " + date + ", authority's reference " + ref);
    }

    /**
     * A coordinator's follow-up of an overdue notification: the member was chased (its task stays open), or it
     * showed evidence of sending, which is recorded as its confirmation. The note is required either way.
     */
    @Transactional
    public void followUp(String reference, String decision, String note, String memberReference, Object sentOn) {
        String what = note == null ? "" : note.strip();
        if (what.isEmpty()) {
            throw new InvalidInputException(NotificationProcess.FOLLOW_UP_NOTE.name(), "What was done", "is required: it is kept in the membership's history");
        }
        if ("RECORD_CONFIRMATION".equals(decision)) {
            confirm(reference, memberReference, sentOn);
        } else if ("CHASED".equals(decision)) {
            AuthorityNotification n = byReference(reference);
            n.getMembership().audit(currentUser.id(), "NOTIFICATION_CHASED", n.getReference() + ": " + what);
        } else {
            throw new InvalidInputException(NotificationProcess.FOLLOW_UP_DECISION.name(), "Outcome", "must be CHASED or RECORD_CONFIRMATION");
        }
    }

    /** The member changed its mind while the notification waited for it: we send it after all. */
    @Transactional
    public void takeOver(String reference) {
        AuthorityNotification n = byReference(reference);
        if (!n.isDone()) {
            n.sendOnBehalf();
            n.getMembership().audit(currentUser.id(), "NOTIFICATION_TAKEN_OVER", n.getReference()
                    + ": the member asked the arrangement to send it on its behalf");
        }
    }

    // --- reading ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<AuthorityNotification> ofMembership(Long membershipId) {
        Membership m = memberships.getVisible(membershipId);
        return notifications.findByMembershipIdOrderByIdAsc(m.getId());
    }

    /** Every notification the current user may see: a representative only its own organisation's. */
    @Transactional(readOnly = true)
    public List<AuthorityNotification> search(NotificationStatus status, String authority, LocalDate dueBefore) {
        if (currentUser.readsAllMemberships()) {
            return notifications.search(status, authority, dueBefore, null);
        }
        return organisations.findRepresentedBy(currentUser.groups())
                .map(o -> notifications.search(status, authority, dueBefore, o.getId()))
                .orElse(List.of());
    }

    /** The day the authority was told: the date the member gave for its own letter, else the day ours went out. */
    public LocalDate doneOn(AuthorityNotification n) {
        if (n.getMemberSentOn() != null) {
            return n.getMemberSentOn();
        }
        return n.doneAt() == null ? null : settings.dateOf(n.doneAt());
    }

    /**
     * Whether the authority was told by its deadline: "yes", "late", or while not done "overdue" or "pending". The
     * deadline is the authority's (competent_authority.deadline after the event took effect).
     */
    public String onTime(AuthorityNotification n, LocalDate today) {
        LocalDate done = doneOn(n);
        if (done != null) {
            return done.isAfter(n.getDueDate()) ? "late" : "yes";
        }
        return n.isOverdue(today) ? "overdue" : "pending";
    }

    /** The notification if the current user may see its membership; otherwise as if it did not exist. */
    @Transactional(readOnly = true)
    public AuthorityNotification getVisible(Long id) {
        AuthorityNotification n = notifications.findById(id).orElseThrow(() -> new NotFoundException("No notification " + id));
        memberships.getVisible(n.getMembership().getId()); // throws NotFound for another organisation's
        return n;
    }

    @Transactional(readOnly = true)
    public List<NotificationAttempt> attemptsOf(AuthorityNotification n) {
        return attempts.findByNotificationIdOrderByAttemptedAtAscIdAsc(n.getId());
    }

    @Transactional(readOnly = true)
    public byte[] document(Long id) {
        AuthorityNotification n = getVisible(id);
        if (n.getDocument() == null) {
            throw new NotFoundException("The letter of notification " + n.getReference() + " is not ready yet");
        }
        return n.getDocument();
    }

    @Transactional(readOnly = true)
    public AuthorityNotification byReference(String reference) {
        return notifications.findByReference(reference)
                .orElseThrow(() -> new NotFoundException("No notification " + reference));
    }

    /** Only the member's own representatives and coordinators choose how its notifications go out. */
    public void checkMayChooseMode(Membership m) {
        boolean ownRepresentative = currentUser.represents(m.getOrganisation());
        if (!ownRepresentative && !currentUser.isIn(Roles.COORDINATORS)) {
            throw new ForbiddenException("Only the member's representatives and coordinators choose how its notifications are sent");
        }
    }

    // --- the letter ------------------------------------------------------------------------------------------

    /**
     * What the letter says. A letter already kept is evidence: its legal basis stays as printed. A letter still to be
     * rendered cites the provision of the authority's regime for the event, in the letter's language.
     */
    LetterContent letter(AuthorityNotification n, CompetentAuthority authority) {
        Membership m = n.getMembership();
        Organisation o = m.getOrganisation();
        String legalBasis = n.getDocument() != null ? n.getLegalBasis() : LegalBasis.of(authority.getRegime(),
                LegalBasis.occasion(n.getEvent(), concernedLater(m, n.getEffectiveDate())), n.getLanguage());
        return new LetterContent(n.getReference(), n.getEvent(), n.getLanguage(), authority.getName(), o.getLegalName(),
                o.getCountry(), o.getEnterpriseNumber() == null ? null : EnterpriseNumber.format(o.getEnterpriseNumber()),
                o.getForeignRegisterId(), o.getLei() == null ? null : Lei.format(o.getLei()),
                m.getArrangement().getName(), m.getArrangement().getCode(), n.getEffectiveDate(), legalBasis,
                settings.dateOf(n.getCreatedAt()), n.getMode() == NotificationMode.SEND_ON_BEHALF,
                // the participation began at validation, even when this authority's concern began later
                m.getValidatedAt() == null ? null : settings.dateOf(m.getValidatedAt()),
                new LetterContent.Particulars(organiser.organiser(), o.getNis2Status(), o.getNis2Sector(),
                        o.getDoraEntityType(), contactPersons(o), o.getSupervisoryId()));
    }

    /** The member's contact persons as a supervisor reaches them: name, e-mail, phone. */
    public static String contactPersons(Organisation o) {
        return o.getContacts().stream().map(c -> c.details().display()).collect(java.util.stream.Collectors.joining("; "));
    }

    /** An entry this authority learns of after the membership was validated: a yearly review made it competent. */
    private boolean concernedLater(Membership m, LocalDate effectiveDate) {
        return m.getValidatedAt() != null && settings.dateOf(m.getValidatedAt()).isBefore(effectiveDate);
    }

    /** The member's language when the authority accepts it, otherwise the authority's first language. */
    static Language language(CompetentAuthority authority, Organisation o) {
        List<String> accepted = authority.getLanguages();
        String preferred = o.getPreferredLanguage().name();
        return Language.valueOf(accepted.contains(preferred) ? preferred : accepted.get(0));
    }

    private static String channelDescription(CompetentAuthority authority) {
        return authority.getChannel() == CompetentAuthority.Channel.EMAIL ? authority.getChannelAddress()
                : authority.getChannelAddress() + " (HTTPS)";
    }

    private CompetentAuthority authority(String code) {
        return authorities.findByCode(code).orElseThrow(() -> new IllegalStateException("No competent authority " + code));
    }

    public Optional<AuthorityNotification> find(Long membershipId, String authorityCode, NotificationEvent event) {
        return notifications.findByMembershipIdAndAuthorityCodeAndEvent(membershipId, authorityCode, event);
    }
}
