package eu.infosharing.governance.organisation;

/**
 * Financial entity types of DORA (Regulation 2022/2554) Art. 2(1), points (a) to (t).
 * ICT third-party service providers (point (u)) are a participant type of their own.
 */
public enum DoraEntityType {
    A("Credit institution"),
    B("Payment institution"),
    C("Account information service provider"),
    D("Electronic money institution"),
    E("Investment firm"),
    F("Crypto-asset service provider"),
    G("Central securities depository"),
    H("Central counterparty"),
    I("Trading venue"),
    J("Trade repository"),
    K("Manager of alternative investment funds"),
    L("Management company"),
    M("Data reporting service provider"),
    N("Insurance or reinsurance undertaking"),
    O("Insurance or reinsurance intermediary"),
    P("Institution for occupational retirement provision"),
    Q("Credit rating agency"),
    R("Administrator of critical benchmarks"),
    S("Crowdfunding service provider"),
    T("Securitisation repository");

    private final String label;

    DoraEntityType(String label) {
        this.label = label;
    }

    public String label() {
        return "(" + name().toLowerCase() + ") " + label;
    }
}
