package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.demo.DemoData;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The entry lifecycle as the people who use it see it, in headless Chromium through the real Tasklist login:
 * alice applies from the start form (a wrong enterprise number first), the coordinator vets from the "Vetting"
 * filter, alice accepts the rules she reads, the DPO and legal decide, and the membership is validated and ACTIVE.
 * Members and reviewers see no Camunda migration banner and no Create task link; a task's Description tab says what
 * it is for.
 * Screenshots of each step: target/browser-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "governance.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:governance-browser;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class TasklistWalkthroughIT {

    private static final Path SHOTS = Path.of("target/browser-screenshots");

    @LocalServerPort
    int port;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    TransactionTemplate tx;

    @Test
    void applicationFromTheStartFormToAValidatedMembership() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(SHOTS);
        try (Browser browser = new Browser("http://localhost:" + port, SHOTS)) {
            // alice, a representative, sees her organisation's filter only
            browser.loginToTasklist("alice", "alice");
            assertThat(browser.filterNames()).containsExactly("My organisation");
            assertNoBannerNorCreateTask(browser);
            browser.screenshot("alice-tasklist");

            // a first try with a wrong enterprise number: the server's message names the field, nothing is created
            long before = memberships.count();
            browser.startProcess("Membership onboarding");
            fillApplication(browser, "0599.799.598");
            browser.screenshot("alice-application-form");
            browser.clickButton("Start");
            String error = browser.notifications();
            browser.screenshotTop("alice-wrong-enterprise-number");
            assertThat(error).contains("Enterprise number has a wrong check number");
            assertThat(memberships.count()).isEqualTo(before);

            // corrected, the application goes in
            browser.type(ApplicationFields.ENTERPRISE_NUMBER.name(), "0599.799.597");
            browser.clickButton("Start");
            Membership applied = waitForStatus(MembershipStatus.UNDER_REVIEW);

            // the coordinator finds it in "Vetting", sees the applicant's data, and approves
            browser.loginToTasklist("coordinator", "coordinator");
            assertThat(browser.filterNames()).containsExactlyInAnyOrder("Vetting", "Overdue", "All open");
            browser.openFilter("Vetting");
            browser.openTask("Vet application: Acme Bank, GRC");
            // the Description tab says what the task is for, what each decision leads to, and when it is due
            String description = browser.openTaskTab("Description");
            browser.screenshot("coordinator-task-description");
            assertThat(description).contains("Approve (the applicant is asked to accept the rules of conduct)")
                    .contains("Due in 5 days");
            browser.openTaskTab("Form");
            assertThat(browser.value(TaskDisplay.IDENTIFIERS.name())).contains("0599.799.597").contains("5493 0084 UKLV MY22 DS16");
            assertThat(browser.value(TaskDisplay.REGIMES.name())).contains("Essential entity").contains("Credit institution");
            browser.choose(OnboardingProcess.VETTING_DECISION.name(), "Approve");
            browser.screenshot("coordinator-vets-application");
            browser.clickButton("Complete");
            waitForStatus(MembershipStatus.AWAITING_RULES_ACCEPTANCE);

            // alice reads the rules of conduct and accepts them
            browser.loginToTasklist("alice", "alice");
            browser.openFilter("My organisation");
            browser.openTask("Accept rules of conduct: Acme Bank, GRC");
            assertThat(browser.value(TaskDisplay.RULES_TEXT.name())).contains("TLP:AMBER+STRICT").contains("Chatham House Rule");
            assertThat(browser.value(TaskDisplay.RULES_VERSION.name())).startsWith("1.0");
            browser.screenshot("alice-accepts-rules");
            browser.tick(OnboardingProcess.RULES_ACCEPTED.name());
            browser.clickButton("Complete");
            waitForStatus(MembershipStatus.COMPLIANCE_REVIEW);

            // the DPO checks data protection
            browser.loginToTasklist("dpo", "dpo");
            assertThat(browser.filterNames()).containsExactly("My reviews");
            assertNoBannerNorCreateTask(browser);
            browser.openFilter("My reviews");
            browser.openTask("Check data protection (GDPR): Acme Bank, GRC");
            browser.select(OnboardingProcess.LAWFUL_BASIS.name(), "Legitimate interest (GDPR Art. 6(1)(f), NIS2 recital 121)");
            browser.tick(OnboardingProcess.CONTACT_DATA_MINIMAL.name());
            browser.tick(OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name());
            browser.choose(OnboardingProcess.GDPR_DECISION.name(), "Approve");
            browser.screenshot("dpo-checks-gdpr");
            browser.clickButton("Complete");

            // legal reviews competition law: a commercial bank among direct competitors
            browser.loginToTasklist("legal", "legal");
            browser.openFilter("My reviews");
            browser.openTask("Review competition-law compliance: Acme Bank, GRC");
            assertThat(browser.value(TaskDisplay.SCREEN_RATIONALE.name())).contains("direct competitors");
            browser.choose(OnboardingProcess.LEGAL_DECISION.name(), "Approve");
            browser.screenshot("legal-reviews-competition-law");
            browser.clickButton("Complete");

            // validation and activation commit together: the membership is seen ACTIVE, with VALIDATED in its history
            Membership validated = waitForStatus(MembershipStatus.ACTIVE);
            assertThat(validated.getId()).isEqualTo(applied.getId());
        }
    }

    /** Camunda's migration banner and the Create task link, neither of which a member or a reviewer can use. */
    private static void assertNoBannerNorCreateTask(Browser browser) {
        assertThat(browser.shows(".ce-eol-banner")).as("the Camunda 8 migration banner").isFalse();
        assertThat(browser.shows(".create-task-action")).as("the Create task link").isFalse();
        assertThat(browser.pageText()).doesNotContain("migrate to Camunda 8").doesNotContain("Create task")
                .contains("Start process");
    }

    private void fillApplication(Browser browser, String enterpriseNumber) {
        browser.select(ApplicationFields.ARRANGEMENT_CODE.name(), "Governance, Risk & Compliance (GRC)");
        browser.type(ApplicationFields.LEGAL_NAME.name(), "Acme Bank");
        browser.type(ApplicationFields.LEGAL_FORM.name(), "NV");
        browser.type(ApplicationFields.ENTERPRISE_NUMBER.name(), enterpriseNumber);
        browser.type(ApplicationFields.LEI.name(), "54930084UKLVMY22DS16");
        browser.select("participantType", "Private company");
        browser.select(ApplicationFields.PREFERRED_LANGUAGE.name(), "Nederlands");
        browser.select(ApplicationFields.NIS2_STATUS.name(), "Essential entity");
        browser.select(ApplicationFields.NIS2_SECTOR.name(), "Banking (Annex I)");
        browser.select(ApplicationFields.DORA_ENTITY_TYPE.name(), "(a) Credit institution");
        // shown once the type is chosen: a credit institution's supervisor depends on its significance (DORA Art. 46(a))
        browser.select(ApplicationFields.DORA_LICENCE.name(), "(a) Less significant credit institution (national supervisor)");
        browser.type(ApplicationFields.CONTACT_1.name().name(), "Alice Peeters");
        browser.type(ApplicationFields.CONTACT_1.email().name(), "alice@acme-bank.example");
        browser.type(ApplicationFields.CONTACT_1.phone().name(), "+32 2 555 01 01");
        browser.type(ApplicationFields.MOTIVATION.name(), "Our SOC wants to compare notes on DORA and NIS2 compliance.");
    }

    /** The membership of Acme Bank in GRC once it reaches the status (the job executor runs in the background). */
    private Membership waitForStatus(MembershipStatus status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        Long acme = organisations.findByEnterpriseNumber(DemoData.ACME_ENTERPRISE_NUMBER).orElseThrow().getId();
        while (Instant.now().isBefore(deadline)) {
            List<Membership> found = tx.execute(s -> memberships.search(null, "GRC", acme));
            if (!found.isEmpty() && found.get(0).getStatus() == status) {
                return found.get(0);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("Acme Bank's GRC membership did not reach " + status);
    }
}
