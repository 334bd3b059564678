package eu.infosharing.governance.privacy;

import eu.infosharing.governance.organisation.Organisation;
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

/**
 * A data subject's request about their personal data (GDPR Art. 15, 16, 17): who it is about (a contact person of one
 * organisation, by e-mail), who brought it and through which door, when it is due (Art. 12(3)) and how it was answered.
 * The subject's identity is kept here only, never in the engine's variables.
 */
@Entity
public class DataSubjectRequest {

    /** What the person asks for. */
    public enum Kind {
        ACCESS("Access (GDPR Art. 15)"), RECTIFICATION("Rectification (GDPR Art. 16)"), ERASURE("Erasure (GDPR Art. 17)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Through which door it came. */
    public enum ReceivedVia { REPRESENTATIVE, DPO_RECORDED }

    public enum Status { OPEN, EXTENDED, ANSWERED, RECTIFIED, ERASED, REFUSED }

    /** The DPO's answer. */
    public enum Outcome { ANSWER, RECTIFY, ERASE, EXTEND, REFUSE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String reference;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    private String subjectName;

    @Column(nullable = false)
    private String subjectEmail;

    private String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReceivedVia receivedVia;

    @Column(nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private Instant receivedAt;

    @Column(nullable = false)
    private LocalDate dueDate;

    private String extendedBy;

    private String extensionReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String outcomeReason;

    private String answeredBy;

    private Instant answeredAt;

    private String processInstanceId;

    @Version
    private long version;

    protected DataSubjectRequest() {
    }

    public DataSubjectRequest(Organisation organisation, Kind kind, String subjectName, String subjectEmail, String details,
                              ReceivedVia receivedVia, String requestedBy, LocalDate dueDate) {
        this.reference = "pending";
        this.organisation = organisation;
        this.kind = kind;
        this.subjectName = subjectName;
        this.subjectEmail = subjectEmail;
        this.details = details;
        this.receivedVia = receivedVia;
        this.requestedBy = requestedBy;
        this.receivedAt = Instant.now();
        this.dueDate = dueDate;
        this.status = Status.OPEN;
    }

    /** The reference the person and the audit trail know it by, once the request has its id. */
    void assignReference() {
        this.reference = String.format("DSR-%06d", id);
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The DPO's answer as submitted; the process then carries it out. */
    void answer(Outcome outcome, String reason, String by) {
        this.outcome = outcome;
        this.outcomeReason = reason;
        this.answeredBy = by;
        this.answeredAt = Instant.now();
    }

    /** Art. 12(3): once, by two further months, with the reason. */
    void extend(LocalDate newDueDate, String by, String reason) {
        this.dueDate = newDueDate;
        this.extendedBy = by;
        this.extensionReason = reason;
        this.status = Status.EXTENDED;
    }

    void close(Status closed) {
        this.status = closed;
    }

    public boolean isExtended() {
        return extendedBy != null;
    }

    public boolean isOpen() {
        return status == Status.OPEN || status == Status.EXTENDED;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSubjectName() {
        return subjectName;
    }

    public String getSubjectEmail() {
        return subjectEmail;
    }

    public String getDetails() {
        return details;
    }

    public ReceivedVia getReceivedVia() {
        return receivedVia;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getExtendedBy() {
        return extendedBy;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public Status getStatus() {
        return status;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
