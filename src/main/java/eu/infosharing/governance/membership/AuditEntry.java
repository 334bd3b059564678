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
        this.hash = computeHash(membership.getId(), seq, occurredAt, this.actor, kind, this.summary, previousHash);
    }

    /** The hash of an entry with this content after that previous hash. */
    public static String computeHash(Long membershipId, int seq, Instant occurredAt, String actor, String kind,
                                     String summary, String previousHash) {
        String content = String.join("\u001f", String.valueOf(membershipId), String.valueOf(seq),
                occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), actor, kind, summary,
                previousHash == null ? "" : previousHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the stored hash matches the stored content. */
    public boolean contentMatchesHash() {
        return hash.equals(computeHash(membership.getId(), seq, occurredAt, actor, kind, summary, previousHash));
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
