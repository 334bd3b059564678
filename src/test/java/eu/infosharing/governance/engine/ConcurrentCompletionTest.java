package eu.infosharing.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.audit.AuditChainVerifier;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two people completing the same task at once, or one clicking twice: the first completion is recorded once, the
 * other answer is 409 saying the task was already completed, by whom and when (never a 500 with "task is null" or the
 * engine's optimistic-locking text), and nothing of the refused one is recorded: no second review decision, status
 * change, audit entry or next task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentCompletionTest {

    private static final String PASSWORD = "Concurrent-Test-Secret-1";
    private static final int ROUNDS = 6;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Onboardings onboardings;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    TransactionTemplate tx;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    @BeforeAll
    void coordinators() {
        users.user("ccfirst", PASSWORD, Roles.COORDINATORS);
        users.user("ccsecond", PASSWORD, Roles.COORDINATORS);
    }

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void twoCoordinatorsCompletingTheSameVettingAtOnceGetOne204AndOne409AndItIsRecordedOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            Membership m = onboardings.apply("ccfirst", Applications.publicBody("GRC", "Concurrent Agency " + round));
            String pi = m.getProcessInstanceId();
            Task vetting = onboardings.openTask(pi, OnboardingProcess.TASK_VET_APPLICATION);
            String path = "/engine-rest/task/" + vetting.getId() + "/complete";
            String body = variables(Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE",
                    OnboardingProcess.VETTING_REASON.name(), "Known public body, round " + round));

            CyclicBarrier together = new CyclicBarrier(2);
            Future<HttpResponse<String>> first = clients.submit(() -> {
                together.await();
                return post("ccfirst", path, body);
            });
            Future<HttpResponse<String>> second = clients.submit(() -> {
                together.await();
                return post("ccsecond", path, body);
            });
            List<HttpResponse<String>> answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

            assertThat(answers).as("round " + round + ": " + answers.stream().map(HttpResponse::body).toList())
                    .extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
            String winner = answers.get(0).statusCode() == 204 ? "ccfirst" : "ccsecond";
            HttpResponse<String> refused = answers.get(0).statusCode() == 409 ? answers.get(0) : answers.get(1);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.path("status").asInt()).isEqualTo(409);
            assertThat(problem.path("type").asText()).isEqualTo("urn:arrangement-governance:problem:task-no-longer-open");
            assertThat(problem.path("detail").asText()).contains("already completed by " + winner + " at ")
                    .contains("Nothing you sent was recorded");
            assertThat(problem.path("message").asText()).isEqualTo(problem.path("detail").asText());
            assertThat(refused.body()).doesNotContain("task is null", "ENGINE-03005", "Exception", "Entity[");

            onboardings.runJobs(pi);
            assertRecordedOnce(m, pi);
        }
    }

    @Test
    void aSecondClickInTasklistGets409SayingWhoCompletedItAndSomeoneWhoCouldNotSeeTheTaskLearnsNothing() throws Exception {
        Membership m = onboardings.apply("ccfirst", Applications.publicBody("GRC", "Double Click Agency"));
        String pi = m.getProcessInstanceId();
        String group = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        users.user("ccrep", PASSWORD, group);
        Membership other = onboardings.apply("ccfirst", Applications.publicBody("GRC", "Bystander Agency"));
        users.user("ccoutsider", PASSWORD, other.getOrganisation().getRepresentativesGroup().orElseThrow());
        onboardings.complete(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
        Task accept = onboardings.openTask(pi, OnboardingProcess.TASK_ACCEPT_RULES);
        String body = variables(Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));

        WebappSession tasklist = WebappSession.login(port, "ccrep", PASSWORD);
        HttpResponse<String> click = tasklist.engine("POST", "/task/" + accept.getId() + "/submit-form", body);
        HttpResponse<String> again = tasklist.engine("POST", "/task/" + accept.getId() + "/submit-form", body);

        assertThat(click.statusCode()).as(click.body()).isEqualTo(204);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // Tasklist shows the "message" of an error
        assertThat(json.readTree(again.body()).path("message").asText())
                .startsWith("Cannot submit task form " + accept.getId() + ": This task was already completed by ccrep at ")
                .endsWith("Nothing you sent was recorded.");
        // engine REST's complete answers alike
        HttpResponse<String> byRest = post("ccrep", "/engine-rest/task/" + accept.getId() + "/complete", body);
        assertThat(byRest.statusCode()).as(byRest.body()).isEqualTo(409);
        assertThat(json.readTree(byRest.body()).path("detail").asText()).contains("already completed by ccrep");
        onboardings.runJobs(pi);
        assertThat(jdbc.queryForObject("select count(*) from rules_acceptance where membership_id = ?", Integer.class, m.getId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where membership_id = ? and kind = 'RULES_ACCEPTED'",
                Integer.class, m.getId())).isEqualTo(1);

        // another organisation's representative, who never could see the task, is told only that no such task is open
        HttpResponse<String> outsider = post("ccoutsider", "/engine-rest/task/" + accept.getId() + "/complete", body);
        assertThat(outsider.statusCode()).as(outsider.body()).isEqualTo(404);
        assertThat(outsider.body()).contains("There is no open task with id " + accept.getId()).doesNotContain("ccrep");
        HttpResponse<String> unknown = post("ccrep", "/engine-rest/task/no-such-task/complete", body);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no open task with id no-such-task").doesNotContain("task is null");
    }

    private void assertRecordedOnce(Membership m, String pi) {
        assertThat(count("select count(*) from review_decision where membership_id = ? and stage = 'VETTING'", m.getId()))
                .as("review decisions").isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where membership_id = ? and kind = 'REVIEW_VETTING'", m.getId()))
                .as("audit entries of the vetting").isEqualTo(1);
        assertThat(count("select count(*) from membership_status_change where membership_id = ? and from_status = 'UNDER_REVIEW'",
                m.getId())).as("status changes out of vetting").isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi)
                .taskDefinitionKey(OnboardingProcess.TASK_VET_APPLICATION).finished().count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(OnboardingProcess.TASK_ACCEPT_RULES).count())
                .as("next tasks").isEqualTo(1);
        AuditChainVerifier.BrokenLink broken = tx.execute(s -> verifier.verify(memberships.findById(m.getId()).orElseThrow()));
        assertThat(broken).as("audit chain").isNull();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String variables(Map<String, Object> values) throws Exception {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        values.forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
        return json.writeValueAsString(Map.of("variables", wrapped));
    }
}
