package eu.infosharing.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.StateFingerprint;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may see and do what, through a real HTTP port: every role, and a representative of organisation A against
 * organisation B's membership, on our API and on engine REST (tasks, process instances, variables, history,
 * deployed forms), and every role's writes through engine REST and the webapps' engine API. A refused write changes
 * nothing: not one row of our tables or of the engine's runtime, no user, no mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final String PASSWORD = "Matrix-Test-Secret-1";
    private static final String ANONYMOUS = "anonymous";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Onboardings onboardings;
    @Autowired
    TestUsers users;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${governance.mail.outbox-dir}")
    Path outbox;
    @LocalServerPort
    int port;

    /** A: waits for the privacy review (its representative accepted the rules). B: waits for its representative. */
    static Long membershipA;
    static Long membershipB;
    static String processA;
    static String processB;
    static String taskB;

    @BeforeAll
    void twoApplicants() {
        users.user("mxcoord", PASSWORD, Roles.COORDINATORS);
        users.user("mxaudit", PASSWORD, Roles.AUDITORS);
        users.user("mxdpo", PASSWORD, Roles.PRIVACY);
        users.user("mxlegal", PASSWORD, Roles.LEGAL);
        users.user("mxadmin", PASSWORD, Roles.ADMINS);
        Membership a = apply("Matrix Alpha Agency");
        Membership b = apply("Matrix Beta Agency");
        membershipA = a.getId();
        membershipB = b.getId();
        processA = a.getProcessInstanceId();
        processB = b.getProcessInstanceId();
        users.user("mxrepa", PASSWORD, a.getOrganisation().getRepresentativesGroup().orElseThrow());
        users.user("mxrepb", PASSWORD, b.getOrganisation().getRepresentativesGroup().orElseThrow());
        for (String pi : List.of(processA, processB)) {
            complete(pi, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
        }
        complete(processA, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));
        taskB = taskService.createTaskQuery().processInstanceId(processB).singleResult().getId();
        assertThat(taskService.createTaskQuery().processInstanceId(processA).singleResult().getTaskDefinitionKey())
                .isEqualTo(OnboardingProcess.TASK_CHECK_GDPR);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    /** role, method, path, expected status, and for lists the number of entries expected (or -1). */
    Stream<Arguments> matrix() {
        String memA = "/api/memberships/" + membershipA;
        String memB = "/api/memberships/" + membershipB;
        String tasksB = "/engine-rest/task?processInstanceId=" + processB;
        String varsB = "/engine-rest/process-instance/" + processB + "/variables";
        String instancesB = "/engine-rest/process-instance?processInstanceIds=" + processB;
        String histB = "/engine-rest/history/process-instance?processInstanceId=" + processB;
        String histVarsB = "/engine-rest/history/variable-instance?processInstanceId=" + processB;
        String histTasksB = "/engine-rest/history/task?processInstanceId=" + processB;
        String formB = "/engine-rest/task/" + taskB + "/deployed-form";
        List<Arguments> rows = new ArrayList<>();
        // nothing answers anonymously but the health check
        for (String path : List.of(memA, "/api/memberships", "/api/arrangements", "/api/notifications", "/v3/api-docs",
                tasksB, varsB, histB)) {
            rows.add(Arguments.of(ANONYMOUS, "GET", path, 401, -1));
        }
        rows.add(Arguments.of(ANONYMOUS, "GET", "/actuator/health", 200, -1));
        // our API: a membership is read by its own organisation, coordinators, auditors, administrators, and the
        // reviewers who have a task for it
        rows.add(Arguments.of("mxcoord", "GET", memB, 200, -1));
        rows.add(Arguments.of("mxaudit", "GET", memB, 200, -1));
        rows.add(Arguments.of("mxadmin", "GET", memB, 200, -1));
        rows.add(Arguments.of("mxrepb", "GET", memB, 200, -1));
        rows.add(Arguments.of("mxrepa", "GET", memB, 404, -1));
        rows.add(Arguments.of("mxdpo", "GET", memB, 404, -1));
        rows.add(Arguments.of("mxdpo", "GET", memA, 200, -1));
        rows.add(Arguments.of("mxlegal", "GET", memA, 404, -1));
        rows.add(Arguments.of("mxrepa", "GET", "/api/memberships", 200, 1));
        rows.add(Arguments.of("mxlegal", "GET", memB, 404, -1));
        rows.add(Arguments.of("mxrepa", "GET", memB + "/notifications", 404, -1));
        rows.add(Arguments.of("mxrepa", "GET", memB + "/authorities", 404, -1));
        rows.add(Arguments.of("mxrepa", "GET", memB + "/cessations", 404, -1));
        // engine REST: tasks
        rows.add(Arguments.of("mxcoord", "GET", tasksB, 200, 1));
        rows.add(Arguments.of("mxaudit", "GET", tasksB, 200, 1));
        rows.add(Arguments.of("mxrepb", "GET", tasksB, 200, 1));
        rows.add(Arguments.of("mxrepa", "GET", tasksB, 200, 0));
        rows.add(Arguments.of("mxdpo", "GET", tasksB, 200, 0));
        rows.add(Arguments.of("mxlegal", "GET", tasksB, 200, 0));
        rows.add(Arguments.of("mxrepb", "GET", "/engine-rest/task/" + taskB, 200, -1));
        // a task of another organisation does not exist for them; its variables are refused
        rows.add(Arguments.of("mxrepa", "GET", "/engine-rest/task/" + taskB, 404, -1));
        rows.add(Arguments.of("mxrepb", "GET", formB, 200, -1));
        rows.add(Arguments.of("mxrepa", "GET", formB, 403, -1));
        rows.add(Arguments.of("mxrepa", "GET", "/engine-rest/task/" + taskB + "/variables", 403, -1));
        // engine REST: process instances and their variables
        rows.add(Arguments.of("mxcoord", "GET", varsB, 200, -1));
        rows.add(Arguments.of("mxaudit", "GET", varsB, 200, -1));
        rows.add(Arguments.of("mxrepa", "GET", varsB, 403, -1));
        rows.add(Arguments.of("mxdpo", "GET", varsB, 403, -1));
        rows.add(Arguments.of("mxaudit", "GET", instancesB, 200, 1));
        rows.add(Arguments.of("mxrepa", "GET", instancesB, 200, 0));
        // engine REST: history
        rows.add(Arguments.of("mxaudit", "GET", histB, 200, 1));
        rows.add(Arguments.of("mxrepa", "GET", histB, 200, 0));
        rows.add(Arguments.of("mxdpo", "GET", histB, 200, 0));
        rows.add(Arguments.of("mxrepa", "GET", histVarsB, 200, 0));
        rows.add(Arguments.of("mxrepa", "GET", histTasksB, 200, 0));
        rows.add(Arguments.of("mxaudit", "GET", histTasksB, 200, 2));
        // Camunda Admin: users and groups are the administrators' only
        rows.add(Arguments.of("mxcoord", "GET", "/engine-rest/user?id=mxaudit", 200, 0));
        rows.add(Arguments.of("mxadmin", "GET", "/engine-rest/group?id=" + Roles.AUDITORS, 200, 1));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("matrix")
    void readsAnswerAsIntended(String user, String method, String path, int expectedStatus, int expectedEntries) throws Exception {
        ResponseEntity<String> response = as(user).exchange(path, HttpMethod.valueOf(method), null, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expectedStatus);
        if (expectedEntries >= 0) {
            JsonNode body = json.readTree(response.getBody());
            assertThat(body.isArray()).isTrue();
            assertThat(body.size()).as(response.getBody()).isEqualTo(expectedEntries);
        }
        if (path.equals("/actuator/health")) {
            assertThat(json.readTree(response.getBody()).fieldNames()).toIterable().containsExactly("status");
        }
    }

    /** role, method, path, body: writes that must be refused, and refuse without changing anything. */
    Stream<Arguments> refusedWrites() {
        return Stream.of(
                Arguments.of("mxrepa", "POST", "/engine-rest/task/" + taskB + "/complete", "{}"),
                Arguments.of("mxaudit", "POST", "/engine-rest/task/" + taskB + "/complete", "{}"),
                Arguments.of("mxdpo", "POST", "/engine-rest/task/" + taskB + "/submit-form", "{}"),
                Arguments.of("mxaudit", "POST", "/engine-rest/task/" + taskB + "/claim", "{\"userId\":\"mxaudit\"}"),
                Arguments.of("mxaudit", "PUT", "/engine-rest/process-instance/" + processB + "/variables/rulesAccepted",
                        "{\"value\":true,\"type\":\"Boolean\"}"),
                Arguments.of("mxrepa", "PUT", "/engine-rest/process-instance/" + processB + "/variables/rulesAccepted",
                        "{\"value\":true,\"type\":\"Boolean\"}"),
                Arguments.of("mxaudit", "DELETE", "/engine-rest/process-instance/" + processB, null),
                Arguments.of("mxrepb", "DELETE", "/engine-rest/process-instance/" + processB, null),
                Arguments.of("mxaudit", "POST", "/engine-rest/process-definition/key/membership-onboarding/start", "{}"),
                Arguments.of("mxdpo", "POST", "/engine-rest/process-definition/key/membership-onboarding/start", "{}"),
                Arguments.of("mxcoord", "POST", "/engine-rest/user/create",
                        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder-Pass-1\"}}"),
                Arguments.of("mxaudit", "POST", "/api/applications", json(Applications.publicBody("GRC", "Auditor Applies"))),
                Arguments.of("mxlegal", "POST", "/api/applications", json(Applications.publicBody("GRC", "Legal Applies"))),
                Arguments.of("mxaudit", "POST", "/api/memberships/" + membershipB + "/withdrawal", "{\"reason\":\"x\"}"),
                Arguments.of("mxrepa", "POST", "/api/memberships/" + membershipB + "/withdrawal", "{\"reason\":\"x\"}"),
                Arguments.of("mxrepa", "PUT", "/api/memberships/" + membershipB + "/notification-mode", "{\"mode\":\"PREPARE_ONLY\"}"),
                Arguments.of("mxaudit", "PUT", "/api/authorities/CCB",
                        "{\"channel\":\"EMAIL\",\"channelAddress\":\"x@y.example\",\"languages\":[\"en\"],\"deadline\":\"P1D\"}"),
                // only administrators add a competent authority
                Arguments.of("mxcoord", "POST", "/api/authorities", NEW_AUTHORITY),
                Arguments.of("mxaudit", "POST", "/api/authorities", NEW_AUTHORITY),
                Arguments.of("mxrepa", "POST", "/api/authorities", NEW_AUTHORITY),
                Arguments.of("mxdpo", "POST", "/api/authorities", NEW_AUTHORITY));
    }

    private static final String NEW_AUTHORITY = "{\"code\":\"INTRUDER\",\"name\":\"Intruder authority\",\"country\":\"NL\","
            + "\"regime\":\"NIS2\",\"channel\":\"EMAIL\",\"channelAddress\":\"x@intruder.example\",\"languages\":[\"en\"],"
            + "\"deadline\":\"P1D\"}";

    /**
     * Engine REST writes that carry or change process data, tried by every role but the administrators: writing a
     * variable by hand, completing with a field the form does not have, correlating a message, modifying or suspending
     * an instance, throwing a BPMN error, starting an internal process. Each is refused and changes nothing.
     */
    Stream<Arguments> engineWritesOfEveryRole() {
        List<Arguments> rows = new ArrayList<>();
        for (String role : List.of("mxcoord", "mxaudit", "mxdpo", "mxlegal", "mxrepa", "mxrepb")) {
            rows.add(Arguments.of(role, "PUT", "/engine-rest/process-instance/" + processB + "/variables/rulesAccepted",
                    "{\"value\":true,\"type\":\"Boolean\"}"));
            rows.add(Arguments.of(role, "POST", "/engine-rest/process-instance/" + processB + "/variables",
                    "{\"modifications\":{\"vettingDecision\":{\"value\":\"APPROVE\"}}}"));
            rows.add(Arguments.of(role, "PUT", "/engine-rest/task/" + taskB + "/localVariables/rulesAccepted",
                    "{\"value\":true,\"type\":\"Boolean\"}"));
            rows.add(Arguments.of(role, "POST", "/engine-rest/task/" + taskB + "/complete",
                    "{\"variables\":{\"rulesAccepted\":{\"value\":true},\"membershipId\":{\"value\":" + membershipA + "}}}"));
            rows.add(Arguments.of(role, "POST", "/engine-rest/task/" + taskB + "/bpmnError", "{\"errorCode\":\"Err_Skip\"}"));
            rows.add(Arguments.of(role, "POST", "/engine-rest/message",
                    "{\"messageName\":\"withdrawal-cancelled\",\"processInstanceId\":\"" + processB + "\"}"));
            rows.add(Arguments.of(role, "POST", "/engine-rest/signal", "{\"name\":\"anything\"}"));
            rows.add(Arguments.of(role, "POST", "/engine-rest/process-instance/" + processB + "/modification",
                    "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"ServiceTask_ValidateMembership\"}]}"));
            rows.add(Arguments.of(role, "PUT", "/engine-rest/process-instance/" + processB + "/suspended", "{\"suspended\":true}"));
            rows.add(Arguments.of(role, "POST", "/engine-rest/process-definition/key/authority-notification/start",
                    "{\"variables\":{\"notificationReference\":{\"value\":\"AGN-X\"}}}"));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} is refused")
    @MethodSource({"refusedWrites", "engineWritesOfEveryRole"})
    void refusedWritesChangeNothing(String user, String method, String path, String body) {
        StateFingerprint before = StateFingerprint.of(jdbc, outbox);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = as(user).exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(400, 403, 404);

        assertThat(before.differencesTo(StateFingerprint.of(jdbc, outbox))).as("changed by a refused write").isEmpty();
        Task stillOpen = taskService.createTaskQuery().taskId(taskB).singleResult();
        assertThat(stillOpen).as("B's task is still open").isNotNull();
        assertThat(stillOpen.getAssignee()).isNull();
        assertThat(rest.withBasicAuth("mxcoord", PASSWORD).getForEntity("/api/memberships/" + membershipB, String.class)
                .getBody()).contains("\"status\":\"AWAITING_RULES_ACCEPTANCE\"");
    }

    /** The same refusals at the door Tasklist and Cockpit use: the webapps' engine API, with a session and a CSRF token. */
    @ParameterizedTest(name = "{0} through the webapps")
    @MethodSource("webappUsers")
    void theWebappsEngineApiRefusesTheSameWrites(String user) {
        StateFingerprint before = StateFingerprint.of(jdbc, outbox);
        WebappSession session = WebappSession.login(port, user, PASSWORD);
        assertThat(session.engine("PUT", "/process-instance/" + processB + "/variables/rulesAccepted",
                "{\"value\":true,\"type\":\"Boolean\"}").statusCode()).isIn(403, 404);
        assertThat(session.engine("POST", "/task/" + taskB + "/submit-form",
                "{\"variables\":{\"rulesAccepted\":{\"value\":true},\"participantType\":{\"value\":\"PUBLIC_BODY\"}}}")
                .statusCode()).isIn(400, 403, 404);
        assertThat(session.engine("POST", "/message",
                "{\"messageName\":\"withdrawal-cancelled\",\"processInstanceId\":\"" + processB + "\"}").statusCode())
                .isIn(403, 404);
        assertThat(session.engine("POST", "/process-definition/key/rules-revision/submit-form", "{}").statusCode())
                .isIn(403, 404);
        assertThat(before.differencesTo(StateFingerprint.of(jdbc, outbox))).as("changed by a refused write").isEmpty();
    }

    static Stream<String> webappUsers() {
        return Stream.of("mxcoord", "mxaudit", "mxdpo", "mxrepa", "mxrepb");
    }

    @Test
    void everyPageCarriesSecurityHeaders() {
        HttpHeaders tasklist = rest.getForEntity("/camunda/app/tasklist/", String.class).getHeaders();
        assertThat(tasklist.getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(tasklist.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(tasklist.getFirst("X-Frame-Options")).isEqualTo("DENY");

        HttpHeaders api = as("mxcoord").getForEntity("/api/arrangements", String.class).getHeaders();
        assertThat(api.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(api.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theWebappsRefuseAStateChangingRequestWithoutTheirCsrfToken() {
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=mxcoord&password=" + PASSWORD, form), String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(403);
        assertThat(login.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
    }

    @Test
    void writesABrowserSendsFromAnotherSiteAreRefused() {
        HttpHeaders crossSite = new HttpHeaders();
        crossSite.setContentType(MediaType.APPLICATION_JSON);
        crossSite.set("Origin", "https://evil.example");
        ResponseEntity<String> fromEvil = as("mxrepb").exchange("/api/memberships/" + membershipB + "/withdrawal",
                HttpMethod.POST, new HttpEntity<>("{\"reason\":\"forged\"}", crossSite), String.class);
        assertThat(fromEvil.getStatusCode().value()).isEqualTo(403);
        assertThat(fromEvil.getBody()).contains("Cross-site");

        HttpHeaders fetchMetadata = new HttpHeaders();
        fetchMetadata.setContentType(MediaType.APPLICATION_JSON);
        fetchMetadata.set("Sec-Fetch-Site", "cross-site");
        assertThat(as("mxrepb").exchange("/api/memberships/" + membershipB + "/notification-mode", HttpMethod.PUT,
                new HttpEntity<>("{\"mode\":\"PREPARE_ONLY\"}", fetchMetadata), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.withBasicAuth("mxcoord", PASSWORD).getForEntity("/api/memberships/" + membershipB + "/cessations",
                String.class).getBody()).isEqualTo("[]");

        // the same request from our own pages goes through (here: refused for its content, not its origin)
        HttpHeaders sameSite = new HttpHeaders();
        sameSite.setContentType(MediaType.APPLICATION_JSON);
        sameSite.set("Sec-Fetch-Site", "same-origin");
        assertThat(as("mxrepb").exchange("/api/memberships/" + membershipB + "/notification-mode", HttpMethod.PUT,
                new HttpEntity<>("{\"mode\":\"CARRIER_PIGEON\"}", sameSite), String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        users.user("mxthrottled", PASSWORD, Roles.AUDITORS);
        assertThat(rest.withBasicAuth("mxthrottled", "wrong").getForEntity("/api/arrangements", String.class)
                .getStatusCode().value()).isEqualTo(401);
        // right after a failure even the right password is refused, through our API and engine REST alike
        assertThat(as("mxthrottled").getForEntity("/api/arrangements", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(as("mxthrottled").getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
        // once the delay has passed it is accepted again
        ClockUtil.offset(10_000L);
        assertThat(as("mxthrottled").getForEntity("/api/arrangements", String.class).getStatusCode().value()).isEqualTo(200);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private TestRestTemplate as(String user) {
        return ANONYMOUS.equals(user) ? rest : rest.withBasicAuth(user, PASSWORD);
    }

    private Membership apply(String name) {
        return onboardings.apply("mxcoord", Applications.publicBody("GRC", name));
    }

    private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        onboardings.complete(processInstanceId, taskKey, variables);
    }

    private String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
