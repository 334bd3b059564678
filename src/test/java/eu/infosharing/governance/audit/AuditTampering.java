package eu.infosharing.governance.audit;

import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What the verification tests do to the audit trail behind the product's back. */
final class AuditTampering {

    private AuditTampering() {
    }

    /** Puts a removed audit row back as it was (the map holds its columns, as read with select *). */
    static void reinsert(JdbcTemplate jdbc, Map<String, Object> row) {
        jdbc.update("insert into audit_entry (id, membership_id, seq, occurred_at, actor, kind, summary, previous_hash, hash, "
                        + "summary_salt, summary_digest, redacted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"),
                row.get("membership_id"), row.get("seq"), row.get("occurred_at"), row.get("actor"), row.get("kind"),
                row.get("summary"), row.get("previous_hash"), row.get("hash"), row.get("summary_salt"),
                row.get("summary_digest"), row.get("redacted_at"));
    }

    /**
     * A transaction that appends an entry to a membership's trail (its id taken now, from the sequence) and stays open
     * until {@link #commit()}: another transaction meanwhile takes a higher id and may commit first.
     */
    static final class LateCommit {

        private final CountDownLatch written = new CountDownLatch(1);
        private final CountDownLatch commit = new CountDownLatch(1);
        private final CompletableFuture<Long> entryId;

        LateCommit(TransactionTemplate tx, MembershipRepository memberships, Long membershipId, String summary)
                throws InterruptedException {
            entryId = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
                Membership m = memberships.findById(membershipId).orElseThrow();
                m.audit(CurrentUser.SYSTEM, "NOTE", summary);
                memberships.saveAndFlush(m);
                written.countDown();
                try {
                    commit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return m.getAuditTrail().get(m.getAuditTrail().size() - 1).getId();
            }));
            if (!written.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the entry was not written");
            }
        }

        /** Commits, and answers the entry's id. */
        Long commit() throws Exception {
            commit.countDown();
            return entryId.get(60, TimeUnit.SECONDS);
        }
    }
}
