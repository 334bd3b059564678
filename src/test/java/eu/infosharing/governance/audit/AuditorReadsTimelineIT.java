package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ApplicationService;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Browser;
import eu.infosharing.governance.support.Jobs;
import eu.infosharing.governance.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * An auditor in a real browser finds Acme Bank by its enterprise number typed with spaces, and reads its timeline
 * as sentences: names of people with their roles, names for every code, times in Brussels time. Screenshots:
 * target/browser-screenshots/audit/ (copied to docs/screenshots/ for the README).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:governance-audit-browser;DB_CLOSE_DELAY=-1")
class AuditorReadsTimelineIT {

    private static final String PASSWORD = "Auditor-Reads-Secret-1";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestUsers users;
    @Autowired
    Jobs jobs;

    @Test
    void theAuditorFindsTheBankByItsNumberAsTypedAndReadsItsTimelineInSentences() throws IOException {
        person("chris", "Chris", "Coordinator", Roles.COORDINATORS);
        person("dana", "Dana", "Privacy", Roles.PRIVACY);
        person("ann", "Ann", "Auditor", Roles.AUDITORS);
        ApplicationRequest acme = Applications.withOrganisation(Applications.bank("GRC", "Acme Bank", List.of()),
                new ApplicationRequest.OrganisationInput("Acme Bank", "NV", "BE", "0599.799.597", null, "54930084UKLVMY22DS16",
                        "PRIVATE_COMPANY", "ESSENTIAL", "BANKING", "A", "LESS_SIGNIFICANT_CREDIT_INSTITUTION", null, "en"));
        identityService.setAuthentication("chris", List.of(Roles.COORDINATORS));
        Membership m = applications.submit(acme);
        identityService.clearAuthentication();
        String group = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        person("alice", "Alice", "Peeters", group);
        String pi = m.getProcessInstanceId();
        jobs.runDue(pi);
        complete(pi, OnboardingProcess.TASK_VET_APPLICATION, "chris", Roles.COORDINATORS, Map.of(
                OnboardingProcess.VETTING_DECISION.name(), "REQUEST_INFORMATION",
                OnboardingProcess.VETTING_REASON.name(), "Which team of yours will take part"));
        complete(pi, OnboardingProcess.TASK_AMEND_APPLICATION, "alice", group, Map.of(
                OnboardingProcess.AMENDMENT_RESPONSE.name(), "Our CERT, 6 analysts",
                ApplicationFields.LEGAL_NAME.name(), "Acme Bank", ApplicationFields.LEGAL_FORM.name(), "NV",
                ApplicationFields.LEI.name(), "54930084UKLVMY22DS16",
                ApplicationFields.CONTACT_1.name().name(), "Alice Peeters",
                ApplicationFields.CONTACT_1.email().name(), "alice@acme-bank.example",
                ApplicationFields.CONTACT_1.phone().name(), "+32 2 555 01 01"));
        complete(pi, OnboardingProcess.TASK_VET_APPLICATION, "chris", Roles.COORDINATORS, Map.of(
                OnboardingProcess.VETTING_DECISION.name(), "APPROVE", OnboardingProcess.VETTING_REASON.name(), "Clear now"));
        complete(pi, OnboardingProcess.TASK_ACCEPT_RULES, "alice", group, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));
        complete(pi, OnboardingProcess.TASK_CHECK_GDPR, "dana", Roles.PRIVACY, Map.of(
                OnboardingProcess.GDPR_DECISION.name(), "APPROVE", OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST",
                OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true, OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true));

        Path shots = Path.of("target", "browser-screenshots", "audit");
        try (Browser browser = new Browser("http://127.0.0.1:" + port, shots)) {
            // the enterprise number as people type it, with spaces
            browser.openSignedIn("/audit?q=0599+799+597", "ann", PASSWORD);
            assertThat(browser.texts("#memberships tbody tr")).singleElement().asString()
                    .contains("Acme Bank", "Governance, Risk & Compliance", "Compliance review").doesNotContain("COMPLIANCE_REVIEW");
            keep(browser.screenshot("audit-search"), "audit-search.png");

            browser.openSignedIn("/audit/memberships/" + m.getId() + "#timeline", "ann", PASSWORD);
            browser.waitForCount("#timeline tbody tr", 10);
            List<String> rows = browser.texts("#timeline tbody tr");
            assertThat(rows).anyMatch(r -> r.contains(
                    "Vetting: more information requested by coordinator Chris Coordinator: Which team of yours will take part"));
            assertThat(rows).anyMatch(r -> r.contains("Status changed from Under review to More information requested"));
            assertThat(rows).anyMatch(r -> r.contains("GDPR check: approved by data protection officer Dana Privacy")
                    && r.contains("legitimate interest (GDPR Art. 6(1)(f))"));
            assertThat(rows).anyMatch(r -> r.contains("Rules of conduct accepted by member's representative Alice Peeters"));
            assertThat(rows).anyMatch(r -> r.contains("(a) Credit institution (DORA Art. 2(1))"));
            // no code, no UTC instant, in anything a person reads
            assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContainPattern("(?<![\\w-])[A-Z][A-Z0-9]*_[A-Z0-9_]+")
                    .doesNotContain("→").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}")
                    .containsPattern("^\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2} "));
            assertThat(browser.texts("#timeline thead")).singleElement().asString().contains("Europe/Brussels time");
            assertThat(browser.texts("#status")).singleElement().asString().isEqualTo("Compliance review");
            keep(browser.screenshot("audit-timeline"), "audit-timeline.png");
        }
    }

    /** A user with a name and a role, as the identity service knows them. */
    private void person(String id, String first, String last, String group) {
        users.user(id, PASSWORD, group);
        User u = identityService.createUserQuery().userId(id).singleResult();
        u.setFirstName(first);
        u.setLastName(last);
        identityService.saveUser(u);
    }

    private void complete(String pi, String taskKey, String user, String groupId, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        identityService.setAuthentication(user, List.of(groupId));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        jobs.runDue(pi);
    }

    /** The screenshot under target/ with a stable name, ready to be copied to docs/screenshots/ by hand. */
    private static void keep(Path shot, String name) throws IOException {
        Files.copy(shot, shot.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
