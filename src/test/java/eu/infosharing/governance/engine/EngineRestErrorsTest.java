package eu.infosharing.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.ErrorBodies;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * No error of engine REST, or of the webapps' engine API that Tasklist calls, shows SQL, a table, a Java class or a
 * stack trace, whatever causes it: a value the database refuses, a value that does not convert, a body that is not
 * JSON, an unknown resource. The answers meant for people keep their status and their words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestErrorsTest {

    private static final String PASSWORD = "Errors-Test-Secret-1";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    Members members;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void people() {
        users.user("erradmin", PASSWORD, Roles.ADMINS);
        Membership m = members.activeMember("CIDR", "Errors Energy", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        members.representative(m, "errrep", PASSWORD);
        assertThat(m.getStatus()).isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void aValueTheDatabaseRefusesIs500WithoutTheStatement() throws Exception {
        String tooLong = "u".repeat(300);
        HttpResponse<String> answer = send("erradmin", "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + tooLong
                + "\",\"firstName\":\"Long\",\"lastName\":\"Name\",\"email\":\"long@errors.example\"},"
                + "\"credentials\":{\"password\":\"Long-Name-Secret-1\"}}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        assertNothingInternal(answer);
    }

    /**
     * What the issue saw during an outage, without the outage: a failure of our own tables inside an engine command
     * (a listener's insert) quotes the statement and Spring's class; it is answered as an internal error under a
     * reference, and the statement stays in the log.
     */
    @Test
    void aFailureThatQuotesSqlOrClassesIs500WithAReferenceOnly() throws Exception {
        RuntimeException failure = new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 There was an exception "
                + "while invoking the TaskListener. Message: 'could not execute statement [Value too long for column "
                + "REASON] [insert into membership_status_change (actor,changed_at) values (?,?)]'",
                new org.springframework.dao.DataIntegrityViolationException("could not execute statement"));
        jakarta.ws.rs.core.Response answer = EngineRestErrors.answer(
                new org.camunda.bpm.engine.rest.exception.RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                        failure, "Cannot complete task 42: " + failure.getMessage()));

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getMediaType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree((String) answer.getEntity());
        assertThat(problem.path("type").asText()).isEqualTo("urn:arrangement-governance:problem:internal-error");
        assertThat(problem.path("detail").asText()).matches("The request failed on our side\\. It was logged with reference "
                + "[0-9a-f]{8}; try again, or give an administrator the reference\\.");
        assertThat(problem.path("message").asText()).isEqualTo(problem.path("detail").asText());
        assertThat(answer.getEntity().toString()).doesNotContain("insert", "membership_status_change", "Exception");
    }

    @Test
    void aValueThatDoesNotConvertNamesTheTypeButNoJavaClassAtEveryDoor() throws Exception {
        String body = "{\"variables\":{\"answer\":{\"value\":\"forty-two\",\"type\":\"Integer\"}}}";
        HttpResponse<String> viaRest = send("errrep", "POST", "/engine-rest/task/any-task/complete", body);
        assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(400);
        assertThat(assertNothingInternal(viaRest).path("message").asText())
                .contains("Cannot convert value 'forty-two' of type 'Integer'");

        HttpResponse<String> viaTasklist = WebappSession.login(port, "errrep", PASSWORD)
                .engine("POST", "/task/any-task/submit-form", body);
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
        assertThat(assertNothingInternal(viaTasklist).path("message").asText()).contains("forty-two");
    }

    @Test
    void bodiesThatAreNotJsonOrNotTheRightShapeAre400InPlainWords() throws Exception {
        for (String body : new String[] {"{\"variables\": ", "{\"variables\": 5}", "[1, 2]"}) {
            HttpResponse<String> answer = send("errrep", "POST", "/engine-rest/task/any-task/complete", body);
            assertThat(answer.statusCode()).as(body + " → " + answer.body()).isEqualTo(400);
            assertThat(assertNothingInternal(answer).path("message").asText()).isNotBlank();
        }
    }

    @Test
    void unknownResourcesAndParametersKeepTheirStatusAndWords() throws Exception {
        HttpResponse<String> unknown = send("erradmin", "GET", "/engine-rest/process-instance/no-such-instance", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(assertNothingInternal(unknown).path("message").asText()).contains("no-such-instance");

        HttpResponse<String> badParameter = send("erradmin", "GET", "/engine-rest/task?sortBy=colour&sortOrder=asc", null);
        assertThat(badParameter.statusCode()).isEqualTo(400);
        assertThat(assertNothingInternal(badParameter).path("message").asText()).contains("sortBy");

        HttpResponse<String> notANumber = send("erradmin", "GET", "/engine-rest/task?maxResults=many", null);
        assertThat(notANumber.statusCode()).isIn(400, 404);
        assertNothingInternal(notANumber);
    }

    /**
     * A start form the server refuses (a wrong check number) answers the one sentence that names the field, as Tasklist
     * shows it: not "Cannot instantiate process definition membership-onboarding:1:...: Enterprise number ...".
     */
    @Test
    void aRefusedStartFormAnswersTheFieldsSentenceAlone() throws Exception {
        String body = "{\"variables\":{"
                + "\"arrangementCode\":{\"value\":\"AWARENESS\"},\"legalName\":{\"value\":\"Wrong Number BV\"},"
                + "\"legalForm\":{\"value\":\"BV\"},\"country\":{\"value\":\"BE\"},"
                + "\"enterpriseNumber\":{\"value\":\"0599.799.598\"},\"participantType\":{\"value\":\"NON_PROFIT\"},"
                + "\"nis2Status\":{\"value\":\"NOT_IN_SCOPE\"},\"doraEntityType\":{\"value\":\"NONE\"},"
                + "\"preferredLanguage\":{\"value\":\"fr\"},\"contact1Name\":{\"value\":\"Fanny Form\"},"
                + "\"contact1Email\":{\"value\":\"fanny@form.example\"},\"contact1Phone\":{\"value\":\"+32 4 555 12 12\"}}}";
        HttpResponse<String> viaTasklist = WebappSession.login(port, "erradmin", PASSWORD)
                .engine("POST", "/process-definition/key/membership-onboarding/submit-form", body);
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
        assertThat(assertNothingInternal(viaTasklist).path("message").asText())
                .startsWith("Enterprise number has a wrong check number").doesNotContain("Cannot instantiate")
                .doesNotContain("membership-onboarding:");
        HttpResponse<String> viaRest = send("erradmin", "POST", "/engine-rest/process-definition/key/membership-onboarding/submit-form", body);
        assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(400);
        assertThat(assertNothingInternal(viaRest).path("message").asText()).startsWith("Enterprise number has a wrong check number");
    }

    /** A refusal names what was refused; its type is Camunda's (the signal's was "ActionRefused", our class, before). */
    @Test
    void theTrustBoundarysRefusalsKeepTheirStatusAndTheirSentence() throws Exception {
        for (String[] call : new String[][] {{"POST", "/engine-rest/message", "{\"messageName\":\"withdrawal-cancelled\"}"},
                {"POST", "/engine-rest/signal", "{\"name\":\"anything\"}"}}) {
            HttpResponse<String> refused = send("errrep", call[0], call[1], call[2]);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            JsonNode body = assertNothingInternal(refused);
            assertThat(body.path("message").asText()).as(call[1]).contains("Refused, nothing was changed: errrep may not do this");
        }
    }

    private JsonNode assertNothingInternal(HttpResponse<String> answer) throws Exception {
        return ErrorBodies.assertNothingInternal(json, answer.body());
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
