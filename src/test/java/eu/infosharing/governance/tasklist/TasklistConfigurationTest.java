package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What Tasklist's pages load from the running product: our configuration and stylesheet, not the webjar's defaults,
 * and the tasks' descriptions. The browser walk (TasklistWalkthroughIT) sees their effect on the page; this test sees
 * that they are served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistConfigurationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static final String PASSWORD = "Describe-Test-Secret-1";

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    Onboardings onboardings;
    @Autowired
    ObjectMapper json;

    /** Members and reviewers see neither Camunda's migration banner nor a Create task link they may not use. */
    @Test
    void tasklistHidesTheMigrationBannerAndTheCreateTaskLink() throws Exception {
        HttpResponse<String> styles = get("/camunda/app/tasklist/styles/user-styles.css");

        assertThat(styles.statusCode()).isEqualTo(200);
        String rule = styles.body().replaceAll("(?s)/\\*.*?\\*/", "");
        assertThat(rule).contains(".ce-eol-banner").contains(".create-task-action").contains("display: none");
    }

    /** Tasklist's own words follow the browser's language among those Camunda ships: English and German. */
    @Test
    void tasklistOffersTheLanguagesCamundaShipsAndFallsBackToEnglish() throws Exception {
        HttpResponse<String> config = get("/camunda/app/tasklist/scripts/config.js");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).containsPattern("availableLocales:\\s*\\['en', 'de'\\]")
                .containsPattern("fallbackLocale:\\s*'en'");
        for (String locale : new String[] {"en", "de"}) {
            assertThat(get("/camunda/app/tasklist/locales/" + locale + ".json").statusCode()).as(locale).isEqualTo(200);
        }
    }

    /** The Description tab of a task shows the user task's documentation, read through Tasklist's engine API. */
    @Test
    void aTasksDescriptionReachesTasklist() throws Exception {
        users.user("describer", PASSWORD, Roles.COORDINATORS);
        Membership m = onboardings.apply("describer", Applications.publicBody("GRC", "Describing Agency"));
        String taskId = onboardings.openTask(m.getProcessInstanceId(), OnboardingProcess.TASK_VET_APPLICATION).getId();
        String documented = Bpmn.readModelFromFile(Path.of("bpmn", OnboardingProcess.KEY + ".bpmn").toFile())
                .<UserTask>getModelElementById(OnboardingProcess.TASK_VET_APPLICATION).getDocumentations().iterator().next()
                .getTextContent();

        HttpResponse<String> task = WebappSession.login(port, "describer", PASSWORD).engine("GET", "/task/" + taskId, null);

        assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
        assertThat(json.readTree(task.body()).get("description").asText()).isEqualTo(documented)
                .contains("Approve").contains("Due in 5 days");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
