package eu.infosharing.governance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What Swagger UI shows of our API: its name and version, how to sign in, and an example for every write. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationTest {

    private static final String PASSWORD = "Api-Docs-Secret-1";
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;

    private JsonNode docs;

    @BeforeAll
    void read() throws Exception {
        users.user("apidocs", PASSWORD, Roles.COORDINATORS);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v3/api-docs"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("apidocs:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        docs = json.readTree(answer.body());
    }

    @Test
    void theApiHasItsNameTheBuildsVersionAndADescription() throws Exception {
        assertThat(docs.at("/info/title").asText()).isEqualTo("Arrangement Governance API");
        assertThat(docs.at("/info/version").asText()).isEqualTo(pomVersion());
        assertThat(docs.at("/info/description").asText()).contains("HTTP Basic").contains("problem+json");
    }

    @Test
    void callersAreToldToSignInWithHttpBasic() {
        assertThat(docs.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(docs.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(docs.at("/security/0").has("basicAuth")).isTrue();
        // Apply to join is taken before one has an account
        assertThat(docs.at("/paths/~1api~1account-requests/post/security").isArray()).isTrue();
        assertThat(docs.at("/paths/~1api~1account-requests/post/security")).isEmpty();
        assertThat(docs.at("/paths/~1api~1memberships/get/security").isMissingNode()).as("others inherit basicAuth").isTrue();
    }

    @Test
    void theServerIsThisInstallationNotAGeneratedOne() {
        assertThat(docs.at("/servers").toString()).doesNotContain("Generated server url");
        assertThat(docs.at("/servers/0/url").asText()).isEqualTo("http://localhost:8080");
    }

    @Test
    void everyWriteWithABodyHasAnExampleRequest() {
        List<String> writes = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode content = op.getValue().at("/requestBody/content");
            if (WRITES.contains(op.getKey()) && !content.isMissingNode()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                writes.add(name);
                content.fields().forEachRemaining(media -> {
                    if (!media.getValue().at("/examples/example/value").isObject()) {
                        withoutExample.add(name + " (" + media.getKey() + ")");
                    }
                });
            }
        }));
        assertThat(writes).contains("POST /api/applications", "POST /api/memberships/{id}/withdrawal",
                "PUT /api/authorities/{code}");
        assertThat(withoutExample).isEmpty();
    }

    /** The version Maven builds, read from the pom beside the tests. */
    private static String pomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>arrangement-governance</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
