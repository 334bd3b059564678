package eu.infosharing.governance.audit;

import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every membership's audit chain: each entry's hash over its stored content, each link to the previous
 * entry, the sequence without gaps, and the head kept on the membership; a summary redacted by an erasure must be named
 * by that erasure's own (later) entry. Reports the first broken link. Runs nightly and on request.
 */
@Service
public class AuditChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

    private final MembershipRepository memberships;
    private final TransactionTemplate snapshot;
    private final AtomicReference<Verification> last = new AtomicReference<>();

    public AuditChainVerifier(MembershipRepository memberships, PlatformTransactionManager transactions) {
        this.memberships = memberships;
        this.snapshot = new TransactionTemplate(transactions, SNAPSHOT);
    }

    /**
     * How every check reads: one read-only transaction that sees the database as it was at its first read (PostgreSQL's
     * repeatable read is a snapshot). Each membership's head and the rows of its trail are then read as of the same
     * moment, so entries appended meanwhile by another transaction (a notification's, a task's) are not seen half
     * written: no false break while work goes on, and a row edited, removed or inserted is still found.
     */
    public static final TransactionDefinition SNAPSHOT = snapshotDefinition();

    private static TransactionDefinition snapshotDefinition() {
        DefaultTransactionDefinition d = new DefaultTransactionDefinition();
        d.setReadOnly(true);
        d.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return d;
    }

    /** Where the chain breaks first, and why. */
    public record BrokenLink(Long membershipId, Long entryId, int seq, String reason) {
    }

    public record Verification(Instant verifiedAt, int memberships, int entries, boolean intact, BrokenLink firstBrokenLink) {
    }

    /** Every chain, read in one snapshot (also when the nightly check calls it: no proxy is involved). */
    public Verification verifyAll() {
        return snapshot.execute(status -> verifyAllInSnapshot());
    }

    private Verification verifyAllInSnapshot() {
        int entries = 0;
        int count = 0;
        BrokenLink broken = null;
        for (Membership m : memberships.findAll(org.springframework.data.domain.Sort.by("id"))) {
            count++;
            entries += m.getAuditTrail().size();
            BrokenLink b = verify(m);
            if (b != null && broken == null) {
                broken = b;
            }
        }
        Verification v = new Verification(Instant.now(), count, entries, broken == null, broken);
        last.set(v);
        return v;
    }

    /**
     * The first broken link of one membership's chain, or null when it is intact. Read the membership in a transaction
     * of {@link #SNAPSHOT} isolation (the audit page and the evidence pack do), so that its head and its trail agree.
     */
    public BrokenLink verify(Membership m) {
        List<AuditEntry> trail = m.getAuditTrail();
        String previous = null;
        int expectedSeq = 1;
        java.util.Map<Integer, AuditEntry> unaccountedRedactions = new java.util.LinkedHashMap<>();
        for (AuditEntry e : trail) {
            if (e.getSeq() != expectedSeq) {
                return new BrokenLink(m.getId(), e.getId(), e.getSeq(), "entry " + expectedSeq + " is missing");
            }
            if (!java.util.Objects.equals(e.getPreviousHash(), previous)) {
                return new BrokenLink(m.getId(), e.getId(), e.getSeq(), "does not link to the entry before it");
            }
            if (!e.contentMatchesHash()) {
                return new BrokenLink(m.getId(), e.getId(), e.getSeq(), "its content was changed after it was written");
            }
            if (e.isRedacted()) {
                unaccountedRedactions.put(e.getSeq(), e);
            }
            e.redactedSeqsNamed().forEach(unaccountedRedactions::remove);
            previous = e.getHash();
            expectedSeq++;
        }
        // a redaction is legitimate only when a later erasure entry, itself in the chain, names it
        if (!unaccountedRedactions.isEmpty()) {
            AuditEntry e = unaccountedRedactions.values().iterator().next();
            return new BrokenLink(m.getId(), e.getId(), e.getSeq(), "its summary was redacted without an erasure entry that names it");
        }
        if (!java.util.Objects.equals(previous, m.getAuditHead()) || trail.size() != m.getAuditSeq()) {
            AuditEntry lastEntry = trail.isEmpty() ? null : trail.get(trail.size() - 1);
            return new BrokenLink(m.getId(), lastEntry == null ? null : lastEntry.getId(), trail.size(),
                    trail.size() > m.getAuditSeq() ? "the trail goes on after its recorded head: entries were added after it"
                            : "the trail ends before its recorded head: entries after it were removed");
        }
        return null;
    }

    /** Nightly, outside office hours; a broken chain is logged as an error for the operators' monitoring. */
    @Scheduled(cron = "${governance.audit.verify-cron:0 30 2 * * *}", zone = "#{@notificationSettings.zone.id}")
    public void nightly() {
        Verification v = verifyAll();
        if (v.intact()) {
            log.info("Audit trail verified: {} entries of {} memberships intact", v.entries(), v.memberships());
        } else {
            log.error("Audit trail BROKEN at membership {} entry {} (#{}): {}", v.firstBrokenLink().membershipId(),
                    v.firstBrokenLink().entryId(), v.firstBrokenLink().seq(), v.firstBrokenLink().reason());
        }
    }

    public Verification lastVerification() {
        return last.get();
    }
}
