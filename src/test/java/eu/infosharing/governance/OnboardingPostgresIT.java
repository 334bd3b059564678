package eu.infosharing.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.AuthorityEndpoint;
import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End to end on real PostgreSQL with the job executor running: an application posted to our API goes through
 * every person's task, completed through engine REST as Tasklist does, to an ACTIVE membership whose competent
 * authorities are notified: the CCB by e-mail (GreenMail) and the NBB at its HTTPS intake (a local endpoint), the
 * bank being essential under NIS2 outside its banking sector too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
class OnboardingPostgresIT {

    private static final String PASSWORD = "Pg-Test-Secret-1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    CompetentAuthorityRepository authorities;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    AuthorityEndpoint nbb;

    @BeforeEach
    void nbbIntake() {
        nbb = new AuthorityEndpoint();
        nbb.standIn("NBB", authorities, tx);
    }

    @AfterEach
    void closeIntake() {
        nbb.close();
    }

    @Test
    void bankApplicationPostedToTheApiEndsActiveWithCcbAndNbbNotifiedOnPostgres() throws Exception {
        user("pgcoordinator", Roles.COORDINATORS);
        user("pgdpo", Roles.PRIVACY);
        user("pglegal", Roles.LEGAL);
        Organisation sponsor = members.member("CIDR", "PG Sponsor");
        user("pgsponsor", sponsor.getRepresentativesGroup().orElseThrow());

        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/memberships", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // a bank also essential outside banking (a trust service): the NBB under DORA and the CCB under NIS2
        ApplicationRequest application = Applications.withOrganisation(
                Applications.bank("CIDR", "PG Bank", List.of(sponsor.getEnterpriseNumber())),
                Applications.organisation("PG Bank", "PRIVATE_COMPANY", "ESSENTIAL", "DIGITAL_INFRASTRUCTURE", "A",
                        eu.infosharing.governance.support.Identifiers.lei()));
        ResponseEntity<Map<String, Object>> created = as("pgcoordinator").exchange("/api/applications", HttpMethod.POST,
                new HttpEntity<>(application), new ParameterizedTypeReference<>() { });
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).isNotNull();
        String membership = created.getHeaders().getLocation().toString();
        String processInstanceId = (String) created.getBody().get("processInstanceId");
        String applicantGroup = applicantGroup(processInstanceId);
        user("pgapplicant", applicantGroup);

