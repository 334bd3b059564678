package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.membership.Membership;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A member's acceptance of one exact version of the rules of conduct, with time and user. */
@Entity
public class RulesAcceptance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @ManyToOne(optional = false)
    @JoinColumn(name = "rules_version_id")
    private RulesOfConductVersion rulesVersion;

    @Column(nullable = false)
    private String acceptedBy;

    @Column(nullable = false)
    private Instant acceptedAt;

    protected RulesAcceptance() {
    }

    public RulesAcceptance(Membership membership, RulesOfConductVersion rulesVersion, String acceptedBy) {
        this.membership = membership;
        this.rulesVersion = rulesVersion;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = Instant.now();
    }

    public RulesOfConductVersion getRulesVersion() {
        return rulesVersion;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
