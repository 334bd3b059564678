package eu.infosharing.governance.onboarding;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An application to join an arrangement, as the API and the Tasklist start form send it. Every value is text
 * here so that a wrong one is reported by field name with its reason rather than as unreadable JSON.
 */
public record ApplicationRequest(
        @Schema(example = "CIDR", description = "Code of the arrangement applied for (GET /api/arrangements)")
        String arrangementCode,
        OrganisationInput organisation,
        @Schema(description = "One or two contact persons (personal data)")
        List<ContactInput> contacts,
        @Schema(description = "Enterprise numbers or LEIs of member organisations that vouch for the applicant")
        List<String> sponsors,
        @Schema(description = "Why the organisation wants to join (at most 2000 characters)")
        String motivation,
        @Schema(example = "SEND_ON_BEHALF", allowableValues = {"SEND_ON_BEHALF", "PREPARE_ONLY"},
                description = "Whether the arrangement notifies the competent authorities on the member's behalf (default) "
                        + "or only prepares the notifications for the member to send; can be changed later")
        String notificationMode) {

    public ApplicationRequest(String arrangementCode, OrganisationInput organisation, List<ContactInput> contacts,
                              List<String> sponsors, String motivation) {
        this(arrangementCode, organisation, contacts, sponsors, motivation, null);
    }

    public record OrganisationInput(
            @Schema(example = "Acme Bank NV") String legalName,
            @Schema(example = "NV") String legalForm,
            @Schema(example = "BE", description = "ISO 3166 country code; defaults to BE") String country,
            @Schema(example = "0599.799.597", description = "Belgian enterprise number; required when country is BE")
            String enterpriseNumber,
            @Schema(description = "National register id of a foreign entity; required when country is not BE")
            String foreignRegisterId,
            @Schema(example = "54930084UKLVMY22DS16", description = "ISO 17442 LEI; required for DORA financial entities")
            String lei,
            @Schema(example = "PRIVATE_COMPANY", allowableValues = {"PRIVATE_COMPANY", "ICT_THIRD_PARTY_PROVIDER",
                    "PUBLIC_BODY", "ACADEMIC", "HEALTHCARE_PROVIDER", "NON_PROFIT"})
            String participantType,
            @Schema(example = "ESSENTIAL", allowableValues = {"ESSENTIAL", "IMPORTANT", "NOT_IN_SCOPE"})
            String nis2Status,
            @Schema(example = "BANKING", description = "NIS2 Annex I or II sector; required unless NOT_IN_SCOPE")
            String nis2Sector,
            @Schema(example = "A", description = "DORA Art. 2(1) point a to t, or NONE")
            String doraEntityType,
            @Schema(example = "LESS_SIGNIFICANT_CREDIT_INSTITUTION", description = "Required for DORA types A, E, F and M, "
                    + "where the type alone does not decide the competent authority (DORA Art. 46): "
                    + "SIGNIFICANT_CREDIT_INSTITUTION or LESS_SIGNIFICANT_CREDIT_INSTITUTION (A), STOCKBROKING_FIRM or "
                    + "PORTFOLIO_MANAGEMENT_FIRM (E), CRYPTO_ASSET_SERVICE_PROVIDER or ASSET_REFERENCED_TOKEN_ISSUER (F), "
                    + "DRSP_SUPERVISED_BY_ESMA or DRSP_SUPERVISED_NATIONALLY (M)")
            String doraLicence,
            @Schema(example = "BAFIN-123456", description = "Optional: the identifier the entity's supervisor gives it "
                    + "(e.g. BaFin-ID), printed in the letters to that supervisor")
            String supervisoryId,
            @Schema(example = "nl", allowableValues = {"nl", "fr", "en", "de"})
            String preferredLanguage) {
    }

    public record ContactInput(
            @Schema(example = "An Peeters") String name,
            @Schema(example = "an.peeters@acme.example") String email,
            @Schema(example = "+32 2 555 01 01") String phone,
            @Schema(description = "Optional OpenPGP fingerprint, 40 hexadecimal digits") String pgpFingerprint) {
    }
}
