package eu.infosharing.governance.notification;

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

/** A coordinator adds an authority the decision table missed (the ECB for a significant bank) or removes one. */
@Entity
public class AuthorityOverride {

    public enum Action { ADD, REMOVE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Column(nullable = false)
    private String authorityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private Instant decidedAt;

    protected AuthorityOverride() {
    }

    public AuthorityOverride(Membership membership, String authorityCode, Action action, String reason, String actor) {
        this.membership = membership;
        this.authorityCode = authorityCode;
        this.action = action;
        this.reason = reason;
        this.actor = actor;
        this.decidedAt = Instant.now();
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public Action getAction() {
        return action;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
