package eu.infosharing.governance.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What Tasklist's pages load from the running product: our configuration and stylesheet, not the webjar's defaults.
 * The browser walk (TasklistWalkthroughIT) sees their effect on the page; this test sees that they are served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistConfigurationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
