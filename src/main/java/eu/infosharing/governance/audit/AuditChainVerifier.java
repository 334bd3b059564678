package eu.infosharing.governance.audit;

import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.AuditVerificationCheckpoint;
import eu.infosharing.governance.membership.AuditVerificationCheckpoint.VerifiedHead;
import eu.infosharing.governance.membership.Membership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes membership audit chains: each entry's hash over its stored content, each link to the previous entry, the
 * sequence without gaps, and the head kept on the membership; a summary redacted by an erasure must be named by that
 * erasure's own (later) entry. Reports the first broken link.
 *
 * <p>Two kinds of check (issue 17, ADR 8). The <b>incremental</b> one, on request, reads only the entries written since
 * the checkpoint, and checks each membership's new entries onto the head it verified last (whatever their ids: an
 * entry whose id is lower than one verified already but that committed later is still read, because it follows its
 * membership's verified head), in a constant number of statements; when everything is intact it moves the checkpoint
 * and the heads forward. It cannot see an entry changed after it was verified. The <b>full</b> one, nightly and on
 * request ({@code ?full=true}), reads every chain, {@value #CHUNK} memberships at a time (keyset on the membership id,
 * each chunk in its own snapshot), and finds that too.
 */
@Service
public class AuditChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

    /** Memberships whose chains one snapshot of the full verification reads: bounds its memory at any size. */
    static final int CHUNK = 500;

    private static final String ENTRY = "e.id, e.membership_id, e.seq, e.occurred_at, e.actor, e.kind, e.summary, "
            + "e.previous_hash, e.hash, e.summary_salt, e.summary_digest, e.redacted_at";

    private final JdbcTemplate jdbc;
    private final AuditVerificationCheckpoint checkpoint;
    private final TransactionTemplate snapshot;
    private final Duration settle;
    private final AtomicReference<Verification> last = new AtomicReference<>();

    public AuditChainVerifier(JdbcTemplate jdbc, AuditVerificationCheckpoint checkpoint, PlatformTransactionManager transactions,
                              @Value("${governance.audit.verify-settle:PT10M}") Duration settle) {
        this.jdbc = jdbc;
        this.checkpoint = checkpoint;
        this.snapshot = new TransactionTemplate(transactions, SNAPSHOT);
        this.settle = settle;
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

    /** Which check answered. */
    public enum Kind { INCREMENTAL, FULL }

    /** Where the chain breaks first, and why. */
    public record BrokenLink(Long membershipId, Long entryId, int seq, String reason) {
    }

    /**
     * One check's answer: the memberships and entries it read, whether they are intact, and up to which entry (and when
     * that entry was written) the whole trail is verified; with the last full verification's result.
     */
    public record Verification(Kind kind, Instant verifiedAt, int memberships, long entries, boolean intact,
                               BrokenLink firstBrokenLink, Long verifiedThroughEntryId, Instant verifiedThroughAt,
                               FullVerification lastFullVerification) {
    }

    /** When the last full verification ran and what it found (null fields: none has run yet). */
    public record FullVerification(Instant startedAt, Instant finishedAt, Boolean intact, Integer memberships, Long entries,
                                   BrokenLink firstBrokenLink) {
    }

    /** One stored entry, as the chain check needs it. */
    private record Link(Long id, Long membershipId, int seq, Instant occurredAt, String previousHash, String hash,
                        boolean contentIntact, boolean redacted, Set<Integer> namesRedacted) {

        static Link of(AuditEntry e) {
            return new Link(e.getId(), e.getMembership().getId(), e.getSeq(), e.getOccurredAt(), e.getPreviousHash(),
                    e.getHash(), e.contentMatchesHash(), e.isRedacted(), e.redactedSeqsNamed());
        }

        static Link read(ResultSet rs) throws SQLException {
            Long membershipId = rs.getLong("membership_id");
            int seq = rs.getInt("seq");
            Instant occurredAt = instant(rs, "occurred_at");
            Instant redactedAt = instant(rs, "redacted_at");
            String kind = rs.getString("kind");
            String summary = rs.getString("summary");
            String previous = rs.getString("previous_hash");
            String hash = rs.getString("hash");
            return new Link(rs.getLong("id"), membershipId, seq, occurredAt, previous, hash,
                    AuditEntry.contentMatchesHash(membershipId, seq, occurredAt, rs.getString("actor"), kind, summary,
                            previous, hash, rs.getString("summary_salt"), rs.getString("summary_digest"), redactedAt),
                    redactedAt != null, AuditEntry.redactedSeqsNamed(kind, summary));
        }
    }

    /** A membership's chain to check: the head it verified last (seq 0 and no hash: none) and the head it records. */
    private record Chain(Long membershipId, int verifiedSeq, String verifiedHash, Long verifiedEntryId, String head, int headSeq,
                         int storedSeq) {
    }

    /** The newest entry, and the newest one old enough to count as settled. */
    private record Mark(Long newestId, Instant newestAt, Long settledId) {
    }

    /**
     * The full verification: every chain from its first entry, {@value #CHUNK} memberships per snapshot, in the order of
     * their ids. Records its result (and, when intact, moves the checkpoint and the heads forward).
     */
    public Verification verifyAll() {
        Instant started = now();
        Mark mark = snapshot.execute(s -> mark(-1L, started));
        long after = Long.MIN_VALUE;
        int memberships = 0;
        long entries = 0;
        BrokenLink broken = null;
        while (true) {
            long from = after;
            List<Chain> chains = new ArrayList<>();
            List<Link> links = new ArrayList<>();
            snapshot.executeWithoutResult(s -> {
                chains.addAll(jdbc.query("""
                        select m.id, m.audit_head, m.audit_seq, h.seq as verified_seq
                        from membership m left join audit_verified_head h on h.membership_id = m.id
                        where m.id > ? order by m.id limit ?""", (rs, i) -> new Chain(rs.getLong("id"), 0, null, null,
                        rs.getString("audit_head"), rs.getInt("audit_seq"), rs.getInt("verified_seq")), from, CHUNK));
                if (!chains.isEmpty()) {
                    links.addAll(jdbc.query("select " + ENTRY + " from audit_entry e where e.membership_id between ? and ? "
                            + "order by e.membership_id, e.seq", (rs, i) -> Link.read(rs), chains.get(0).membershipId(),
                            chains.get(chains.size() - 1).membershipId()));
                }
            });
            if (chains.isEmpty()) {
                break;
            }
            List<VerifiedHead> heads = new ArrayList<>();
            BrokenLink b = checkAll(chains, links, heads);
            broken = broken == null ? b : broken;
            if (!heads.isEmpty()) {
                checkpoint.advance(heads, null, null, null, null);
            }
            memberships += chains.size();
            entries += links.size();
            after = chains.get(chains.size() - 1).membershipId();
        }
        Instant finished = now();
        if (broken == null) {
            checkpoint.advance(List.of(), mark.settledId(), mark.newestId(), mark.newestAt(), finished);
        }
        checkpoint.recordFull(started, finished, broken == null, memberships, entries, broken == null ? null
                : new AuditVerificationCheckpoint.Broken(broken.membershipId(), broken.entryId(), broken.seq(), broken.reason()));
        Verification v = new Verification(Kind.FULL, finished, memberships, entries, broken == null, broken,
                broken == null ? mark.newestId() : null, broken == null ? mark.newestAt() : null,
                new FullVerification(started, finished, broken == null, memberships, entries, broken));
        last.set(v);
        return v;
    }

    /**
     * The incremental verification: the entries written since the checkpoint, each membership's onto the head verified
     * last, in one snapshot and a constant number of statements. Before any checkpoint exists, the full one runs.
     */
    public Verification verifyIncrementally() {
        Instant now = now();
        List<VerifiedHead> heads = new ArrayList<>();
        Object[] result = snapshot.execute(s -> {
            Map<String, Object> state = jdbc.queryForList("select * from audit_verification where id = 1").stream()
                    .findFirst().orElse(null);
            Long from = state == null ? null : asLong(state.get("checkpoint_entry_id"));
            if (from == null) {
                return null;
            }
            Mark mark = mark(from, now);
            // the memberships that got an entry since the checkpoint, with the head each records and the one verified
            List<Chain> chains = jdbc.query("""
                    select m.id, m.audit_head, m.audit_seq, h.seq as verified_seq, h.hash as verified_hash, h.entry_id as verified_entry
                    from membership m left join audit_verified_head h on h.membership_id = m.id
                    where m.id in (select n.membership_id from audit_entry n where n.id > ?) order by m.id""",
                    (rs, i) -> new Chain(rs.getLong("id"), rs.getInt("verified_seq"), rs.getString("verified_hash"),
                            asLong(rs.getObject("verified_entry")), rs.getString("audit_head"), rs.getInt("audit_seq"),
                            rs.getInt("verified_seq")), from);
            // their entries after the verified head, whatever their ids
            List<Link> links = jdbc.query("select " + ENTRY + """
                     from audit_entry e left join audit_verified_head h on h.membership_id = e.membership_id
                    where e.membership_id in (select n.membership_id from audit_entry n where n.id > ?)
                      and e.seq > coalesce(h.seq, 0)
                    order by e.membership_id, e.seq""", (rs, i) -> Link.read(rs), from);
            BrokenLink broken = checkAll(chains, links, heads);
            return new Object[] {state, mark, chains.size(), links.size(), broken, from};
        });
        if (result == null) {
            return verifyAll();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) result[0];
        Mark mark = (Mark) result[1];
        BrokenLink broken = (BrokenLink) result[4];
        Long through = asLong(state.get("verified_through_entry_id"));
        Instant throughAt = instant(state.get("verified_through_at"));
        if (broken == null) {
            Long settled = mark.settledId() == null ? (Long) result[5] : mark.settledId();
            if (!heads.isEmpty() || !settled.equals(result[5]) || mark.newestId() != null && !mark.newestId().equals(through)) {
                checkpoint.advance(heads, settled, mark.newestId() == null ? through : mark.newestId(),
                        mark.newestId() == null ? throughAt : mark.newestAt(), now);
            }
            if (mark.newestId() != null && (through == null || mark.newestId() > through)) {
                through = mark.newestId();
                throughAt = mark.newestAt();
            }
        }
        BrokenLink fullBroken = state.get("full_broken_reason") == null ? null
                : new BrokenLink(asLong(state.get("full_broken_membership_id")), asLong(state.get("full_broken_entry_id")),
                ((Number) state.get("full_broken_seq")).intValue(), (String) state.get("full_broken_reason"));
        FullVerification full = new FullVerification(instant(state.get("full_started_at")), instant(state.get("full_finished_at")),
                (Boolean) state.get("full_intact"), state.get("full_memberships") == null ? null
                : ((Number) state.get("full_memberships")).intValue(), asLong(state.get("full_entries")), fullBroken);
        Verification v = new Verification(Kind.INCREMENTAL, now, (Integer) result[2], (Integer) result[3], broken == null,
                broken, broken == null ? through : null, broken == null ? throughAt : null, full);
        last.set(v);
        return v;
    }

    /**
     * The newest entry after {@code from}, and the newest one written at least governance.audit.verify-settle before
     * {@code now}: the checkpoint goes no further than that one, so an entry that got a lower id but commits after a
     * check (its transaction was still open) is read by a later check instead of being jumped over.
     */
    private Mark mark(Long from, Instant now) {
        List<Object[]> newest = jdbc.query("select id, occurred_at from audit_entry where id > ? order by id desc limit 1",
                (rs, i) -> new Object[] {rs.getLong("id"), instant(rs, "occurred_at")}, from);
        List<Long> settled = jdbc.query("select id from audit_entry where id > ? and occurred_at < ? order by id desc limit 1",
                (rs, i) -> rs.getLong("id"), from, now.minus(settle).atOffset(java.time.ZoneOffset.UTC));
        return new Mark(newest.isEmpty() ? null : (Long) newest.get(0)[0], newest.isEmpty() ? null : (Instant) newest.get(0)[1],
                settled.isEmpty() ? (from < 0 ? 0L : null) : settled.get(0));
    }

    /** Checks each chain against its links (both in membership order); collects the new heads of the intact ones. */
    private static BrokenLink checkAll(List<Chain> chains, List<Link> links, List<VerifiedHead> heads) {
        BrokenLink first = null;
        int at = 0;
        for (Chain c : chains) {
            int start = at;
            while (at < links.size() && links.get(at).membershipId().equals(c.membershipId())) {
                at++;
            }
            List<Link> own = links.subList(start, at);
            BrokenLink b = check(c, own);
            // a head is stored when it moves: the full check reads every chain, most already verified up to their end
            if (b == null && !own.isEmpty() && own.get(own.size() - 1).seq() > c.storedSeq()) {
                Link lastLink = own.get(own.size() - 1);
                heads.add(new VerifiedHead(c.membershipId(), lastLink.seq(), lastLink.hash(), lastLink.id()));
            }
            first = first == null ? b : first;
        }
        return first;
    }

    /**
     * The first broken link of one membership's chain, or null when it is intact. Read the membership in a transaction
     * of {@link #SNAPSHOT} isolation (the audit page and the evidence pack do), so that its head and its trail agree.
     */
    public BrokenLink verify(Membership m) {
        return check(new Chain(m.getId(), 0, null, null, m.getAuditHead(), m.getAuditSeq(), 0),
                m.getAuditTrail().stream().map(Link::of).toList());
    }

    /** The links after the verified head, in order, checked onto it and against the head the membership records. */
    private static BrokenLink check(Chain c, List<Link> trail) {
        String previous = c.verifiedHash();
        int expectedSeq = c.verifiedSeq() + 1;
        Map<Integer, Link> unaccountedRedactions = new LinkedHashMap<>();
        for (Link e : trail) {
            if (e.seq() != expectedSeq) {
                return new BrokenLink(c.membershipId(), e.id(), e.seq(), "entry " + expectedSeq + " is missing");
            }
            if (!Objects.equals(e.previousHash(), previous)) {
                return new BrokenLink(c.membershipId(), e.id(), e.seq(), "does not link to the entry before it");
            }
            if (!e.contentIntact()) {
                return new BrokenLink(c.membershipId(), e.id(), e.seq(), "its content was changed after it was written");
            }
            if (e.redacted()) {
                unaccountedRedactions.put(e.seq(), e);
            }
            e.namesRedacted().forEach(unaccountedRedactions::remove);
            previous = e.hash();
            expectedSeq++;
        }
        // a redaction is legitimate only when a later erasure entry, itself in the chain, names it
        if (!unaccountedRedactions.isEmpty()) {
            Link e = unaccountedRedactions.values().iterator().next();
            return new BrokenLink(c.membershipId(), e.id(), e.seq(), "its summary was redacted without an erasure entry that names it");
        }
        int length = c.verifiedSeq() + trail.size();
        if (!Objects.equals(previous, c.head()) || length != c.headSeq()) {
            Long lastId = trail.isEmpty() ? c.verifiedEntryId() : trail.get(trail.size() - 1).id();
            return new BrokenLink(c.membershipId(), lastId, length,
                    length > c.headSeq() ? "the trail goes on after its recorded head: entries were added after it"
                            : "the trail ends before its recorded head: entries after it were removed");
        }
        return null;
    }

    /**
     * Nightly, outside office hours: the full verification, which also finds an entry changed after an incremental
     * check verified it; a broken chain is logged as an error for the operators' monitoring.
     */
    @Scheduled(cron = "${governance.audit.verify-cron:0 30 2 * * *}", zone = "#{@notificationSettings.zone.id}")
    public void nightly() {
        Verification v = verifyAll();
        if (v.intact()) {
            log.info("Audit trail verified in full: {} entries of {} memberships intact", v.entries(), v.memberships());
        } else {
            log.error("Audit trail BROKEN at membership {} entry {} (#{}): {}", v.firstBrokenLink().membershipId(),
                    v.firstBrokenLink().entryId(), v.firstBrokenLink().seq(), v.firstBrokenLink().reason());
        }
    }

    public Verification lastVerification() {
        return last.get();
    }

    /** To the microsecond, as the database keeps it: what a check answers is what a later one reads back. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value instanceof Instant i ? i : java.time.ZonedDateTime.parse(value.toString()).toInstant();
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
