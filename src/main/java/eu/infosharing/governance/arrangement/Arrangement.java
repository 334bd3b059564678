package eu.infosharing.governance.arrangement;

import eu.infosharing.governance.organisation.ParticipantType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.EnumSet;
import java.util.Set;

/** An information-sharing arrangement: a community with its conditions for participation and rules of conduct. */
@Entity
public class Arrangement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private int requiredSponsors;

    /** Whether organisations competing in the same market take part: a competition-law concern. */
    @Column(nullable = false)
    private boolean admitsDirectCompetitors;

    private String operationalPlatform;

    /** How long after a withdrawal request the withdrawal takes effect (ISO 8601 period, e.g. P1M). */
    @Column(nullable = false)
    private String noticePeriod = "P1M";

    // Lazy, like the rules below: every membership loaded joins its arrangement, and eager collections multiplied that
    // one row by participant types and rules (36 rows per membership load, 14 loads per lifecycle; issue 17). The few
    // readers (automated checks, the rules task, the arrangement list) run inside a transaction.
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "arrangement_participant_type", joinColumns = @JoinColumn(name = "arrangement_id"))
    @Column(name = "participant_type")
    @Enumerated(EnumType.STRING)
    private Set<ParticipantType> admittedParticipantTypes = EnumSet.noneOf(ParticipantType.class);

    /** Lazy: the rules' whole text is needed when a member reads or accepts them, not whenever a membership is loaded. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_rules_version_id")
    private RulesOfConductVersion currentRules;

    protected Arrangement() {
    }

    public java.time.Period getNoticePeriod() {
        return java.time.Period.parse(noticePeriod);
    }

    /** A new version of the rules takes effect. */
    public void adopt(RulesOfConductVersion rules) {
        this.currentRules = rules;
    }

    public boolean admits(ParticipantType type) {
        return admittedParticipantTypes.contains(type);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getRequiredSponsors() {
        return requiredSponsors;
    }

    public boolean isAdmitsDirectCompetitors() {
        return admitsDirectCompetitors;
    }

    public String getOperationalPlatform() {
        return operationalPlatform;
    }

    public Set<ParticipantType> getAdmittedParticipantTypes() {
        return admittedParticipantTypes;
    }

    public RulesOfConductVersion getCurrentRules() {
        return currentRules;
    }
}
