package eu.infosharing.governance.arrangement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;

/** One version of an arrangement's rules of conduct; a member accepts exactly one version. */
@Entity
public class RulesOfConductVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "arrangement_id")
    private Arrangement arrangement;

    @Column(nullable = false)
    private String versionLabel;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private LocalDate effectiveFrom;

    @Column(nullable = false)
    private Instant publishedAt;

    /** What changed since the previous version, for the members who accept it. */
    private String changeSummary;

    private String publishedBy;

    protected RulesOfConductVersion() {
    }

    public RulesOfConductVersion(Arrangement arrangement, String versionLabel, String body, LocalDate effectiveFrom,
                                 String changeSummary, String publishedBy) {
        this.arrangement = arrangement;
        this.versionLabel = versionLabel;
        this.body = body;
        this.effectiveFrom = effectiveFrom;
        this.changeSummary = changeSummary;
        this.publishedBy = publishedBy;
        this.publishedAt = Instant.now();
    }

    public String getChangeSummary() {
        return changeSummary;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Long getId() {
        return id;
    }

    public Arrangement getArrangement() {
        return arrangement;
    }

    public String getVersionLabel() {
        return versionLabel;
    }

    public String getBody() {
        return body;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
