package eu.infosharing.governance.membership;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit verification has found intact so far (V19): per membership the last entry verified, the checkpoint up
 * to which every entry is verified, and the last full verification's result. The verification (the read side,
 * {@code audit.AuditChainVerifier}) reads these rows in its own snapshot and has them moved forward here, next to the
 * chain they describe; it changes nothing of the chain itself. Every write only moves forward, so two checks running
 * at once (two nodes, the nightly one and a request) leave the newest of what either verified.
 */
@Component
public class AuditVerificationCheckpoint {

    /** The last entry of a membership's chain that a verification found intact. */
    public record VerifiedHead(Long membershipId, int seq, String hash, Long entryId) {
    }

    /** Where the chain of one membership broke, as the last full verification recorded it. */
    public record Broken(Long membershipId, Long entryId, Integer seq, String reason) {
    }

    private static final String MERGE_HEAD = """
            merge into audit_verified_head h
            using (select cast(? as bigint) as membership_id, cast(? as integer) as seq, cast(? as varchar(64)) as hash,
                          cast(? as bigint) as entry_id) v
            on h.membership_id = v.membership_id
            when matched and h.seq < v.seq then update set seq = v.seq, hash = v.hash, entry_id = v.entry_id
            when not matched then insert (membership_id, seq, hash, entry_id) values (v.membership_id, v.seq, v.hash, v.entry_id)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public AuditVerificationCheckpoint(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Records the heads found intact and moves the checkpoint to {@code checkpointEntryId} (every entry up to it is
     * verified) and the newest entry seen to {@code throughEntryId}, never backwards.
     */
    public void advance(List<VerifiedHead> heads, Long checkpointEntryId, Long throughEntryId, Instant throughAt, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                // no entry seen yet: nothing is "verified through" (-1 never beats a stored id)
                long through = throughEntryId == null ? -1 : throughEntryId;
                transaction.executeWithoutResult(s -> {
                    if (!heads.isEmpty()) {
                        jdbc.batchUpdate(MERGE_HEAD, heads, heads.size(), (ps, h) -> {
                            ps.setLong(1, h.membershipId());
                            ps.setInt(2, h.seq());
                            ps.setString(3, h.hash());
                            ps.setLong(4, h.entryId());
                        });
                    }
                    if (checkpointEntryId != null) {
                        jdbc.update("""
                                update audit_verification set
                                  checkpoint_entry_id = greatest(coalesce(checkpoint_entry_id, -1), ?),
                                  verified_through_at = case when coalesce(verified_through_entry_id, -1) < ? then ?
                                                        else verified_through_at end,
                                  verified_through_entry_id = case when coalesce(verified_through_entry_id, -1) < ? then ?
                                                              else verified_through_entry_id end,
                                  incremental_at = ?
                                where id = 1""", checkpointEntryId, through, timestamp(throughAt), through, through,
                                timestamp(at));
                    }
                });
                return;
            } catch (DataIntegrityViolationException e) {
                // another check inserted the same membership's head first: the second attempt finds it and moves it on
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** Records a full verification's result, unless one that started later has been recorded already. */
    public void recordFull(Instant startedAt, Instant finishedAt, boolean intact, int memberships, long entries, Broken broken) {
        jdbc.update("""
                update audit_verification set full_started_at = ?, full_finished_at = ?, full_intact = ?, full_memberships = ?,
                  full_entries = ?, full_broken_membership_id = ?, full_broken_entry_id = ?, full_broken_seq = ?,
                  full_broken_reason = ?
                where id = 1 and (full_started_at is null or full_started_at <= ?)""", timestamp(startedAt),
                timestamp(finishedAt), intact, memberships, entries, broken == null ? null : broken.membershipId(),
                broken == null ? null : broken.entryId(), broken == null ? null : broken.seq(),
                broken == null ? null : broken.reason(), timestamp(startedAt));
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
