package eu.infosharing.governance.organisation;

import java.util.Set;

/** What kind of organisation takes part; arrangements admit a set of these. */
public enum ParticipantType {
    PRIVATE_COMPANY("Private company"),
    ICT_THIRD_PARTY_PROVIDER("ICT third-party service provider"),
    PUBLIC_BODY("Public body"),
    ACADEMIC("University or research institution"),
    HEALTHCARE_PROVIDER("Healthcare provider"),
    NON_PROFIT("Non-profit organisation");

    private static final Set<ParticipantType> COMMERCIAL = Set.of(PRIVATE_COMPANY, ICT_THIRD_PARTY_PROVIDER);

    private final String label;

    ParticipantType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean commercial() {
        return COMMERCIAL.contains(this);
    }
}
