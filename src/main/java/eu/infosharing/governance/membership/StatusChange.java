package eu.infosharing.governance.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One transition of a membership's status: the audit trail of who moved it, when and why. */
@Entity
@Table(name = "membership_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Enumerated(EnumType.STRING)
    private MembershipStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipStatus toStatus;

    @Column(nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String actor;

    private String reason;

    protected StatusChange() {
    }

    StatusChange(Membership membership, MembershipStatus from, MembershipStatus to, Instant at, String actor, String reason) {
        this.membership = membership;
        this.fromStatus = from;
        this.toStatus = to;
        this.changedAt = at;
        this.actor = actor;
        this.reason = reason;
    }

    public MembershipStatus getFromStatus() {
        return fromStatus;
    }

    public MembershipStatus getToStatus() {
        return toStatus;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getReason() {
        return reason;
    }
}
