package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.cessation.CessationService;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.Browser;
import eu.infosharing.governance.support.Jobs;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The audit view as an auditor sees it in a real browser: the list, the timeline rows and the diagram with its path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditPageIT {

    private static final String PASSWORD = "Audit-Page-Secret-1";

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    CessationService cessations;
    @Autowired
    IdentityService identityService;
    @Autowired
    Jobs jobs;

    @Test
    void anAuditorReadsTheTimelineAndSeesThePathTakenOnTheDiagram() {
        Membership m = members.activeMember("CIDR", "Harbour Logistics", Nis2Status.NOT_IN_SCOPE, null, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        users.user("pageauditor", PASSWORD, Roles.AUDITORS);
        identityService.setAuthentication("pagecoordinator", List.of(Roles.COORDINATORS));
        String pi = cessations.request(m.getId(), new CessationService.Request("INELIGIBLE",
                "No longer operates in Belgium", null, null)).getProcessInstanceId();
        identityService.clearAuthentication();
        jobs.runDue(pi);

        try (Browser browser = new Browser("http://127.0.0.1:" + port, Path.of("target", "browser-screenshots"))) {
            browser.openSignedIn("/audit?q=harbour", "pageauditor", PASSWORD);
            assertThat(browser.texts("#memberships tbody tr")).singleElement().asString()
                    .contains("Harbour Logistics", "(CIDR)", "Ceased");

            browser.openSignedIn("/audit/memberships/" + m.getId(), "pageauditor", PASSWORD);
            int rows = browser.waitForCount("#timeline tbody tr", 5);
            assertThat(rows).isGreaterThanOrEqualTo(5);
            assertThat(browser.texts("#timeline tbody tr")).anyMatch(r -> r.contains("Loss of eligibility by pagecoordinator: No longer operates in Belgium"))
                    .anyMatch(r -> r.contains("Status changed from Cessation pending to Ceased"));
            assertThat(browser.texts("#chain")).singleElement().asString().contains("intact");
            // the diagram is drawn, and the steps the cessation took are marked
            browser.waitForCount("#diagram[data-rendered='true']", 1);
            assertThat(browser.waitForCount("#diagram .djs-element.passed", 5)).isGreaterThanOrEqualTo(5);
            assertThat(browser.texts("#diagram")).singleElement().asString().contains("Cessation takes effect");
            browser.screenshot("audit-page");
        }
    }
}
