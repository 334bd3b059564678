package eu.infosharing.governance.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.EnterpriseNumber;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start forms as each person gets them, from Tasklist's door (the webapps' engine API) and engine REST: the
 * application opens with what the product knows of the representative's organisation; the cessation form lists the
 * memberships the person may end and only the ways it may use. And what a representative sends by hand through engine
 * REST beyond those choices is still refused, with nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberStartFormsTest {

    private static final String PASSWORD = "Start-Forms-Secret-1";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    Members members;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectMapper json;

    Membership own;
    Membership ownSecond;
    Membership others;

    @BeforeAll
    void people() {
        own = members.activeMember("CIDR", "Formfill Bank", Nis2Status.ESSENTIAL, Nis2Sector.BANKING, DoraEntityType.A,
                Language.nl, NotificationMode.SEND_ON_BEHALF);
        members.representative(own, "sfrep", PASSWORD);
        ownSecond = members.activeMembership(own.getOrganisation(), "ESA");
        others = members.activeMember("CIDR", "Other Formfill Energy", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null,
                Language.fr, NotificationMode.SEND_ON_BEHALF);
        users.user("sfcoord", PASSWORD, Roles.COORDINATORS);
    }

    @Test
    void theApplicationFormOpensWithWhatIsKnownOfTheRepresentativesOrganisation() throws Exception {
        JsonNode form = startForm("sfrep", "membership-onboarding");
        assertThat(defaultOf(form, "legalName")).isEqualTo("Formfill Bank");
        assertThat(defaultOf(form, "legalForm")).isEqualTo("NV");
        assertThat(defaultOf(form, "country")).isEqualTo("BE");
        assertThat(defaultOf(form, "enterpriseNumber")).isEqualTo(EnterpriseNumber.format(own.getOrganisation().getEnterpriseNumber()));
        assertThat(defaultOf(form, "lei")).isEqualTo(own.getOrganisation().getLei()).isNotBlank();
        assertThat(defaultOf(form, "preferredLanguage")).isEqualTo("nl");

        JsonNode coordinators = startForm("sfcoord", "membership-onboarding");
        assertThat(defaultOf(coordinators, "legalName")).as("a coordinator represents no organisation").isNull();
        assertThat(defaultOf(coordinators, "country")).as("the form's own default").isEqualTo("BE");
    }

    @Test
    void aMemberPicksOneOfItsOwnMembershipsAndSeesWithdrawalOnly() throws Exception {
        JsonNode form = startForm("sfrep", "membership-cessation");
        JsonNode membership = field(form, "membershipId");
        assertThat(membership.path("type").asText()).isEqualTo("select");
        assertThat(values(membership)).contains(own.getId(), ownSecond.getId()).doesNotContain(others.getId());
        assertThat(membership.path("values").toString()).contains("(M-" + own.getId() + ")").doesNotContain("Other Formfill Energy");
        assertThat(values(field(form, "cessationKind"))).containsExactly("WITHDRAWAL");
        assertThat(form.toString()).doesNotContain("GET /api/memberships").doesNotContain("Breach");

        JsonNode coordinators = startForm("sfcoord", "membership-cessation");
        assertThat(values(field(coordinators, "membershipId"))).contains(own.getId(), ownSecond.getId(), others.getId());
        assertThat(values(field(coordinators, "cessationKind")))
                .containsExactly("WITHDRAWAL", "BREACH", "LAPSE", "ORGANISATION_CEASED", "INELIGIBLE");
    }

    @Test
    void engineRestStillRefusesAMembersExpulsionAndAnotherOrganisationsMembership() throws Exception {
        HttpResponse<String> breach = startCessation("sfrep", own.getId(), "BREACH");
        assertThat(breach.statusCode()).as(breach.body()).isEqualTo(400);
        assertThat(json.readTree(breach.body()).path("message").asText()).isEqualTo("A member's representatives may only request its withdrawal");

        HttpResponse<String> foreign = startCessation("sfrep", others.getId(), "WITHDRAWAL");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
        assertThat(json.readTree(foreign.body()).path("message").asText()).contains("No membership " + others.getId())
                .doesNotContain("Other Formfill Energy");

        assertThat(status(own)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(status(others)).isEqualTo(MembershipStatus.ACTIVE);

        // the choice the form offers, sent as Tasklist sends a select's value: the withdrawal is registered
        Membership leaving = members.activeMembership(own.getOrganisation(), "GRC");
        HttpResponse<String> withdrawal = startCessation("sfrep", leaving.getId(), "WITHDRAWAL");
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);
        assertThat(status(leaving)).isEqualTo(MembershipStatus.CESSATION_PENDING);
    }

    private JsonNode startForm(String user, String processKey) throws Exception {
        HttpResponse<String> viaTasklist = WebappSession.login(port, user, PASSWORD)
                .engine("GET", "/process-definition/key/" + processKey + "/deployed-start-form", null);
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(200);
        HttpResponse<String> viaRest = send(user, "GET", "/engine-rest/process-definition/key/" + processKey + "/deployed-start-form", null);
        assertThat(viaRest.body()).as("every door reads the same form").isEqualTo(viaTasklist.body());
        return json.readTree(viaTasklist.body());
    }

    private HttpResponse<String> startCessation(String user, Long membershipId, String kind) throws Exception {
        String body = "{\"variables\":{\"membershipId\":{\"value\":" + membershipId + "},\"cessationKind\":{\"value\":\""
                + kind + "\"},\"reason\":{\"value\":\"Tried by hand\"}"
                + ("BREACH".equals(kind) ? ",\"evidence\":{\"value\":\"A report shared by hand\"}" : "") + "}}";
        return send(user, "POST", "/engine-rest/process-definition/key/membership-cessation/submit-form", body);
    }

    private MembershipStatus status(Membership m) {
        return tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getStatus());
    }

    private static JsonNode field(JsonNode node, String key) {
        for (JsonNode c : node.path("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
            JsonNode inner = field(c, key);
            if (!inner.isMissingNode()) {
                return inner;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String defaultOf(JsonNode form, String key) {
        JsonNode value = field(form, key).path("defaultValue");
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static List<Object> values(JsonNode select) {
        List<Object> values = new ArrayList<>();
        select.path("values").forEach(v -> values.add(v.path("value").isNumber() ? (Object) v.path("value").asLong()
                : v.path("value").asText()));
        return values;
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