        // the sponsor's task is granted to the sponsor's group only: the applicant's representative does not see it
        waitFor(() -> openTaskCount("pgsponsor", processInstanceId) == 1 ? Boolean.TRUE : null, "endorsement task");
        assertThat(openTaskCount("pgapplicant", processInstanceId)).isZero();
        assertThat(as("pgapplicant").getForEntity("/engine-rest/process-instance/" + processInstanceId + "/variables",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        submit("pgsponsor", processInstanceId, OnboardingProcess.TASK_ENDORSE_APPLICATION, Map.of(OnboardingProcess.ENDORSEMENT_DECISION.name(), "ENDORSE"));
        submit("pgcoordinator", processInstanceId, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
        submit("pgapplicant", processInstanceId, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));
        submit("pgdpo", processInstanceId, OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST", OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true, OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true));
        submit("pglegal", processInstanceId, OnboardingProcess.TASK_REVIEW_COMPETITION_LAW, Map.of(OnboardingProcess.LEGAL_DECISION.name(), "APPROVE"));

        Map<String, Object> active = waitFor(() -> {
            Map<String, Object> m = as("pgcoordinator").exchange(membership, HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
            return "ACTIVE".equals(m.get("status")) ? m : null;
        }, "membership ACTIVE");
        assertThat(active.get("validatedAt")).isNotNull();
        assertThat((List<?>) active.get("history")).hasSize(7);

        List<Map<String, Object>> sent = waitFor(() -> {
            List<Map<String, Object>> n = notifications("pgapplicant", membership);
            return n.size() == 2 && n.stream().allMatch(x -> "SENT".equals(x.get("status"))) ? n : null;
        }, "both notifications SENT");
        assertThat(sent).extracting(n -> n.get(NotificationProcess.AUTHORITY_CODE.name())).containsExactlyInAnyOrder("CCB", "NBB");
        assertThat(smtp.getReceivedMessages()).anySatisfy(mail ->
                assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("nis2-participation@ccb.example"));
        assertThat(nbb.received()).singleElement().satisfies(r -> assertThat(r.body().get("entity").get("name").asText())
                .isEqualTo("PG Bank"));
        waitFor(() -> "COMPLETED".equals(as("pgcoordinator").exchange("/engine-rest/history/process-instance/"
                        + processInstanceId, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() { })
                .getBody().get("state")) ? Boolean.TRUE : null, "onboarding completed");
        // the CCB's and the NBB's notifications ended one after the other, never colliding on the onboarding they
        // both end in (exclusive jobs of one process hierarchy run one at a time): no job run failed
        assertThat(history.createHistoricJobLogQuery().failureLog().processInstanceId(processInstanceId).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(processInstanceId).list())
                .hasSize(2).allSatisfy(child -> assertThat(history.createHistoricJobLogQuery().failureLog()
                        .processInstanceId(child.getId()).count()).as("failed job runs of " + child.getId()).isZero());
    }

    @Test
    void entityOutsideBothRegimesEndsActiveWithNothingToNotify() throws Exception {
        user("pgcoordinator", Roles.COORDINATORS);
        user("pgdpo2", Roles.PRIVACY);
        ResponseEntity<Map<String, Object>> created = as("pgcoordinator").exchange("/api/applications", HttpMethod.POST,
                new HttpEntity<>(Applications.publicBody("GRC", "PG Municipality")), new ParameterizedTypeReference<>() { });
        String membership = created.getHeaders().getLocation().toString();
        String processInstanceId = (String) created.getBody().get("processInstanceId");
        user("pgmunicipality", applicantGroup(processInstanceId));
        submit("pgcoordinator", processInstanceId, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
        submit("pgmunicipality", processInstanceId, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));
        // a municipality performs a public task: legitimate interest is not its basis (GDPR Art. 6(1), last subparagraph)
        submit("pgdpo2", processInstanceId, OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                OnboardingProcess.LAWFUL_BASIS.name(), "PUBLIC_TASK", OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true, OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true));

        waitFor(() -> "ACTIVE".equals(as("pgmunicipality").exchange(membership, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { }).getBody().get("status")) ? Boolean.TRUE : null,
                "membership ACTIVE");
        assertThat(notifications("pgmunicipality", membership)).isEmpty();
        assertThat(nbb.received()).isEmpty();
    }

    private List<Map<String, Object>> notifications(String user, String membership) {
        return as(user).exchange(membership + "/notifications", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    /** Waits for the task (the job executor runs the continuations), then submits its form through engine REST. */
    private void submit(String user, String processInstanceId, String taskKey, Map<String, Object> values) throws Exception {
        String taskId = waitFor(() -> {
            List<Map<String, Object>> tasks = as(user).exchange("/engine-rest/task?processInstanceId=" + processInstanceId
                            + "&taskDefinitionKey=" + taskKey, HttpMethod.GET, null,
                    new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
            return tasks == null || tasks.isEmpty() ? null : (String) tasks.get(0).get("id");
        }, taskKey);
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        ResponseEntity<String> response = as(user).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(taskKey + ": " + response.getBody()).isTrue();
    }

    private int openTaskCount(String user, String processInstanceId) {
        List<?> tasks = as(user).exchange("/engine-rest/task?processInstanceId=" + processInstanceId, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        return tasks == null ? 0 : tasks.size();
    }

    private String applicantGroup(String processInstanceId) throws Exception {
        return waitFor(() -> {
            ResponseEntity<Map<String, Object>> v = as("pgcoordinator").exchange("/engine-rest/process-instance/"
                            + processInstanceId + "/variables/applicantGroup", HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() { });
            return v.getStatusCode().is2xxSuccessful() ? (String) v.getBody().get("value") : null;
        }, OnboardingProcess.APPLICANT_GROUP.name());
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    private static <T> T waitFor(java.util.concurrent.Callable<T> probe, String what) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    private void user(String id, String group) {
        users.user(id, PASSWORD, group);
    }
}
