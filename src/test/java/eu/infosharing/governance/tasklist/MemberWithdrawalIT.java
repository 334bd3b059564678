package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.support.Browser;
import eu.infosharing.governance.support.Members;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member withdraws from one of its own memberships, in headless Chromium: Westshore Port, a member of Cloud Security
 * and OT/ICS Security, starts Membership cessation in Tasklist; the form offers its two memberships by name (none of
 * another organisation's) and withdrawal as the only way; once sent, the membership is ending and the status page says
 * so, with the date it takes effect, while the other membership stays active. Screenshots: target/browser-screenshots-withdrawal/.
 */
@BrowserTest
class MemberWithdrawalIT {

    private static final Path SHOTS = Path.of("target/browser-screenshots-withdrawal");
    private static final String REASON = "Our port's security team moves to the maritime ISAC.";

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    MembershipStatuses statuses;
    @Autowired
    IdentityService identityService;

    @Test
    void aMemberWithdrawsFromOneOfItsOwnMemberships() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(SHOTS);
        Membership cloud = members.activeMember("CLOUD", "Westshore Port", Nis2Status.ESSENTIAL, Nis2Sector.TRANSPORT, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        Membership otics = members.activeMembership(cloud.getOrganisation(), "OTICS");
        String wendy = members.representative(cloud, "wendy", "wendy");
        User named = identityService.createUserQuery().userId(wendy).singleResult();
        named.setFirstName("Wendy");
        named.setLastName("Claes");
        identityService.saveUser(named);
        // another organisation's membership in force, which Westshore Port must not be offered
        members.member("CLOUD", "Eastbank Logistics");
        String number = cloud.getOrganisation().getEnterpriseNumber();

        try (Browser browser = new Browser("http://localhost:" + port, SHOTS)) {
            browser.loginToTasklist(wendy, "wendy");
            browser.startProcess("Membership cessation");
            assertThat(browser.pageText()).contains("Withdraw from an arrangement");
            assertThat(browser.options(CessationProcess.MEMBERSHIP_ID.name())).containsExactly(
                    "Cloud Security (M-" + cloud.getId() + ")", "OT/ICS Security (M-" + otics.getId() + ")");
            browser.screenshot("member-withdrawal-memberships");
            assertThat(browser.radioLabels(CessationProcess.CESSATION_KIND.name())).containsExactly("Withdrawal by the member");
            assertThat(browser.chosen(CessationProcess.CESSATION_KIND.name())).isEqualTo("Withdrawal by the member");
            browser.select(CessationProcess.MEMBERSHIP_ID.name(), "Cloud Security (M-" + cloud.getId() + ")");
            browser.type(CessationProcess.REASON.name(), REASON);
            browser.screenshot("member-withdraws");
            browser.clickButton("Start");

            // the withdrawal is under way: the membership is ending, the other one goes on
            statuses.await(number, "CLOUD", MembershipStatus.CESSATION_PENDING);
            statuses.await(number, "OTICS", MembershipStatus.ACTIVE);
            browser.openSignedIn("/my-organisation?lang=en", wendy, "wendy");
            assertThat(browser.waitForText("Membership ending", Duration.ofSeconds(10))).contains("Membership active");
            browser.openSignedIn("/my-organisation/memberships/" + cloud.getId(), wendy, "wendy");
            // the date it takes effect reads as people write it ("30 December 2026")
            assertThat(browser.waitForText("Membership ending", Duration.ofSeconds(10))).containsPattern(
                    java.util.regex.Pattern.quote("Membership ending: Withdrawal: " + REASON) + " \\(takes effect on \\d{1,2} [A-Z][a-z]+ \\d{4}\\)");
            browser.screenshot("member-status-withdrawal");
        }
    }
}
