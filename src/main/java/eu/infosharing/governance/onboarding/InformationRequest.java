package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.process.ReadableDates;

import eu.infosharing.governance.membership.Membership;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A coordinator's question to the applicant during vetting, and the applicant's answer. */
@Entity
public class InformationRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Column(nullable = false)
    private String question;

    @Column(nullable = false)
    private String askedBy;

    @Column(nullable = false)
    private Instant askedAt;

    private String answer;

    private String answeredBy;

    private Instant answeredAt;

    protected InformationRequest() {
    }

    public InformationRequest(Membership membership, String question, String askedBy) {
        this.membership = membership;
        this.question = question;
        this.askedBy = askedBy;
        this.askedAt = Instant.now();
    }

    public void answer(String answer, String answeredBy) {
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredAt = Instant.now();
    }

    public boolean isOpen() {
        return answeredAt == null;
    }

    /** The question and its answer as a person reads them, each with its date and time: "30 November 2026, 10:35 ...". */
    public String display(ReadableDates dates) {
        return dates.dateTime(askedAt) + " " + askedBy + " asked: " + question
                + (isOpen() ? "\n  (not answered yet)" : "\n  " + dates.dateTime(answeredAt) + " " + answeredBy + " answered: " + answer);
    }

    public String getQuestion() {
        return question;
    }

    public String getAskedBy() {
        return askedBy;
    }

    public Instant getAskedAt() {
        return askedAt;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
