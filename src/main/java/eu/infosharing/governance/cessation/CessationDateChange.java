package eu.infosharing.governance.cessation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A moved effective date: who moved it, when, from what to what, and why. */
@Entity
public class CessationDateChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long cessationId;

    private LocalDate fromDate;

    @Column(nullable = false)
    private LocalDate toDate;

    @Column(nullable = false)
    private String changedBy;

    @Column(nullable = false)
    private Instant changedAt;

    private String reason;

    protected CessationDateChange() {
    }

    public CessationDateChange(Long cessationId, LocalDate fromDate, LocalDate toDate, String changedBy, String reason) {
        this.cessationId = cessationId;
        this.fromDate = fromDate;
        this.toDate = toDate;
        this.changedBy = changedBy;
        this.changedAt = Instant.now();
        this.reason = reason;
    }

    public LocalDate getFromDate() {
        return fromDate;
    }

    public LocalDate getToDate() {
        return toDate;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getReason() {
        return reason;
    }
}
