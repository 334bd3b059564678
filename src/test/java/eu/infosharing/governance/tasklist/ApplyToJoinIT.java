package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.onboarding.AccountRequests;
import eu.infosharing.governance.process.AccountRequestProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.support.Browser;
import eu.infosharing.governance.support.Outbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A newcomer, in headless Chromium, from the public Apply to join page to the application form in Tasklist: applies,
 * opens the mailed link and confirms, the coordinator accepts in Tasklist, the newcomer sets a password from the second
 * link, signs in, sees only their organisation's filter and opens the application form. Screenshots:
 * target/browser-screenshots-join/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "governance.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:governance-browser;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class ApplyToJoinIT {

    private static final Path SHOTS = Path.of("target/browser-screenshots-join");
    private static final String PASSWORD = "Newcomer-Tulip-42";

    @LocalServerPort
    int port;
    @Value("${governance.mail.outbox-dir}")
    Path outbox;
    @Value("${governance.public-url}")
    String publicUrl;

    @Test
    void aNewcomerGoesFromApplyToJoinToTheApplicationForm() throws Exception {
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

            browser.loginToTasklist(userId, PASSWORD);
            assertThat(browser.filterNames()).containsExactly("My organisation");
            browser.startProcess("Membership onboarding");
            browser.type(ApplicationFields.LEGAL_NAME.name(), "Newco Grid");
            assertThat(browser.value(ApplicationFields.LEGAL_NAME.name())).isEqualTo("Newco Grid");
            browser.screenshot("join-application-form");
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
