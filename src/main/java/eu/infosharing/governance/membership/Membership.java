package eu.infosharing.governance.membership;

import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.organisation.Organisation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An organisation's participation in one arrangement, from application to its end, with every status change. */
@Entity
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @ManyToOne(optional = false)
    @JoinColumn(name = "arrangement_id")
    private Arrangement arrangement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipStatus status;

    private String motivation;

    private String processInstanceId;

    @Column(nullable = false)
    private Instant appliedAt;

    /** When the membership was validated: the DORA notification falls due from this moment. */
    private Instant validatedAt;

    /** When access was granted after validation. */
    private Instant activatedAt;

    /** Whether the arrangement sends this member's authority notifications or only prepares them. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationMode notificationMode = NotificationMode.SEND_ON_BEHALF;

    /** Why an application was rejected or expired. */
    private String closedReason;

    @OneToMany(mappedBy = "membership", cascade = CascadeType.ALL)
    @OrderBy("changedAt, id")
    private List<StatusChange> history = new ArrayList<>();

    @OneToMany(mappedBy = "membership", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private List<AuditEntry> auditTrail = new ArrayList<>();

    /** Hash of the last audit entry: the head of this membership's chain. */
    private String auditHead;

    private int auditSeq;

    @Version
    private long version;

    protected Membership() {
    }

    public Membership(Organisation organisation, Arrangement arrangement, String motivation, String actor) {
        this.organisation = organisation;
        this.arrangement = arrangement;
        this.motivation = motivation;
        this.appliedAt = Instant.now();
        this.status = MembershipStatus.SUBMITTED;
        history.add(new StatusChange(this, null, MembershipStatus.SUBMITTED, appliedAt, actor, "Application submitted"));
    }

    /** Moves to a new status and records who did it, when and why. Moving to the same status records nothing. */
    public boolean transition(MembershipStatus to, String actor, String reason) {
        if (status == to) {
            return false;
        }
        boolean backToApplication = MembershipStatus.IN_FORCE.contains(status)
                && (MembershipStatus.PENDING.contains(to) || to == MembershipStatus.REJECTED || to == MembershipStatus.EXPIRED);
        if (status.isFinal() || backToApplication || (status != MembershipStatus.VALIDATED && to == MembershipStatus.VALIDATED
                && MembershipStatus.IN_FORCE.contains(status))) {
            throw new IllegalStateException("Membership " + id + " is " + status + " and cannot become " + to);
        }
        Instant now = Instant.now();
        history.add(new StatusChange(this, status, to, now, actor, reason));
        audit(actor, "STATUS_CHANGED", status + " → " + to + (reason == null ? "" : ": " + reason));
        this.status = to;
        if (to == MembershipStatus.VALIDATED) {
            this.validatedAt = now;
        }
        if (to == MembershipStatus.ACTIVE) {
            this.activatedAt = now;
        }
        if (to.isFinal()) {
            this.closedReason = reason;
        }
        return true;
    }

    /**
     * Appends an entry to the audit trail, chained to the previous one. The membership's version makes concurrent
     * writers of the same trail conflict, so the chain never forks.
     */
    public AuditEntry audit(String actor, String kind, String summary) {
        if (id == null) {
            throw new IllegalStateException("A membership is audited once it is stored");
        }
        AuditEntry entry = new AuditEntry(this, ++auditSeq, actor, kind, summary, auditHead);
        auditTrail.add(entry);
        auditHead = entry.getHash();
        return entry;
    }

    public List<AuditEntry> getAuditTrail() {
        return auditTrail;
    }

    public String getAuditHead() {
        return auditHead;
    }

    public int getAuditSeq() {
        return auditSeq;
    }

    public void chooseNotificationMode(NotificationMode mode) {
        this.notificationMode = mode;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Who in which arrangement, as task names say it: "Acme Bank NV, CIDR". */
    public String label() {
        return organisation.getLegalName() + ", " + arrangement.getCode();
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Arrangement getArrangement() {
        return arrangement;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public String getMotivation() {
        return motivation;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public Instant getValidatedAt() {
        return validatedAt;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public NotificationMode getNotificationMode() {
        return notificationMode;
    }

    public String getClosedReason() {
        return closedReason;
    }

    public List<StatusChange> getHistory() {
        return history;
    }
}
