package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.onboarding.AccountRequests;
import eu.infosharing.governance.process.AccountRequestProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Browser;
import eu.infosharing.governance.support.Outbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A newcomer, in headless Chromium, from the public Apply to join page to an active membership: applies, opens the
 * mailed link and confirms, the coordinator accepts in Tasklist, the newcomer sets a password from the second link,
 * signs in, sees only their organisation's filter and applies for Cloud Security; the coordinator vets, the newcomer
 * accepts the rules, the DPO and legal (a private company among direct competitors) approve, and the newcomer's status
 * page says the membership is active. Screenshots: target/browser-screenshots-join/.
 */
@BrowserTest
class ApplyToJoinIT {

    private static final Path SHOTS = Path.of("target/browser-screenshots-join");
    private static final String PASSWORD = "Newcomer-Tulip-42";
    /** A valid Belgian enterprise number: 97 - (08123456 mod 97) = 03. */
    private static final String NEWCO_NUMBER = "0812345603";
    private static final Applicant NEWCO = new Applicant("Newco Grid", "0812.345.603", "Nora Janssens",
            "security@newco-grid.example", "+32 2 555 03 03");

    @LocalServerPort
    int port;
    @Value("${governance.mail.outbox-dir}")
    Path outbox;
    @Value("${governance.public-url}")
    String publicUrl;
    @Autowired
    MembershipStatuses statuses;

    @Test
    void aNewcomerGoesFromApplyToJoinToAnActiveMembership() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(SHOTS);
        String email = "nora." + UUID.randomUUID().toString().substring(0, 8) + "@newco.example";
        try (Browser browser = new Browser("http://localhost:" + port, SHOTS)) {
            browser.open(AccountRequests.APPLY_PATH);
            // a missing name is answered beside the field, with what was typed kept
            browser.fill("organisation", "Newco Grid");
            browser.fill("email", email);
            browser.press("apply");
            assertThat(browser.pageText()).contains("Your name is required");
            browser.fill("name", "Nora Janssens");
            browser.screenshot("join-apply");
            browser.press("apply");
            assertThat(browser.pageText()).contains("A message is on its way");

            browser.open(pathOf(awaitLink(email, AccountRequests.VERIFY_PATH)));
            browser.press("confirm");
            assertThat(browser.pageText()).contains("your address is confirmed");

            browser.loginToTasklist("coordinator", "coordinator");
            browser.openFilter("All open");
            browser.openTask("Review account request: Nora Janssens, Newco Grid");
            assertThat(browser.value(AccountRequestProcess.APPLICANT_EMAIL.name())).isEqualTo(email);
            browser.choose(AccountRequestProcess.DECISION.name(), "Accept: open the account and mail the link to set a password");
            browser.screenshot("join-coordinator-accepts");
            browser.clickButton("Complete");

            browser.open(pathOf(awaitLink(email, AccountRequests.PASSWORD_PATH)));
            browser.fill("password", PASSWORD);
            browser.fill("repeatPassword", PASSWORD);
            browser.press("set-password");
            assertThat(browser.pageText()).contains("Your password is set");
            String userId = browser.texts("#user-name").get(0);
            browser.screenshot("join-password-set");

            // signed in, the newcomer sees only their organisation's filter and applies for Cloud Security
            browser.loginToTasklist(userId, PASSWORD);
            assertThat(browser.filterNames()).containsExactly("My organisation");
            browser.startProcess("Membership onboarding");
            NEWCO.fill(browser, "Cloud Security", "Our grid operations team wants to learn from peers' cloud incidents.");
            browser.scrollTo(ApplicationFields.LEGAL_NAME.name());
            browser.screenshot("join-newcomer-applies");
            browser.clickButton("Start");
            statuses.await(NEWCO_NUMBER, "CLOUD", MembershipStatus.UNDER_REVIEW);

            // the coordinator vets it and approves
            browser.openTaskAs("coordinator", "Vetting", "Vet application: Newco Grid, CLOUD");
            assertThat(browser.value(TaskDisplay.IDENTIFIERS.name())).contains("0812.345.603");
            assertThat(browser.value(TaskDisplay.REGIMES.name())).contains("Essential entity");
            browser.choose(OnboardingProcess.VETTING_DECISION.name(), "Approve");
            browser.clickButton("Complete");
            statuses.await(NEWCO_NUMBER, "CLOUD", MembershipStatus.AWAITING_RULES_ACCEPTANCE);

            // the newcomer reads the rules of conduct and accepts them
            browser.loginToTasklist(userId, PASSWORD);
            browser.openFilter("My organisation");
            browser.openTask("Accept rules of conduct: Newco Grid, CLOUD");
            assertThat(browser.value(TaskDisplay.RULES_TEXT.name())).contains("TLP:AMBER+STRICT");
            browser.tick(OnboardingProcess.RULES_ACCEPTED.name());
            browser.screenshot("join-newcomer-accepts-rules");
            browser.clickButton("Complete");
            statuses.await(NEWCO_NUMBER, "CLOUD", MembershipStatus.COMPLIANCE_REVIEW);

            // a private company among direct competitors: the DPO and legal both review
            browser.openTaskAs("dpo", "My reviews", "Check data protection (GDPR): Newco Grid, CLOUD");
            Reviews.approveDataProtection(browser);
            browser.clickButton("Complete");
            browser.openTaskAs("legal", "My reviews", "Review competition-law compliance: Newco Grid, CLOUD");
            assertThat(browser.value(TaskDisplay.SCREEN_RATIONALE.name())).contains("Commercial applicant");
            browser.choose(OnboardingProcess.LEGAL_DECISION.name(), "Approve");
            browser.clickButton("Complete");

            // the membership is active, and the newcomer's status page says so
            statuses.await(NEWCO_NUMBER, "CLOUD", MembershipStatus.ACTIVE);
            browser.openSignedIn("/my-organisation?lang=en", userId, PASSWORD);
            assertThat(browser.waitForText("Nothing: your membership is active.", Duration.ofSeconds(10)))
                    .contains("Newco Grid: memberships and applications").contains("Cloud Security")
                    .contains("Membership active");
            browser.screenshot("join-newcomer-active");
        }
    }

    /** The link of this kind in the newest mail to the address, once the mail is there (the job executor sends it). */
    private String awaitLink(String email, String path) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        String prefix = publicUrl + path + "?token=";
        while (Instant.now().isBefore(until)) {
            var mails = Outbox.to(outbox, email);
            if (!mails.isEmpty() && mails.get(mails.size() - 1).body().contains(prefix)) {
                return mails.get(mails.size() - 1).link(prefix);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("No mail with " + prefix + " to " + email);
    }

    private String pathOf(String link) {
        return link.substring(publicUrl.length());
    }
}
