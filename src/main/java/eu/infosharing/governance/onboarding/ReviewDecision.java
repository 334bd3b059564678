package eu.infosharing.governance.onboarding;

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
import java.time.Instant;

/** A decision taken on an application at one stage of its review, with its reason: kept as evidence. */
@Entity
public class ReviewDecision {

    public enum Stage { VETTING, GDPR, COMPETITION_LAW }

    public enum Decision { APPROVE, REJECT, REQUEST_INFORMATION, AUTOMATIC_PASS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision decision;

    private String reason;

    /** Stage-specific facts (GDPR checklist, competition screen rationale). */
    private String details;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private Instant decidedAt;

    protected ReviewDecision() {
    }

    public ReviewDecision(Membership membership, Stage stage, Decision decision, String reason, String details, String actor) {
        this.membership = membership;
        this.stage = stage;
        this.decision = decision;
        this.reason = reason;
        this.details = details;
        this.actor = actor;
        this.decidedAt = Instant.now();
    }

    public Stage getStage() {
        return stage;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public String getDetails() {
        return details;
    }

    public String getActor() {
        return actor;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
