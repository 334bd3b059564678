package eu.infosharing.governance.revision;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RulesAcceptanceRequestRepository extends JpaRepository<RulesAcceptanceRequest, RulesAcceptanceRequest.Key> {

    /** Every member active now asked, in batches of batchSize by membership id; answers how many. */
    @Modifying
    @Query(value = "insert into rules_acceptance_request (rules_version_id, membership_id, batch_number) "
            + "select :version, m.id, (row_number() over (order by m.id) - 1) / :batchSize from membership m "
            + "where m.arrangement_id = :arrangement and m.status = 'ACTIVE'", nativeQuery = true)
    int askActiveMembers(@Param("version") Long rulesVersionId, @Param("arrangement") Long arrangementId,
                         @Param("batchSize") int batchSize);

    @Query("select distinct r.batchNumber from RulesAcceptanceRequest r where r.rulesVersionId = :version order by r.batchNumber")
    List<Integer> batches(@Param("version") Long rulesVersionId);

    /** The batch's members not asked yet, locked until the batch's transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<RulesAcceptanceRequest> findByRulesVersionIdAndBatchNumberAndProcessInstanceIdIsNullOrderByMembershipId(
            Long rulesVersionId, int batchNumber);

    /** Answers 1 when the member's request was open, 0 when it had settled already. */
    @Modifying(flushAutomatically = true)
    @Query("update RulesAcceptanceRequest r set r.settledAt = :at where r.rulesVersionId = :version "
            + "and r.membershipId = :membership and r.settledAt is null")
    int settle(@Param("version") Long rulesVersionId, @Param("membership") Long membershipId, @Param("at") Instant at);

    long countByRulesVersionIdAndSettledAtIsNull(Long rulesVersionId);

    /** Locks the version's row until the transaction ends: the settlements of one revision count one at a time. */
    @Query(value = "select id from rules_of_conduct_version where id = :version for update", nativeQuery = true)
    Long lockVersion(@Param("version") Long rulesVersionId);
}
