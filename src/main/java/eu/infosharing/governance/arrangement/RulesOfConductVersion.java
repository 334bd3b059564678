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

    protected RulesOfConductVersion() {
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
