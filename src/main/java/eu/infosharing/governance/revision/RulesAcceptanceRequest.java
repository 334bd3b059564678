package eu.infosharing.governance.revision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;

/**
 * One member asked to accept one rules revision (V18): written for every member active when the revision is published,
 * given its rules-acceptance instance by its batch, settled when that instance ends.
 */
@Entity
@IdClass(RulesAcceptanceRequest.Key.class)
public class RulesAcceptanceRequest {

    public record Key(Long rulesVersionId, Long membershipId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "rules_version_id")
    private Long rulesVersionId;

    @Id
    @Column(name = "membership_id")
    private Long membershipId;

    @Column(nullable = false)
    private int batchNumber;

    private String processInstanceId;

    private Instant settledAt;

    protected RulesAcceptanceRequest() {
    }

    public Long getMembershipId() {
        return membershipId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    void asked(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }
}
