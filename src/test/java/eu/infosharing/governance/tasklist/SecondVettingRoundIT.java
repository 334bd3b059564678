package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.demo.DemoData;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator's second look at an application, in headless Chromium: bob applies for Northsea Energy, the
 * coordinator asks for more information, bob answers in Tasklist, and the vetting task that comes back opens with no
 * decision chosen and no reason written (not the first round's question), with the question and the answer in its
 * history; the coordinator then decides afresh. Screenshots: target/browser-screenshots-vetting/.
 */
@BrowserTest
class SecondVettingRoundIT {

    private static final Path SHOTS = Path.of("target/browser-screenshots-vetting");
    private static final Applicant NORTHSEA = new Applicant("Northsea Energy", "0403.170.701", "Bob Dubois",
            "bob@northsea-energy.example", "+32 59 55 02 02");
    private static final String QUESTION = "Which of your teams would take part in IAM, and who leads it?";
    private static final String ANSWER = "Our identity team in Ostend, led by Bob Dubois.";
    private static final String REJECTION = "IAM admits identity providers' clients only for now; please apply again in spring.";

    @LocalServerPort
    int port;
    @Autowired
    MembershipStatuses statuses;

    @Test
    void theSecondVettingRoundOpensWithoutTheFirstRoundsDecision() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(SHOTS);
        try (Browser browser = new Browser("http://localhost:" + port, SHOTS)) {
            // bob applies for his organisation, whose data the form already knows
            browser.loginToTasklist("bob", "bob");
            browser.startProcess("Membership onboarding");
            assertThat(browser.value(ApplicationFields.LEGAL_NAME.name())).isEqualTo("Northsea Energy");
            NORTHSEA.fill(browser, "Identity & Access Management (IAM)", "Our SOC wants to compare identity controls.");
            browser.clickButton("Start");
            statuses.await(DemoData.NORTHSEA_ENTERPRISE_NUMBER, "IAM", MembershipStatus.UNDER_REVIEW);

            // first round: the coordinator asks a question
            browser.openTaskAs("coordinator", "Vetting", "Vet application: Northsea Energy, IAM");
            browser.choose(OnboardingProcess.VETTING_DECISION.name(), "Ask the applicant for more information");
            browser.type(OnboardingProcess.VETTING_REASON.name(), QUESTION);
            browser.screenshot("coordinator-asks-for-information");
            browser.clickButton("Complete");
            statuses.await(DemoData.NORTHSEA_ENTERPRISE_NUMBER, "IAM", MembershipStatus.INFORMATION_REQUESTED);

            // bob reads the question in Tasklist and answers it
            browser.openTaskAs("bob", "My organisation", "Amend application: Northsea Energy, IAM");
            assertThat(browser.value(TaskDisplay.LATEST_QUESTION.name())).isEqualTo(QUESTION);
            browser.type(OnboardingProcess.AMENDMENT_RESPONSE.name(), ANSWER);
            browser.screenshot("member-answers-question");
            browser.clickButton("Complete");
            statuses.await(DemoData.NORTHSEA_ENTERPRISE_NUMBER, "IAM", MembershipStatus.UNDER_REVIEW);

            // second round: the history holds the question and the answer; the decision is the coordinator's to make
            browser.openTaskAs("coordinator", "Vetting", "Vet application: Northsea Energy, IAM");
            assertThat(browser.value(TaskDisplay.INFORMATION_REQUESTS.name())).contains(QUESTION).contains(ANSWER);
            assertThat(browser.chosen(OnboardingProcess.VETTING_DECISION.name())).as("the decision chosen").isNull();
            assertThat(browser.shows("textarea[id$='Field_" + OnboardingProcess.VETTING_REASON.name() + "']"))
                    .as("the reason box, shown once a decision that needs one is chosen").isFalse();
            browser.scrollTo(OnboardingProcess.VETTING_DECISION.name());
            browser.screenshot("coordinator-vets-again");
            browser.choose(OnboardingProcess.VETTING_DECISION.name(), "Reject");
            assertThat(browser.value(OnboardingProcess.VETTING_REASON.name())).as("the reason, not the first question").isEmpty();
            browser.type(OnboardingProcess.VETTING_REASON.name(), REJECTION);
            browser.screenshot("coordinator-decides-again");
            browser.clickButton("Complete");
            statuses.await(DemoData.NORTHSEA_ENTERPRISE_NUMBER, "IAM", MembershipStatus.REJECTED);

            // bob's status page gives the second round's reason
            browser.openSignedIn("/my-organisation?lang=en", "bob", "bob");
            assertThat(browser.waitForText("Application not accepted: " + REJECTION, Duration.ofSeconds(10)))
                    .contains("Identity & Access Management (IAM)");
        }
    }
}
