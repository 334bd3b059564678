package eu.infosharing.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.onboarding.AccountRequests;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AccountRequestProcess;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.Outbox;
import eu.infosharing.governance.support.StateFingerprint;
import eu.infosharing.governance.support.TestUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a caller of engine REST could do by hand with the account-request model: a member completing the coordinators'
 * acceptance task (to open an account for a friend), reading the applicant's details, or starting the model with its
 * own variables; a coordinator starting it without a verified request, or slipping another request's id into the
 * decision. Each is refused with nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRequestHostileTest {

    private static final String PASSWORD = "Join-Hostile-Tulip-1";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    Onboardings onboardings;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${governance.mail.outbox-dir}")
    Path outbox;

    String applicantEmail;
    String processInstanceId;
    Task review;

    @BeforeAll
    void aVerifiedRequestWaitsForTheCoordinators() throws Exception {
        users.user("jhcoord", PASSWORD, Roles.COORDINATORS);
        Membership member = members.activeMember("GRC", "Join Hostile Member " + RUN, Nis2Status.NOT_IN_SCOPE, null, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        members.representative(member, "jhmember", PASSWORD);
        applicantEmail = "applicant." + RUN + "@hostile.example";
        ResponseEntity<String> applied = rest.postForEntity("/api/account-requests", jsonBody("{\"name\":\"Friend Of Mallory\","
                + "\"organisation\":\"Friendly Ltd\",\"email\":\"" + applicantEmail + "\"}"), String.class);
        assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(202);
        String link = Outbox.last(outbox, applicantEmail).link("http://localhost:8080" + AccountRequests.VERIFY_PATH + "?token=");
        ResponseEntity<String> verified = rest.postForEntity("/api/account-requests/verification",
                jsonBody("{\"token\":\"" + link.substring(link.indexOf("token=") + 6) + "\"}"), String.class);
        assertThat(verified.getStatusCode().value()).as(verified.getBody()).isEqualTo(200);
        Long requestId = jdbc.queryForObject("select id from account_request where email = ?", Long.class, applicantEmail);
        processInstanceId = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(AccountRequestProcess.businessKey(requestId)).singleResult().getId();
        onboardings.runJobs(processInstanceId);
        review = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(review.getName()).contains("Friend Of Mallory");
    }

    @Test
    void aMemberCannotAcceptTheRequestNorSeeIt() throws Exception {
        StateFingerprint before = fingerprint();
        for (String action : List.of("/complete", "/submit-form")) {
            ResponseEntity<String> accepted = as("jhmember").postForEntity("/engine-rest/task/" + review.getId() + action,
                    jsonBody("{\"variables\":{\"" + AccountRequestProcess.DECISION.name() + "\":{\"value\":\"ACCEPT\"}}}"), String.class);
            assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isIn(403, 404);
        }
        ResponseEntity<String> claimed = as("jhmember").postForEntity("/engine-rest/task/" + review.getId() + "/claim",
                jsonBody("{\"userId\":\"jhmember\"}"), String.class);
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isIn(403, 404);
        for (String read : List.of("/engine-rest/task?processDefinitionKey=" + AccountRequestProcess.KEY,
                "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
                "/engine-rest/history/task?processInstanceId=" + processInstanceId)) {
            ResponseEntity<String> seen = as("jhmember").getForEntity(read, String.class);
            assertThat(seen.getStatusCode().value()).as(read).isIn(200, 403);
            assertThat(seen.getBody()).as(read).doesNotContain(applicantEmail).doesNotContain("Friend Of Mallory");
        }
        assertThat(before.differencesTo(fingerprint())).isEmpty();
    }

    @Test
    void nobodyStartsTheModelByHand() {
        StateFingerprint before = fingerprint();
        String start = "/engine-rest/process-definition/key/" + AccountRequestProcess.KEY + "/start";
        for (String user : List.of("jhmember", "jhcoord")) {
            ResponseEntity<String> withVariables = as(user).postForEntity(start, jsonBody("{\"variables\":{\""
                    + AccountRequestProcess.ACCOUNT_REQUEST_ID.name() + "\":{\"value\":1,\"type\":\"Long\"},\""
                    + AccountRequestProcess.DECISION.name() + "\":{\"value\":\"ACCEPT\"}}}"), String.class);
            assertThat(withVariables.getStatusCode().value()).as(user + ": " + withVariables.getBody()).isIn(400, 403, 404);
            ResponseEntity<String> form = as(user).postForEntity("/engine-rest/process-definition/key/"
                    + AccountRequestProcess.KEY + "/submit-form", jsonBody("{\"variables\":{}}"), String.class);
            assertThat(form.getStatusCode().value()).as(user + ": " + form.getBody()).isIn(400, 403, 404);
        }
        assertThat(before.differencesTo(fingerprint())).isEmpty();
    }

    @Test
    void aCoordinatorDecidesOnlyWithTheFormsFields() {
        StateFingerprint before = fingerprint();
        ResponseEntity<String> steered = as("jhcoord").postForEntity("/engine-rest/task/" + review.getId() + "/complete",
                jsonBody("{\"variables\":{\"" + AccountRequestProcess.DECISION.name() + "\":{\"value\":\"ACCEPT\"},\""
                        + AccountRequestProcess.ACCOUNT_REQUEST_ID.name() + "\":{\"value\":99,\"type\":\"Long\"}}}"), String.class);
        assertThat(steered.getStatusCode().value()).as(steered.getBody()).isEqualTo(400);
        assertThat(steered.getBody()).contains(AccountRequestProcess.ACCOUNT_REQUEST_ID.name());
        ResponseEntity<String> unknownChoice = as("jhcoord").postForEntity("/engine-rest/task/" + review.getId() + "/complete",
                jsonBody("{\"variables\":{\"" + AccountRequestProcess.DECISION.name() + "\":{\"value\":\"ADMIN\"}}}"), String.class);
        assertThat(unknownChoice.getStatusCode().value()).as(unknownChoice.getBody()).isEqualTo(400);
        assertThat(before.differencesTo(fingerprint())).isEmpty();
    }

    @Test
    void anotherSiteCannotMakeABrowserApply() {
        StateFingerprint before = fingerprint();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("Origin", "https://evil.example");
        ResponseEntity<String> crossSite = rest.postForEntity("/join", new HttpEntity<>("name=Eve&organisation=Evil&email="
                + "eve." + RUN + "%40hostile.example", headers), String.class);
        assertThat(crossSite.getStatusCode().value()).isEqualTo(403);
        assertThat(before.differencesTo(fingerprint())).isEmpty();
    }

    private StateFingerprint fingerprint() {
        return StateFingerprint.of(jdbc, outbox);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
