package eu.infosharing.governance.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An audit entry recorded in the transaction of what it records, before it has its place in the membership's chain
 * (the outbox of the audit trail). {@link AuditTrail} moves it into the chain and deletes it in one transaction, so it
 * is chained exactly once, whenever that happens: right after the commit, or after a crash at the next start.
 */
@Entity
@Table(name = "audit_outbox")
public class PendingAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long membershipId;

    @Column(nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String summary;

    protected PendingAuditEntry() {
    }

    PendingAuditEntry(Long membershipId, String actor, String kind, String summary) {
        this.membershipId = membershipId;
        this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.actor = actor;
        this.kind = kind;
        this.summary = summary.length() <= 4000 ? summary : summary.substring(0, 4000);
    }

    public Long getId() {
        return id;
    }

    public Long getMembershipId() {
        return membershipId;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }
}
