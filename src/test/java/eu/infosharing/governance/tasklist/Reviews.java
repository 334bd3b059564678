package eu.infosharing.governance.tasklist;

import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Browser;

/** What the reviewers fill in Tasklist, the same in every browser test that reaches their tasks. */
final class Reviews {

    private Reviews() {
    }

    /** The DPO's approval in the open data-protection check: legitimate interest, minimal contact data, notice given. */
    static void approveDataProtection(Browser browser) {
        browser.select(OnboardingProcess.LAWFUL_BASIS.name(), "Legitimate interest (GDPR Art. 6(1)(f), NIS2 recital 121)");
        browser.tick(OnboardingProcess.CONTACT_DATA_MINIMAL.name());
        browser.tick(OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name());
        browser.choose(OnboardingProcess.GDPR_DECISION.name(), "Approve");
    }
}
