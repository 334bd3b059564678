package eu.infosharing.governance.organisation;

import java.util.Arrays;
import java.util.List;

/**
 * The fact that decides a financial entity's DORA competent authority where its Art. 2(1) type alone does not
 * (DORA Art. 46): whether a credit institution is significant under the SSM (Art. 46(a): the ECB), which licence a
 * Belgian investment firm holds (stockbroking firm: NBB; portfolio management and investment advice firm: FSMA),
 * whether a point (f) entity is a crypto-asset service provider or an issuer of asset-referenced tokens, and whether a
 * data reporting service provider is supervised by ESMA or, under a derogation, nationally.
 */
public enum DoraLicence {
    SIGNIFICANT_CREDIT_INSTITUTION(DoraEntityType.A, "Significant under the SSM (supervised by the ECB)"),
    LESS_SIGNIFICANT_CREDIT_INSTITUTION(DoraEntityType.A, "Less significant under the SSM (national supervisor)"),
    STOCKBROKING_FIRM(DoraEntityType.E, "Stockbroking firm"),
    PORTFOLIO_MANAGEMENT_FIRM(DoraEntityType.E, "Portfolio management and investment advice firm"),
    CRYPTO_ASSET_SERVICE_PROVIDER(DoraEntityType.F, "Crypto-asset service provider (MiCA)"),
    ASSET_REFERENCED_TOKEN_ISSUER(DoraEntityType.F, "Issuer of asset-referenced tokens (MiCA)"),
    DRSP_SUPERVISED_BY_ESMA(DoraEntityType.M, "Supervised by ESMA"),
    DRSP_SUPERVISED_NATIONALLY(DoraEntityType.M, "Supervised nationally (derogation)");

    private final DoraEntityType type;
    private final String label;

    DoraLicence(DoraEntityType type, String label) {
        this.type = type;
        this.label = label;
    }

    public DoraEntityType type() {
        return type;
    }

    public String label() {
        return label;
    }

    /** Whether the authority of this entity type depends on a licence fact. */
    public static boolean decides(DoraEntityType type) {
        return Arrays.stream(values()).anyMatch(l -> l.type == type);
    }

    /** The licence facts that fit an entity type, for error messages. */
    public static List<String> choicesFor(DoraEntityType type) {
        return Arrays.stream(values()).filter(l -> l.type == type).map(Enum::name).toList();
    }
}
