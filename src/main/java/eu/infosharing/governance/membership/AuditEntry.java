package eu.infosharing.governance.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of a membership's audit trail: who did what, when, and why, with a SHA-256 hash over its content and the
 * previous entry's hash. Changing, removing or inserting a row breaks the chain from there on.
 *
 * <p>The chain does not hash the summary's text but a salted SHA-256 digest of it (the summary commitment): personal
 * data that a summary may hold (a name typed into a reason) can then be erased (GDPR Art. 17) by {@link #redact}, which
 * replaces the text, drops the salt and keeps the digest, and the chain still verifies. Without the salt the digest no
 * longer links to the erased text. Entries written before the commitment existed (no salt, no digest) hash their text,
 * as they always did, and cannot be redacted. See docs/adr/0002-erasure-and-the-audit-chain.md.
 */
@Entity
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String summary;

    private String previousHash;

    @Column(nullable = false)
    private String hash;

    /** Random salt of the summary's digest; dropped when the summary is redacted. */
    private String summarySalt;

    /** SHA-256 over the salt and the summary as written: what the chain hashes. */
    private String summaryDigest;

    /** When personal data in the summary was erased; the text is then no longer the one the digest commits to. */
    private Instant redactedAt;

    private static final java.security.SecureRandom SALTS = new java.security.SecureRandom();

    protected AuditEntry() {
    }

    AuditEntry(Membership membership, int seq, String actor, String kind, String summary, String previousHash) {
        this.membership = membership;
        this.seq = seq;
        // microseconds: what both H2 and PostgreSQL keep, so the hash can be recomputed from the stored row
        this.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.actor = actor;
        this.kind = kind;
        this.summary = summary.length() <= 4000 ? summary : summary.substring(0, 4000);
        this.previousHash = previousHash;
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        this.summarySalt = HexFormat.of().formatHex(salt);
        this.summaryDigest = summaryDigest(summarySalt, this.summary);
        this.hash = computeHash(membership.getId(), seq, occurredAt, this.actor, kind, commitment(summaryDigest), previousHash);
    }

    /** The salted digest of a summary. */
    public static String summaryDigest(String salt, String summary) {
        return sha256(salt + "\u001f" + summary);
    }

    /** What the chain hashes in place of a committed summary's text. */
    private static String commitment(String digest) {
        return "sha256:" + digest;
    }

    /**
     * Erases personal data from the summary: the text is replaced, the salt dropped, the digest (and so the chain)
     * kept. Only entries that commit to their summary can be redacted; answers whether this one was.
     */
    public boolean redact(String erasedSummary) {
        if (summaryDigest == null) {
            return false;
        }
        this.summary = erasedSummary.length() <= 4000 ? erasedSummary : erasedSummary.substring(0, 4000);
        this.summarySalt = null;
        this.redactedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /** The hash of an entry with this content after that previous hash. */
    public static String computeHash(Long membershipId, int seq, Instant occurredAt, String actor, String kind,
                                     String summary, String previousHash) {
        return sha256(String.join("\u001f", String.valueOf(membershipId), String.valueOf(seq),
                occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), actor, kind, summary,
                previousHash == null ? "" : previousHash));
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the stored hash matches the stored content: the summary's digest (unless the summary was redacted, when
     * only the digest can be checked) and the hash over the digest; for an entry written before summaries were
     * committed, the hash over the text.
     */
    public boolean contentMatchesHash() {
        return contentMatchesHash(membership.getId(), seq, occurredAt, actor, kind, summary, previousHash, hash,
                summarySalt, summaryDigest, redactedAt);
    }

    /**
     * {@link #contentMatchesHash()} of an entry read as plain columns (the verification reads many chains at once
     * without loading their memberships).
     */
    public static boolean contentMatchesHash(Long membershipId, int seq, Instant occurredAt, String actor, String kind,
                                             String summary, String previousHash, String hash, String summarySalt,
                                             String summaryDigest, Instant redactedAt) {
        if (summaryDigest == null) {
            return redactedAt == null && hash.equals(computeHash(membershipId, seq, occurredAt, actor, kind, summary, previousHash));
        }
        boolean summaryIntact = redactedAt != null ? summarySalt == null
                : summarySalt != null && summaryDigest.equals(summaryDigest(summarySalt, summary));
        return summaryIntact && hash.equals(computeHash(membershipId, seq, occurredAt, actor, kind, commitment(summaryDigest), previousHash));
    }

    /** The kind of the entry that records an erasure and names the entries it redacted. */
    public static final String ERASURE_KIND = "PERSONAL_DATA_ERASED";

    private static final String REDACTED_LIST = "audit entries redacted: ";

    /** How an erasure entry names the entries it redacted, at the end of its summary. */
    public static String redactedList(java.util.Collection<Integer> seqs) {
        return REDACTED_LIST + seqs.stream().sorted().map(q -> "#" + q).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The entries an erasure entry says it redacted (none for any other entry). */
    public java.util.Set<Integer> redactedSeqsNamed() {
        return redactedSeqsNamed(kind, summary);
    }

    /** The entries an erasure entry of this kind and summary says it redacted (none for any other entry). */
    public static java.util.Set<Integer> redactedSeqsNamed(String kind, String summary) {
        int at = summary.indexOf(REDACTED_LIST);
        if (!ERASURE_KIND.equals(kind) || at < 0) {
            return java.util.Set.of();
        }
        return java.util.regex.Pattern.compile("#(\\d+)").matcher(summary.substring(at)).results()
                .map(r -> Integer.valueOf(r.group(1))).collect(java.util.stream.Collectors.toSet());
    }

    public boolean isRedacted() {
        return redactedAt != null;
    }

    public Instant getRedactedAt() {
        return redactedAt;
    }

    public Long getId() {
        return id;
    }

    public Membership getMembership() {
        return membership;
    }

    public int getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}
