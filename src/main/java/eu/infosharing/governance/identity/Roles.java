package eu.infosharing.governance.identity;

/** Camunda groups that carry the product's roles. Each member organisation has a group of its own too. */
public final class Roles {

    public static final String COORDINATORS = "coordinators";
    public static final String PRIVACY = "privacy";
    public static final String LEGAL = "legal";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "camunda-admin";

    /** Group type of an organisation's representatives. */
    public static final String ORGANISATION_GROUP_TYPE = "organisation";

    private Roles() {
    }

    /** The group of an organisation's representatives: Camunda ids allow letters and digits only. */
    public static String organisationGroup(long organisationId) {
        return "org" + organisationId;
    }
}
