package eu.infosharing.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.StandaloneContexts;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one database share the people's HTTP sessions (Spring Session JDBC): someone who logged
 * into Tasklist on node A goes on working on node B with the same cookie (as when A dies and the proxy sends them to
 * B), as the same person with the same rights, their CSRF token valid there; logging out on B ends the session on A.
 * The nodes are two Spring applications in this JVM on one in-memory H2 database (each with its own web server,
 * session filter and session repository; the engines they reach are the same database's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsTest {

    private static final String PASSWORD = "Shared-Session-Secret-1";
    private static final String SESSION_COOKIE = "SESSION";

    private final ObjectMapper json = new ObjectMapper();
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private int portA;
    private int portB;
    private Onboardings onboardings;
    private TaskService tasks;
    private JdbcTemplate jdbc;

    @BeforeAll
    void twoNodesOnOneDatabase() {
        String[] shared = {"--spring.datasource.url=jdbc:h2:mem:shared-sessions;DB_CLOSE_DELAY=-1", "--server.port=0"};
        nodeA = StandaloneContexts.run(new String[] {"test"}, shared);
        nodeB = StandaloneContexts.run(new String[] {"test"}, shared);
        portA = nodeA.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        portB = nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        TestUsers users = nodeA.getBean(TestUsers.class);
        users.user("sscoord", PASSWORD, Roles.COORDINATORS);
        onboardings = nodeA.getBean(Onboardings.class);
        tasks = nodeA.getBean(TaskService.class);
        jdbc = nodeA.getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stop() {
        // the later one first: each puts back the Camunda statics it found when it started (StandaloneContexts)
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void aCoordinatorLoggedInOnAWorksOnBAsTheSamePersonAndLoggingOutOnBEndsTheSessionOnA() throws Exception {
        Membership applicant = onboardings.apply("sscoord", Applications.publicBody("GRC", "Shared Session Agency"));
        Task vetting = onboardings.openTask(applicant.getProcessInstanceId(), OnboardingProcess.TASK_VET_APPLICATION);

        WebappSession.Attempt login = WebappSession.attemptLogin(portA, "sscoord", PASSWORD);
        WebappSession onA = login.session();
        assertThat(login.response().statusCode()).as(login.response().body()).isEqualTo(200);
        String sessionAtLogin = onA.cookie(SESSION_COOKIE);
        assertThat(onA.send("GET", "/camunda/api/admin/auth/user/default", null, null).statusCode()).isEqualTo(200);

        // node A is gone for this browser: the proxy sends it to B with the cookies it has
        WebappSession onB = onA.on(portB);
        JsonNode identity = json.readTree(onB.send("GET", "/camunda/api/admin/auth/user/default", null, null).body());
        assertThat(identity.path("userId").asText()).isEqualTo("sscoord");
        assertThat(identity.path("authorizedApps").toString()).contains("tasklist");
        HttpResponse<String> list = onB.engine("GET", "/task?processInstanceId=" + applicant.getProcessInstanceId(), null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(json.readTree(list.body()).findValuesAsText("id")).contains(vetting.getId());

        // a write on B: Camunda's CSRF token, kept in the session at A, is accepted at B
        HttpResponse<String> decided = onB.engine("POST", "/task/" + vetting.getId() + "/submit-form",
                "{\"variables\":{\"vettingDecision\":{\"value\":\"APPROVE\"},\"vettingReason\":{\"value\":\"Known agency\"}}}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        assertThat(nodeA.getBean(HistoryService.class).createUserOperationLogQuery().taskId(vetting.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .as("completed as the person who logged in on A").extracting(UserOperationLogEntry::getUserId).contains("sscoord");
        assertThat(tasks.createTaskQuery().taskId(vetting.getId()).count()).isZero();
        assertThat(onB.cookie(SESSION_COOKIE)).as("the same session throughout").isEqualTo(sessionAtLogin);
        assertThat(sessionAttributes(sessionAtLogin)).as("what the webapps keep in a session, stored and read back by B")
                .contains("authenticatedUser", "CAMUNDA_CSRF_TOKEN");

        // logging out on B ends the session for every node
        HttpResponse<String> logout = onB.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null);
        assertThat(logout.statusCode()).as(logout.body()).isIn(200, 204);
        WebappSession backOnA = onB.on(portA);
        assertThat(backOnA.engine("GET", "/task", null).statusCode()).isEqualTo(401);
        assertThat(backOnA.send("GET", "/camunda/api/admin/auth/user/default", null, null).statusCode()).isIn(401, 404);
    }

    @Test
    void theLoginGivesANewSessionIdSoASessionPlantedBeforeItIsWorthNothing() {
        WebappSession browser = WebappSession.open(portA);
        browser.send("GET", "/camunda/api/admin/auth/user/default", null, null);
        String planted = browser.cookie(SESSION_COOKIE);
        assertThat(planted).as("a session before the login (Camunda's CSRF token lives there)").isNotNull();

        assertThat(browser.postLogin("sscoord", PASSWORD).statusCode()).isEqualTo(200);

        String after = browser.cookie(SESSION_COOKIE);
        assertThat(after).isNotNull().isNotEqualTo(planted);
        assertThat(sessionAttributes(after)).contains("authenticatedUser");
        assertThat(stored(planted)).as("the session from before the login is gone from the database").isZero();
    }

    @Test
    void aWrongPasswordStillDelaysTheNextLoginWithSessionsInTheDatabase() {
        nodeA.getBean(TestUsers.class).user("ssthrottled", PASSWORD, Roles.COORDINATORS);
        assertThat(WebappSession.attemptLogin(portA, "ssthrottled", "wrong").response().statusCode()).isEqualTo(401);
        assertThat(WebappSession.attemptLogin(portA, "ssthrottled", PASSWORD).response().statusCode())
                .as("the right password right after a wrong one").isEqualTo(401);
        try {
            ClockUtil.offset(10_000L);
            assertThat(WebappSession.attemptLogin(portA, "ssthrottled", PASSWORD).response().statusCode()).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aMembersSessionCarriedToBStillSeesOnlyItsOwnOrganisationsTasks() throws Exception {
        Membership own = atRulesAcceptance("Shared Own Agency", "ssrepown");
        Membership other = atRulesAcceptance("Shared Other Agency", "ssrepother");
        Task ownTask = onboardings.openTask(own.getProcessInstanceId(), OnboardingProcess.TASK_ACCEPT_RULES);
        Task otherTask = onboardings.openTask(other.getProcessInstanceId(), OnboardingProcess.TASK_ACCEPT_RULES);

        WebappSession onB = WebappSession.login(portA, "ssrepown", PASSWORD).on(portB);
        HttpResponse<String> list = onB.engine("GET", "/task", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> seen = json.readTree(list.body()).findValuesAsText("id");
        assertThat(seen).contains(ownTask.getId()).doesNotContain(otherTask.getId());
        assertThat(onB.engine("GET", "/task/" + otherTask.getId(), null).statusCode()).isIn(403, 404);
        HttpResponse<String> steer = onB.engine("POST", "/task/" + otherTask.getId() + "/submit-form",
                "{\"variables\":{\"rulesAccepted\":{\"value\":true}}}");
        assertThat(steer.statusCode()).as(steer.body()).isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(otherTask.getId()).count()).isOne();
    }

    private Membership atRulesAcceptance(String name, String representative) {
        Membership m = onboardings.apply("sscoord", Applications.publicBody("GRC", name));
        nodeA.getBean(TestUsers.class).user(representative, PASSWORD, m.getOrganisation().getRepresentativesGroup().orElseThrow());
        onboardings.complete(m.getProcessInstanceId(), OnboardingProcess.TASK_VET_APPLICATION,
                Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
        return m;
    }

    /** The names of the attributes a session holds in the shared database (the cookie carries the session's id). */
    private List<String> sessionAttributes(String cookie) {
        return jdbc.queryForList("select a.attribute_name from spring_session_attributes a join spring_session s"
                + " on s.primary_id = a.session_primary_id where s.session_id = ?", String.class, sessionId(cookie));
    }

    private int stored(String cookie) {
        return jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class, sessionId(cookie));
    }

    /** Spring Session's cookie carries the session's id in Base64. */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }
}
