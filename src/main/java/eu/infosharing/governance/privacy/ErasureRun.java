package eu.infosharing.governance.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One run of the erasure of an organisation's personal data: when, what it did, or why it erased nothing. */
@Entity
public class ErasureRun {

    public enum Outcome { ERASED, SKIPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long organisationId;

    private Long membershipId;

    @Column(nullable = false)
    private Instant ranAt;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    private int contactsErased;

    private int variablesErased;

    private String detail;

    /** Cells of the engine's history and of our tables overwritten because they still held an erased value. */
    private int historyValuesErased;

    /** Replaced contacts whose record was deleted. */
    private int recordsErased;

    /** Audit entries whose summary was redacted (the chain still verifies). */
    private int auditEntriesRedacted;

    protected ErasureRun() {
    }

    public ErasureRun(Long organisationId, Long membershipId, Outcome outcome, int contactsErased, int variablesErased,
                      String detail) {
        this.organisationId = organisationId;
        this.membershipId = membershipId;
        this.ranAt = Instant.now();
        this.outcome = outcome;
        this.contactsErased = contactsErased;
        this.variablesErased = variablesErased;
        this.detail = detail;
    }

    ErasureRun withDetails(int historyValuesErased, int recordsErased, int auditEntriesRedacted) {
        this.historyValuesErased = historyValuesErased;
        this.recordsErased = recordsErased;
        this.auditEntriesRedacted = auditEntriesRedacted;
        return this;
    }

    public int getHistoryValuesErased() {
        return historyValuesErased;
    }

    public int getRecordsErased() {
        return recordsErased;
    }

    public int getAuditEntriesRedacted() {
        return auditEntriesRedacted;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public Long getMembershipId() {
        return membershipId;
    }

    public Instant getRanAt() {
        return ranAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public int getContactsErased() {
        return contactsErased;
    }

    public int getVariablesErased() {
        return variablesErased;
    }

    public String getDetail() {
        return detail;
    }
}
