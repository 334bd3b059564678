package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.organisation.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person's request for an account, made on the public Apply to join page: who asks, whether the address is proven
 * theirs, the coordinators' decision and the account it opened. Links are kept as the SHA-256 of their token only.
 */
@Entity
public class AccountRequest {

    /** Where the request stands. */
    public enum Status {
        /** Asked for; the address is not proven yet. */
        UNVERIFIED,
        /** The address is proven; a coordinator decides. */
        VERIFIED,
        /** Accepted: the account exists, its password is not set yet. */
        ACCEPTED,
        /** Refused, with the reason mailed. */
        REFUSED,
        /** The person set a password: the account is in use. */
        ACTIVE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String applicantName;

    @Column(nullable = false)
    private String organisationName;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private Instant requestedAt;

    private String verificationTokenHash;
    private Instant verificationExpiresAt;
    private Instant verifiedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String refusalReason;
    private String userId;
    private String groupId;
    private String passwordTokenHash;
    private Instant passwordExpiresAt;
    private Instant passwordSetAt;
    private String processInstanceId;

    @Version
    private long version;

    protected AccountRequest() {
    }

    AccountRequest(String applicantName, String organisationName, String email, Language language, Instant now) {
        this.applicantName = applicantName;
        this.organisationName = organisationName;
        this.email = email;
        this.language = language;
        this.status = Status.UNVERIFIED;
        this.requestedAt = now;
    }

    /** What the person typed when asking again before verifying. */
    void restate(String applicantName, String organisationName, Language language) {
        this.applicantName = applicantName;
        this.organisationName = organisationName;
        this.language = language;
    }

    /** A new verification link replaces any earlier one (the person asked again before verifying). */
    void expectVerification(String tokenHash, Instant expiresAt) {
        this.verificationTokenHash = tokenHash;
        this.verificationExpiresAt = expiresAt;
    }

    void verified(Instant now) {
        this.status = Status.VERIFIED;
        this.verifiedAt = now;
        this.verificationTokenHash = null;
        this.verificationExpiresAt = null;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void decided(String coordinator, Instant now, String refusalReason) {
        this.decidedBy = coordinator;
        this.decidedAt = now;
        this.refusalReason = refusalReason;
    }

    void refused() {
        this.status = Status.REFUSED;
    }

    /** The account is opened; a new password link replaces any earlier one. */
    void accepted(String userId, String groupId, String passwordTokenHash, Instant passwordExpiresAt) {
        this.status = Status.ACCEPTED;
        this.userId = userId;
        this.groupId = groupId;
        this.passwordTokenHash = passwordTokenHash;
        this.passwordExpiresAt = passwordExpiresAt;
    }

    void passwordSet(Instant now) {
        this.status = Status.ACTIVE;
        this.passwordSetAt = now;
        this.passwordTokenHash = null;
        this.passwordExpiresAt = null;
    }

    public Long getId() {
        return id;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public String getEmail() {
        return email;
    }

    public Language getLanguage() {
        return language;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getVerificationExpiresAt() {
        return verificationExpiresAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public String getUserId() {
        return userId;
    }

    public String getGroupId() {
        return groupId;
    }

    public Instant getPasswordExpiresAt() {
        return passwordExpiresAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
