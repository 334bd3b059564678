package eu.infosharing.governance.support;

import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ApplicationRequest.ContactInput;
import eu.infosharing.governance.onboarding.ApplicationRequest.OrganisationInput;
import java.util.List;

/** Applications for tests: valid by default, with a fresh organisation each time. */
public final class Applications {

    private Applications() {
    }

    /** A public body applying to GRC: no sponsors needed and no competition-law review. */
    public static ApplicationRequest publicBody(String arrangement, String legalName) {
        return new ApplicationRequest(arrangement, organisation(legalName, "PUBLIC_BODY", "NOT_IN_SCOPE", null, "NONE", null),
                List.of(contact(legalName)), List.of(), "We want to learn from the community.");
    }

    /** A bank (NIS2 essential, DORA credit institution, commercial) applying with the given sponsors. */
    public static ApplicationRequest bank(String arrangement, String legalName, List<String> sponsors) {
        return new ApplicationRequest(arrangement,
                organisation(legalName, "PRIVATE_COMPANY", "ESSENTIAL", "BANKING", "A", Identifiers.lei()),
                List.of(contact(legalName)), sponsors, "Our SOC wants to share indicators.");
    }

    public static ApplicationRequest withOrganisation(ApplicationRequest r, OrganisationInput o) {
        return new ApplicationRequest(r.arrangementCode(), o, r.contacts(), r.sponsors(), r.motivation());
    }

    public static OrganisationInput organisation(String legalName, String participantType, String nis2Status,
                                                 String nis2Sector, String dora, String lei) {
        return new OrganisationInput(legalName, "NV", "BE", Identifiers.enterpriseNumber(), null, lei,
                participantType, nis2Status, nis2Sector, dora, licenceFor(dora), null, "en");
    }

    /**
     * The licence fact the application must give for the DORA types whose authority depends on it: the one that keeps
     * a Belgian entity with its national supervisor (a bank less significant under the SSM, a stockbroking firm, a
     * crypto-asset service provider; a data reporting service provider with ESMA).
     */
    public static String licenceFor(String dora) {
        return dora == null ? null : switch (dora) {
            case "A" -> "LESS_SIGNIFICANT_CREDIT_INSTITUTION";
            case "E" -> "STOCKBROKING_FIRM";
            case "F" -> "CRYPTO_ASSET_SERVICE_PROVIDER";
            case "M" -> "DRSP_SUPERVISED_BY_ESMA";
            default -> null;
        };
    }

    public static ContactInput contact(String legalName) {
        String slug = legalName.toLowerCase().replaceAll("[^a-z0-9]", "");
        return new ContactInput("Contact of " + legalName, "security@" + slug + ".example", "+32 2 555 00 00", null);
    }
}
