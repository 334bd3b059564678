package eu.infosharing.governance.cessation;

import eu.infosharing.governance.membership.Membership;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * How one membership ends, or nearly ends: the way in, the reason and evidence, the member's response to a breach
 * report and the coordinator's decision, the effective date, and the member's confirmation of destruction.
 */
@Entity
public class Cessation {

    /** The ways a membership ends. */
    public enum Kind {
        /** The member withdraws; effective after the arrangement's notice period. */
        WITHDRAWAL,
        /** A breach of the rules of conduct: the member is heard, then warned, suspended or expelled. */
        BREACH,
        /** A required step was missed (re-acceptance of new rules, the yearly review). */
        LAPSE,
        /** The organisation no longer exists. */
        ORGANISATION_CEASED,
        /** The organisation no longer meets the conditions for participation. */
        INELIGIBLE;

        /** How the membership's history names it. */
        public String label() {
            return switch (this) {
                case WITHDRAWAL -> "Withdrawal";
                case BREACH -> "Breach procedure";
                case LAPSE -> "Lapse";
                case ORGANISATION_CEASED -> "Cessation of the organisation";
                case INELIGIBLE -> "Loss of eligibility";
            };
        }
    }

    public enum Status {
        /** A breach report waits for the member's response and the coordinator's decision. */
        HEARING,
        /** Decided; waits for its effective date. */
        PENDING,
        /** The member withdrew its withdrawal before it took effect. */
        CANCELLED,
        /** The breach ended in a warning. */
        WARNED,
        /** The breach ended in a suspension: access paused, the membership stays. */
        SUSPENDED,
        /** The membership has ceased. */
        EFFECTIVE;

        /** A cessation that still runs: a second one for the same membership is refused. */
        public static final Set<Status> OPEN = EnumSet.of(HEARING, PENDING);
    }

    public enum BreachDecision { WARNING, SUSPENSION, EXPULSION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String reason;

    private String evidence;

    @Column(nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private Instant requestedAt;

    private LocalDate requestedDate;

    private LocalDate effectiveDate;

    private String memberResponse;

    private String respondedBy;

    private Instant respondedAt;

    @Enumerated(EnumType.STRING)
    private BreachDecision decision;

    private String decisionReason;

    private String decidedBy;

    private Instant decidedAt;

    private String cancelledBy;

    private Instant cancelledAt;

    private Instant tookEffectAt;

    private String destructionConfirmedBy;

    private Instant destructionConfirmedAt;

    private String destructionStatement;

    private String processInstanceId;

    @Version
    private long version;

    protected Cessation() {
    }

    public Cessation(Membership membership, Kind kind, String reason, String evidence, String requestedBy,
                     LocalDate requestedDate, LocalDate effectiveDate) {
        this.membership = membership;
        this.kind = kind;
        this.reason = reason;
        this.evidence = evidence;
        this.requestedBy = requestedBy;
        this.requestedAt = Instant.now();
        this.requestedDate = requestedDate;
        this.effectiveDate = effectiveDate;
        this.status = kind == Kind.BREACH ? Status.HEARING : Status.PENDING;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void respond(String actor, String response) {
        this.memberResponse = response;
        this.respondedBy = actor;
        this.respondedAt = Instant.now();
    }

    public void decide(BreachDecision decision, String reason, String actor, LocalDate effectiveDate) {
        this.decision = decision;
        this.decisionReason = reason;
        this.decidedBy = actor;
        this.decidedAt = Instant.now();
        this.status = switch (decision) {
            case WARNING -> Status.WARNED;
            case SUSPENSION -> Status.SUSPENDED;
            case EXPULSION -> Status.PENDING;
        };
        if (decision == BreachDecision.EXPULSION) {
            this.effectiveDate = effectiveDate;
        }
    }

    public void moveTo(LocalDate date) {
        this.effectiveDate = date;
    }

    public void cancel(String actor) {
        this.status = Status.CANCELLED;
        this.cancelledBy = actor;
        this.cancelledAt = Instant.now();
    }

    public void takeEffect() {
        this.status = Status.EFFECTIVE;
        this.tookEffectAt = Instant.now();
    }

    public void confirmDestruction(String actor, String statement) {
        this.destructionConfirmedBy = actor;
        this.destructionConfirmedAt = Instant.now();
        this.destructionStatement = statement;
    }

    public boolean isOpen() {
        return Status.OPEN.contains(status);
    }

    public Long getId() {
        return id;
    }

    public Membership getMembership() {
        return membership;
    }

    public Kind getKind() {
        return kind;
    }

    public Status getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public LocalDate getRequestedDate() {
        return requestedDate;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public String getMemberResponse() {
        return memberResponse;
    }

    public String getRespondedBy() {
        return respondedBy;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public BreachDecision getDecision() {
        return decision;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getTookEffectAt() {
        return tookEffectAt;
    }

    public String getDestructionConfirmedBy() {
        return destructionConfirmedBy;
    }

    public Instant getDestructionConfirmedAt() {
        return destructionConfirmedAt;
    }

    public String getDestructionStatement() {
        return destructionStatement;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
