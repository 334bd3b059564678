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
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every membership's audit chain: each entry's hash over its stored content, each link to the previous
 * entry, the sequence without gaps, and the head kept on the membership; a summary redacted by an erasure must be named
 * by that erasure's own (later) entry. Reports the first broken link. Runs nightly and on request.
 */
@Service
public class AuditChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

    private final MembershipRepository memberships;
    private final AtomicReference<Verification> last = new AtomicReference<>();

    public AuditChainVerifier(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    /** Where the chain breaks first, and why. */
    public record BrokenLink(Long membershipId, Long entryId, int seq, String reason) {
    }

    public record Verification(Instant verifiedAt, int memberships, int entries, boolean intact, BrokenLink firstBrokenLink) {
    }

    @Transactional(readOnly = true)
    public Verification verifyAll() {
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

    /** The first broken link of one membership's chain, or null when it is intact. */
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
                    "the trail ends before its recorded head: entries after it were removed");
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
