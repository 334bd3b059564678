package eu.infosharing.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.DataSubjectRequestProcess;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.StateFingerprint;
import eu.infosharing.governance.support.TestUsers;
import java.nio.file.Path;
import java.util.List;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a member calling engine REST (or our API) by hand could do with the data-subject-request model: start one
 * about anybody, read another organisation's request, its task, its variables or its history, answer it in the DPO's
 * place, or fetch the export. Each is refused (or answers nothing), and not one row changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataSubjectRequestHostileTest {

    private static final String PASSWORD = "Dsr-Hostile-Secret-1";

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
    @Autowired
    ObjectMapper json;
    @Value("${governance.mail.outbox-dir}")
    Path outbox;

    Membership victim;
    Membership attacker;
    String victimEmail;
    String processInstanceId;
    String location;

    @BeforeAll
    void aRequestAboutTheVictimsContact() throws Exception {
        users.user("dshdpo", PASSWORD, Roles.PRIVACY);
        victim = members.activeMember("GRC", "Hostile Victim Grid", Nis2Status.NOT_IN_SCOPE, null, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        attacker = members.activeMember("GRC", "Hostile Attacker Grid", Nis2Status.NOT_IN_SCOPE, null, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        members.representative(victim, "dshvictim", PASSWORD);
        members.representative(attacker, "dshattacker", PASSWORD);
        victimEmail = "soc@hostilevictimgrid.example";
        ResponseEntity<String> created = rest.withBasicAuth("dshvictim", PASSWORD).postForEntity("/api/data-subject-requests",
                jsonBody("{\"kind\":\"ACCESS\",\"organisationId\":" + victim.getOrganisation().getId() + ",\"subjectEmail\":\""
                        + victimEmail + "\"}"), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        location = created.getHeaders().getLocation().toString();
        processInstanceId = runtimeService.createProcessInstanceQuery().processDefinitionKey(DataSubjectRequestProcess.KEY)
                .list().stream().filter(p -> p.getBusinessKey().equals("dsr-" + location.substring(location.lastIndexOf('/') + 1)))
                .findFirst().orElseThrow().getId();
        onboardings.runJobs(processInstanceId);
    }

    @Test
    void aMemberCannotStartTheModelThroughEngineRest() {
        StateFingerprint before = fingerprint();
        String start = "/engine-rest/process-definition/key/" + DataSubjectRequestProcess.KEY + "/start";
        // the process's own variables, or none: an internal model has no start form and members no grant on it, so no
        // start by people at all (a member does not even see the definition: 404)
        ResponseEntity<String> withVariables = as("dshattacker").postForEntity(start, jsonBody("{\"variables\":{\""
                + DataSubjectRequestProcess.REQUEST_ID.name() + "\":{\"value\":1,\"type\":\"Long\"}}}"), String.class);
        assertThat(withVariables.getStatusCode().value()).as(withVariables.getBody()).isIn(400, 403, 404);
        ResponseEntity<String> bare = as("dshattacker").postForEntity(start, jsonBody("{}"), String.class);
        assertThat(bare.getStatusCode().value()).as(bare.getBody()).isIn(400, 403, 404);
        ResponseEntity<String> form = as("dshattacker").postForEntity("/engine-rest/process-definition/key/"
                + DataSubjectRequestProcess.KEY + "/submit-form", jsonBody("{\"variables\":{}}"), String.class);
        assertThat(form.getStatusCode().value()).as(form.getBody()).isIn(400, 403, 404);
        assertThat(before.differencesTo(fingerprint())).isEmpty();
    }

    @Test
    void aMemberSeesNothingOfTheRequestItsTaskOrItsHistory() throws Exception {
        for (String user : List.of("dshattacker", "dshvictim")) {
            assertThat(array(as(user).getForEntity("/engine-rest/task?processDefinitionKey=" + DataSubjectRequestProcess.KEY, String.class)))
                    .as(user + " lists no task of the DPO").isEmpty();
            assertThat(array(as(user).getForEntity("/engine-rest/process-instance?processDefinitionKey=" + DataSubjectRequestProcess.KEY, String.class)))
                    .isEmpty();
            assertThat(array(as(user).getForEntity("/engine-rest/history/process-instance?processDefinitionKey=" + DataSubjectRequestProcess.KEY, String.class)))
                    .isEmpty();
            assertThat(array(as(user).getForEntity("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId, String.class)))
                    .isEmpty();
            assertThat(as(user).getForEntity("/engine-rest/process-instance/" + processInstanceId + "/variables", String.class)
                    .getStatusCode().value()).isIn(403, 404);
            // our API: the request and its export are the DPO's
            assertThat(as(user).getForEntity(location, String.class).getStatusCode().value()).isEqualTo(403);
            ResponseEntity<String> export = as(user).getForEntity(location + "/export.json", String.class);
            assertThat(export.getStatusCode().value()).isEqualTo(403);
            assertThat(export.getBody()).doesNotContain(victimEmail);
        }
        // the DPO reads it
        assertThat(as("dshdpo").getForEntity(location + "/export.json", String.class).getBody()).contains(victimEmail);
    }

    @Test
    void aMemberCannotAnswerTheRequestInTheDposPlace() {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        StateFingerprint before = fingerprint();
        for (String action : List.of("/complete", "/submit-form")) {
            ResponseEntity<String> answered = as("dshattacker").postForEntity("/engine-rest/task/" + task.getId() + action,
                    jsonBody("{\"variables\":{\"" + DataSubjectRequestProcess.OUTCOME.name() + "\":{\"value\":\"ERASE\"}}}"), String.class);
            assertThat(answered.getStatusCode().value()).as(answered.getBody()).isIn(403, 404);
        }
        ResponseEntity<String> claimed = as("dshvictim").postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                jsonBody("{\"userId\":\"dshvictim\"}"), String.class);
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isIn(403, 404);
        ResponseEntity<String> variable = as("dshattacker").exchange("/engine-rest/task/" + task.getId() + "/variables/"
                        + DataSubjectRequestProcess.OUTCOME.name(), HttpMethod.PUT,
                jsonBody("{\"value\":\"ERASE\",\"type\":\"String\"}"), String.class);
        assertThat(variable.getStatusCode().value()).isIn(403, 404);
        assertThat(before.differencesTo(fingerprint())).isEmpty();
    }

    @Test
    void aMemberCannotNameAnotherOrganisationsContact() {
        StateFingerprint before = fingerprint();
        ResponseEntity<String> other = as("dshattacker").postForEntity("/api/data-subject-requests", jsonBody("{\"kind\":\"ERASURE\","
                + "\"organisationId\":" + attacker.getOrganisation().getId() + ",\"subjectEmail\":\"" + victimEmail + "\"}"), String.class);
        ResponseEntity<String> nobody = as("dshattacker").postForEntity("/api/data-subject-requests", jsonBody("{\"kind\":\"ERASURE\","
                + "\"organisationId\":" + attacker.getOrganisation().getId() + ",\"subjectEmail\":\"nobody@nowhere.example\"}"), String.class);
        assertThat(other.getStatusCode().value()).isEqualTo(400);
        assertThat(other.getBody()).as("no oracle: the same answer as for an unknown address").isEqualTo(nobody.getBody());
        ResponseEntity<String> victimsOrganisation = as("dshattacker").postForEntity("/api/data-subject-requests",
                jsonBody("{\"kind\":\"ERASURE\",\"organisationId\":" + victim.getOrganisation().getId() + ",\"subjectEmail\":\""
                        + victimEmail + "\"}"), String.class);
        assertThat(victimsOrganisation.getStatusCode().value()).isEqualTo(400);
        assertThat(victimsOrganisation.getBody()).contains("is not an organisation you represent").doesNotContain("Hostile Victim Grid");
        assertThat(before.differencesTo(fingerprint())).isEmpty();
    }

    private JsonNode array(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(200, 403);
        return response.getStatusCode().value() == 403 ? json.createArrayNode() : json.readTree(response.getBody());
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
