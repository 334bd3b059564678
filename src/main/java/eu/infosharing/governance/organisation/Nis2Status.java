package eu.infosharing.governance.organisation;

/** Whether NIS2 (Directive 2022/2555) applies to the organisation, and as what. */
public enum Nis2Status {
    ESSENTIAL("Essential entity"),
    IMPORTANT("Important entity"),
    NOT_IN_SCOPE("Not in scope of NIS2");

    private final String label;

    Nis2Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean inScope() {
        return this != NOT_IN_SCOPE;
    }
}
