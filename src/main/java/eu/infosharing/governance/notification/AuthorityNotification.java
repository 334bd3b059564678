package eu.infosharing.governance.notification;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One notification of one membership's entry or cessation to one competent authority, with the letter as it was
 * (and will again be) sent, and how the obligation was met: delivered by us, or sent and confirmed by the member.
 */
@Entity
public class AuthorityNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Stable: every send of this notification, a retry after a crash included, carries it. */
    @Column(nullable = false, unique = true)
    private String reference;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Column(nullable = false)
    private String authorityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationEvent event;

    @Column(nullable = false)
    private String legalBasis;

    @Column(nullable = false)
    private LocalDate effectiveDate;

    @Column(nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationStatus status;

    /** The letter as PDF, rendered once and kept: resends and the evidence are byte for byte the same. */
    @Basic(fetch = FetchType.LAZY)
    private byte[] document;

    private String documentSha256;

    private String processInstanceId;

    @Column(nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type")
    private CompetentAuthority.Channel channel;

    private String channelAddress;

    private Instant sentAt;

    private String messageId;

    private int attempts;

    private String lastError;

    private int reminders;

    private Instant escalatedAt;

    private String confirmedBy;

    private Instant confirmedAt;

    private String memberReference;

    private LocalDate memberSentOn;

    /** Where the authority's acknowledgement came from; null while none is known. */
    public enum AcknowledgementSource {
        /** The authority's HTTPS intake answered with its own reference. */
        INTAKE,
        /** A coordinator, or the member for a notification it sends itself, recorded the authority's reply. */
        RECORDED,
        /** A coordinator closed the wait: this authority does not acknowledge (the reason is in the audit trail). */
        WAIVED
    }

    @Enumerated(EnumType.STRING)
    private AcknowledgementSource acknowledgementSource;

    private LocalDate acknowledgedOn;

    private String authorityReference;

    private String acknowledgedBy;

    private Instant acknowledgementRecordedAt;

    private Instant acknowledgementFollowUpAt;

    @Version
    private long version;

    protected AuthorityNotification() {
    }

    public AuthorityNotification(Membership membership, String authorityCode, NotificationEvent event, String legalBasis,
                                 LocalDate effectiveDate, LocalDate dueDate, NotificationMode mode, Language language) {
        this.membership = membership;
        this.authorityCode = authorityCode;
        this.event = event;
        this.legalBasis = legalBasis;
        this.effectiveDate = effectiveDate;
        this.dueDate = dueDate;
        this.mode = mode;
        this.language = language;
        this.status = mode == NotificationMode.SEND_ON_BEHALF ? NotificationStatus.PREPARED : NotificationStatus.AWAITING_MEMBER;
        this.createdAt = Instant.now();
        this.reference = reference(membership.getId(), authorityCode, event, effectiveDate);
    }

    /** E.g. AGN-2026-000042-CCB-ENTRY: readable on a phone call, unique per membership, authority and event. */
    static String reference(Long membershipId, String authorityCode, NotificationEvent event, LocalDate effectiveDate) {
        return String.format(Locale.ROOT, "AGN-%d-%06d-%s-%s", effectiveDate.getYear(), membershipId, authorityCode, event);
    }

    /** Keeps the letter, and the legal basis it prints: what the row says is what the authority read. */
    public void attachDocument(byte[] pdf, String legalBasis) {
        this.document = pdf;
        this.documentSha256 = sha256(pdf);
        this.legalBasis = legalBasis;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The member asked us to send after all (its mode changed while the notification waited for it). */
    public void sendOnBehalf() {
        this.mode = NotificationMode.SEND_ON_BEHALF;
        this.status = NotificationStatus.PREPARED;
        // the letter said the member sends it itself; it is rendered again, with the same reference
        this.document = null;
        this.documentSha256 = null;
    }

    public void markSent(CompetentAuthority.Channel channel, String address, String messageId) {
        this.status = NotificationStatus.SENT;
        this.channel = channel;
        this.channelAddress = address;
        this.messageId = messageId;
        this.sentAt = Instant.now();
        this.attempts++;
        this.lastError = null;
    }

    public void recordFailure(String error) {
        this.attempts++;
        this.lastError = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    public void confirm(String actor, String memberReference, LocalDate sentOn) {
        this.status = NotificationStatus.CONFIRMED;
        this.confirmedBy = actor;
        this.confirmedAt = Instant.now();
        this.memberReference = memberReference;
        this.memberSentOn = sentOn;
    }

    /** The authority's own word that it received the notification: its date and its reference. */
    public void acknowledge(AcknowledgementSource source, LocalDate on, String authorityReference, String actor) {
        this.acknowledgementSource = source;
        this.acknowledgedOn = on;
        this.authorityReference = authorityReference;
        this.acknowledgedBy = actor;
        this.acknowledgementRecordedAt = Instant.now();
    }

    /** A coordinator closed the wait for an acknowledgement this authority does not give. */
    public void waiveAcknowledgement(String actor) {
        acknowledge(AcknowledgementSource.WAIVED, null, null, actor);
    }

    /** Whether the wait for the authority's word is over: acknowledged, or waived by a coordinator. */
    public boolean isAcknowledgementSettled() {
        return acknowledgementSource != null;
    }

    /** For the register: "yes" (by the intake or recorded), "waived" (the authority does not acknowledge), or "no". */
    public String acknowledged() {
        if (acknowledgementSource == null) {
            return "no";
        }
        return acknowledgementSource == AcknowledgementSource.WAIVED ? "waived" : "yes";
    }

    public void followUpAcknowledgement() {
        this.acknowledgementFollowUpAt = Instant.now();
    }

    public void remind() {
        this.reminders++;
    }

    public void escalate() {
        this.escalatedAt = Instant.now();
    }

    public boolean isDone() {
        return NotificationStatus.DONE.contains(status);
    }

    /** When the letter went out: sent by the arrangement, or the member's confirmation that it sent it; else null. */
    public Instant doneAt() {
        return sentAt != null ? sentAt : confirmedAt;
    }

    public boolean isOverdue(LocalDate today) {
        return !isDone() && today.isAfter(dueDate);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Membership getMembership() {
        return membership;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public NotificationEvent getEvent() {
        return event;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public NotificationMode getMode() {
        return mode;
    }

    public Language getLanguage() {
        return language;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public byte[] getDocument() {
        return document;
    }

    public String getDocumentSha256() {
        return documentSha256;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public CompetentAuthority.Channel getChannel() {
        return channel;
    }

    public String getChannelAddress() {
        return channelAddress;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public int getReminders() {
        return reminders;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getMemberReference() {
        return memberReference;
    }

    public LocalDate getMemberSentOn() {
        return memberSentOn;
    }

    public AcknowledgementSource getAcknowledgementSource() {
        return acknowledgementSource;
    }

    public LocalDate getAcknowledgedOn() {
        return acknowledgedOn;
    }

    public String getAuthorityReference() {
        return authorityReference;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgementRecordedAt() {
        return acknowledgementRecordedAt;
    }

    public Instant getAcknowledgementFollowUpAt() {
        return acknowledgementFollowUpAt;
    }
}
