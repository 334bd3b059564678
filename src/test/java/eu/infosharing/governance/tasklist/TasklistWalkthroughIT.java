package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.demo.DemoData;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The entry lifecycle as the people who use it see it, in headless Chromium through the real Tasklist login:
 * alice applies from the start form (a wrong enterprise number first), the coordinator vets from the "Vetting"
 * filter, alice accepts the rules she reads, the DPO and legal decide, and the membership is validated and ACTIVE.
 * Members and reviewers see no Camunda migration banner and no Create task link; a task's Description tab says what
 * it is for.
 * Screenshots of each step: target/browser-screenshots/.
 */
@BrowserTest
class TasklistWalkthroughIT {

    private static final Path SHOTS = Path.of("target/browser-screenshots");

    @LocalServerPort
    int port;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    MembershipStatuses statuses;

    @Test
    void applicationFromTheStartFormToAValidatedMembership() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(SHOTS);
        try (Browser browser = new Browser("http://localhost:" + port, SHOTS)) {
            // alice, a representative, sees her organisation's filter only
            browser.loginToTasklist("alice", "alice");
            assertThat(browser.filterNames()).containsExactly("My organisation");
            assertNoBannerNorCreateTask(browser);
            browser.screenshot("alice-tasklist");

            // the form opens with what the product knows of her organisation
            long before = memberships.count();
            browser.startProcess("Membership onboarding");
            assertThat(browser.value(ApplicationFields.LEGAL_NAME.name())).startsWith("Acme Bank");
            assertThat(browser.value(ApplicationFields.ENTERPRISE_NUMBER.name())).isEqualTo("0599.799.597");
            assertThat(browser.value(ApplicationFields.LEI.name())).isEqualTo("54930084UKLVMY22DS16");

            // a first try with a wrong enterprise number, sent twice: the server's one sentence stands under the field it
            // names, in view of the Start button she pressed, without the engine's "Cannot instantiate ...", and alone
            fillApplication(browser, "0599.799.598");
            browser.screenshot("alice-application-form");
            browser.clickButton("Start");
            serverError(browser);
            browser.clickButton("Start");
            browser.notifications(); // the second answer arrives
            java.util.Map<?, ?> error = serverError(browser);
            browser.screenshot("alice-wrong-enterprise-number");
            assertThat((String) error.get("text")).startsWith("Enterprise number has a wrong check number")
                    .doesNotContain("Cannot instantiate").doesNotContain("membership-onboarding:");
            assertThat(((Number) error.get("inline")).intValue()).as("one message under the field").isEqualTo(1);
            assertThat(((Number) error.get("alerts")).intValue()).as("no alert piled up at the top").isZero();
            assertThat(error.get("field")).as("the message stands with the field it names").isEqualTo(true);
            assertThat(error.get("inView")).as("in view, not at the top of the dialog").isEqualTo(true);
            assertThat(memberships.count()).isEqualTo(before);

            // corrected, the application goes in
            browser.type(ApplicationFields.ENTERPRISE_NUMBER.name(), "0599.799.597");
            browser.clickButton("Start");
            Membership applied = waitForStatus(MembershipStatus.UNDER_REVIEW);

            // her organisation's status page: submitted, with the coordinators, nothing for her to do yet; her
            // organisation's language is Dutch, she picks English with the page's switcher and her browser keeps it
            browser.openSignedIn("/my-organisation?lang=en", "alice", "alice");
            assertThat(browser.waitForText("Vetting by the coordinators", Duration.ofSeconds(10)))
                    .contains("the coordinators").contains("Nothing for now");
            browser.screenshot("alice-status-submitted");

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

            // the status page now says the rules of conduct are hers to accept, with the task's link
            browser.openSignedIn("/my-organisation", "alice", "alice");
            assertThat(browser.waitForText("Accept rules of conduct: Acme Bank, GRC", Duration.ofSeconds(10)))
                    .contains("you (your organisation's representatives)");
            browser.screenshot("alice-status-rules-to-accept");

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
            Reviews.approveDataProtection(browser);
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
            browser.openSignedIn("/my-organisation", "alice", "alice");
            assertThat(browser.waitForText("Nothing: your membership is active.", Duration.ofSeconds(10)))
                    .contains("Membership active");
            browser.screenshot("alice-status-active");
        }
    }

    /** Camunda's migration banner and the Create task link, neither of which a member or a reviewer can use. */
    private static void assertNoBannerNorCreateTask(Browser browser) {
        assertThat(browser.shows(".ce-eol-banner")).as("the Camunda 8 migration banner").isFalse();
        assertThat(browser.shows(".create-task-action")).as("the Create task link").isFalse();
        assertThat(browser.pageText()).doesNotContain("migrate to Camunda 8").doesNotContain("Create task")
                .contains("Start process");
    }

    /** What the page shows of the server's refusal: the message under the field, the alerts at the top, where it is. */
    private static java.util.Map<?, ?> serverError(Browser browser) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Object found = browser.script("const e = document.querySelector('.governance-server-error');"
                    + "if (!e) { return null; }"
                    + "const r = e.getBoundingClientRect();"
                    + "return {text: e.textContent, inline: document.querySelectorAll('.governance-server-error').length,"
                    + " alerts: Array.from(document.querySelectorAll('.modal .notifications .alert')).filter(a => a.offsetParent !== null).length,"
                    + " field: !!e.closest('.fjs-form-field') && !!e.closest('.fjs-form-field').querySelector(\"input[id$='Field_enterpriseNumber']\"),"
                    + " inView: r.top >= 0 && r.bottom <= window.innerHeight};");
            if (found instanceof java.util.Map<?, ?> shown && ((Number) shown.get("alerts")).intValue() == 0) {
                return shown;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("No message under the field: " + browser.pageText() + "\nWhat the page holds: " + browser.script(
                "return JSON.stringify({scripts: performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes('script')),"
                + " alerts: Array.from(document.querySelectorAll('.alert')).filter(a => a.offsetParent !== null).map(a => ({html: a.outerHTML.substring(0, 1500), up: [a.parentElement, a.parentElement.parentElement, a.parentElement.parentElement.parentElement].map(e => e.tagName + '.' + e.className + '#' + Array.from(e.attributes).map(x => x.name).join(','))})),"
                + " marks: document.querySelectorAll('.governance-server-error').length});"));
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
        return statuses.await(DemoData.ACME_ENTERPRISE_NUMBER, "GRC", status);
    }
}
