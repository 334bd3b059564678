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

    /** Group type of an arrangement's members: the access list of its sharing platform. */
    public static final String ARRANGEMENT_GROUP_TYPE = "arrangement";

    private Roles() {
    }

    /** The group of an organisation's representatives: Camunda ids allow letters and digits only. */
    public static String organisationGroup(long organisationId) {
        return "org" + organisationId;
    }

    /** The group of everyone with access to an arrangement's sharing platform, e.g. "arrangementcidr". */
    public static String arrangementGroup(String arrangementCode) {
        return "arrangement" + arrangementCode.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
