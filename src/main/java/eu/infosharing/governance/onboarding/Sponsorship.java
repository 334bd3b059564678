package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.membership.Membership;
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
import java.time.Instant;

/** A member organisation named by an applicant to vouch for it, and its answer. */
@Entity
public class Sponsorship {

    public enum Status { REQUESTED, ENDORSED, DECLINED, WAIVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sponsor_organisation_id")
    private Organisation sponsor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String decidedBy;

    private Instant decidedAt;

    private String reason;

    protected Sponsorship() {
    }

    public Sponsorship(Membership membership, Organisation sponsor) {
        this.membership = membership;
        this.sponsor = sponsor;
        this.status = Status.REQUESTED;
    }

    public void decide(Status outcome, String actor, String reason) {
        if (outcome == Status.REQUESTED) {
            throw new IllegalArgumentException("A decision cannot be REQUESTED");
        }
        this.status = outcome;
        this.decidedBy = actor;
        this.decidedAt = Instant.now();
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Membership getMembership() {
        return membership;
    }

    public Organisation getSponsor() {
        return sponsor;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}
