package eu.infosharing.governance.organisation;

/** Sectors of NIS2 Annex I (high criticality) and Annex II (other critical sectors). */
public enum Nis2Sector {
    ENERGY("I", "Energy"),
    TRANSPORT("I", "Transport"),
    BANKING("I", "Banking"),
    FINANCIAL_MARKET_INFRASTRUCTURES("I", "Financial market infrastructures"),
    HEALTH("I", "Health"),
    DRINKING_WATER("I", "Drinking water"),
    WASTE_WATER("I", "Waste water"),
    DIGITAL_INFRASTRUCTURE("I", "Digital infrastructure"),
    ICT_SERVICE_MANAGEMENT("I", "ICT service management (business-to-business)"),
    PUBLIC_ADMINISTRATION("I", "Public administration"),
    SPACE("I", "Space"),
    POSTAL_AND_COURIER("II", "Postal and courier services"),
    WASTE_MANAGEMENT("II", "Waste management"),
    CHEMICALS("II", "Manufacture, production and distribution of chemicals"),
    FOOD("II", "Production, processing and distribution of food"),
    MANUFACTURING("II", "Manufacturing"),
    DIGITAL_PROVIDERS("II", "Digital providers"),
    RESEARCH("II", "Research");

    private final String annex;
    private final String label;

    Nis2Sector(String annex, String label) {
        this.annex = annex;
        this.label = label;
    }

    public String annex() {
        return annex;
    }

    public String label() {
        return label + " (Annex " + annex + ")";
    }
}
