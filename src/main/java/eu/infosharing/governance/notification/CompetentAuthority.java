package eu.infosharing.governance.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Organisation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An authority that members notify of their participation: its channel, the languages it accepts, its deadline. */
@Entity
public class CompetentAuthority {

    public enum Regime {
        NIS2, DORA;

        /**
         * The regimes under which this entity must notify its participation. DORA is the sector-specific act for the
         * financial entities it covers (DORA Art. 1(2), NIS2 Art. 4(1) and recital 28): a DORA financial entity in a
         * NIS2 financial sector (banking, financial market infrastructures) notifies under DORA only; one that NIS2 also
         * covers in another sector notifies under both.
         */
        public static Set<Regime> requiredFor(Organisation o) {
            Set<Regime> regimes = EnumSet.noneOf(Regime.class);
            boolean financialSector = o.getNis2Sector() == Nis2Sector.BANKING
                    || o.getNis2Sector() == Nis2Sector.FINANCIAL_MARKET_INFRASTRUCTURES;
            if (o.getNis2Status().inScope() && !(o.getDoraEntityType() != null && financialSector)) {
                regimes.add(NIS2);
            }
            if (o.getDoraEntityType() != null) {
                regimes.add(DORA);
            }
            return regimes;
        }
    }

    public enum Channel { EMAIL, HTTPS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Regime regime;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type", nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String channelAddress;

    /** Comma-separated language codes, preferred first. */
    @Column(nullable = false)
    private String languages;

    /** ISO 8601 period after the event takes effect, e.g. P28D. */
    @Column(nullable = false)
    private String deadline;

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    protected CompetentAuthority() {
    }

    public CompetentAuthority(String code, String name, String country, Regime regime, Channel channel, String channelAddress,
                              List<String> languages, String deadline) {
        this.code = code;
        this.name = name;
        this.country = country;
        this.regime = regime;
        configure(channel, channelAddress, languages, deadline, true);
    }

    public void configure(Channel channel, String channelAddress, List<String> languages, String deadline, boolean active) {
        this.channel = channel;
        this.channelAddress = channelAddress;
        this.languages = String.join(",", languages);
        this.deadline = deadline;
        this.active = active;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getCountry() {
        return country;
    }

    public Regime getRegime() {
        return regime;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getChannelAddress() {
        return channelAddress;
    }

    public List<String> getLanguages() {
        return Arrays.asList(languages.split(","));
    }

    public String getDeadline() {
        return deadline;
    }

    public boolean isActive() {
        return active;
    }
}
