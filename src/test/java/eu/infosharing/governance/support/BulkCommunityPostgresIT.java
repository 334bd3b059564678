package eu.infosharing.governance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.OnboardingProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The benchmarks' bulk seeding writes what seeding one member at a time writes: members seeded both ways (the same
 * kinds, names aside) read the same through the product, each row kind read by at least one of the reads: the
 * membership with its history (status changes), its timeline and evidence pack (audit entries, contact person,
 * notifications), its notifications, the totals of the memberships list, the dashboard and the register, the audit
 * verification (hash chains), the organisation's group with its authorizations, and what the member's own
 * representative sees and may start.
 */
@SpringBootTest(properties = "governance.audit.verify-settle=PT0S")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class BulkCommunityPostgresIT {

    private static final String PASSWORD = "Bulk-Pg-Secret-1";
    private static final int EACH = 20;
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}(:\\d{2})?\\b");
    private static final Pattern HEX = Pattern.compile("\\b[0-9a-f]{32,64}\\b");
    private static final Pattern IDS = Pattern.compile("\"(\\w*[iI]d)\":\\d+");
    private static final Pattern ENTERPRISE_NUMBER = Pattern.compile("\\d{4}\\.\\d{3}\\.\\d{3}");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Members members;
    @Autowired
    AuthorityNotifications notifications;
    @Autowired
    BulkCommunity bulk;
    @Autowired
    TestUsers users;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentityService identity;

    @Test
    void membersSeededInBulkReadAsMembersSeededOneByOne() throws Exception {
        users.user("bulkauditor", PASSWORD, Roles.AUDITORS);
        users.user("bulkcoordinator", PASSWORD, Roles.COORDINATORS);
        Totals before = totals();

        List<Long> slow = new ArrayList<>();
        for (int n = 0; n < EACH; n++) {
            BulkCommunity.Member spec = spec("One Grid " + n, n);
            Membership m = members.activeMember(spec.arrangementCode(), spec.legalName(), spec.nis2(), spec.sector(), null,
                    spec.language(), spec.mode());
            if (spec.entryNotified() != null) {
                notifications.create(m.getId(), NotificationEvent.ENTRY, spec.entryNotified());
            }
            slow.add(m.getId());
        }
        Totals afterSlow = totals();
        List<BulkCommunity.Member> specs = new ArrayList<>();
        for (int n = 0; n < EACH; n++) {
            specs.add(spec("Bulk Grid " + n, n));
        }
        List<Long> seeded = bulk.seed(specs);
        Totals afterBulk = totals();

        assertThat(afterBulk.minus(afterSlow)).as("what the lists, the dashboard and the register count")
                .isEqualTo(afterSlow.minus(before));
        assertThat(afterBulk.verificationIntact()).as("the audit verification, full and incremental").isTrue();
        for (int n = 0; n < EACH; n++) {
            String one = "One Grid " + n;
            String other = "Bulk Grid " + n;
            assertThat(registerRows(afterBulk.register(), other)).as("register rows of member %d", n)
                    .isEqualTo(registerRows(afterBulk.register(), one));
            for (String read : List.of("", "/timeline", "/notifications", "/evidence-pack.json")) {
                assertThat(normalised(read("bulkauditor", "/api/memberships/" + seeded.get(n) + read), other))
                        .as("%s of member %d", read.isEmpty() ? "the membership" : read, n)
                        .isEqualTo(normalised(read("bulkauditor", "/api/memberships/" + slow.get(n) + read), one));
            }
        }
        // the organisation's group and its grants; what its representative sees and may start
        for (int n : new int[] {0, EACH - 1}) {
            String slowGroup = group(slow.get(n));
            String bulkGroup = group(seeded.get(n));
            assertThat(identity.createGroupQuery().groupId(bulkGroup).groupType(Roles.ORGANISATION_GROUP_TYPE).singleResult().getName())
                    .isEqualTo("Bulk Grid " + n);
            assertThat(grants(bulkGroup)).as("authorizations of the group").isEqualTo(grants(slowGroup)).isNotEmpty();
            users.user("bulkrep" + n, PASSWORD, bulkGroup);
            users.user("onerep" + n, PASSWORD, slowGroup);
            assertThat(authorizations.isUserAuthorized("bulkrep" + n, List.of(bulkGroup), Permissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, OnboardingProcess.KEY)).isTrue();
            assertThat(normalised(read("bulkrep" + n, "/api/memberships"), "Bulk Grid " + n))
                    .as("the representative's own memberships")
                    .isEqualTo(normalised(read("onerep" + n, "/api/memberships"), "One Grid " + n)).contains("ACTIVE");
        }
    }

    /** Energy entities of both arrangements, in every language and both modes, most told their entry this year. */
    private static BulkCommunity.Member spec(String name, int n) {
        LocalDate today = LocalDate.now(NotificationSettings.DEFAULT_ZONE);
        // one told of an entry that takes effect after its validation (the letter's legal basis says "concerned later")
        LocalDate notified = n % 5 == 4 ? null : n == 7 ? today.plusDays(3) : today.withDayOfYear(1).plusDays(n * 13L);
        return new BulkCommunity.Member(n % 2 == 0 ? "CIDR" : "GRC", name, n % 3 == 0 ? Nis2Status.IMPORTANT : Nis2Status.ESSENTIAL,
                Nis2Sector.ENERGY, Language.values()[n % Language.values().length],
                n % 4 == 1 ? NotificationMode.PREPARE_ONLY : NotificationMode.SEND_ON_BEHALF, notified);
    }

    /** Counts the reads answer: memberships, the dashboard's totals, register rows, audit entries verified. */
    private record Totals(Map<String, Long> counts, boolean verificationIntact, String register) {
        Map<String, Long> minus(Totals earlier) {
            Map<String, Long> difference = new TreeMap<>();
            counts.forEach((k, v) -> difference.put(k, v - earlier.counts.getOrDefault(k, 0L)));
            return difference;
        }
    }

    private Totals totals() throws Exception {
        MockHttpServletResponse list = mvc.perform(get("/api/memberships").with(httpBasic("bulkauditor", PASSWORD))).andReturn().getResponse();
        JsonNode dashboard = json.readTree(read("bulkcoordinator", "/api/dashboard"));
        String register = read("bulkauditor", "/api/notifications/register.csv?from="
                + LocalDate.now(NotificationSettings.DEFAULT_ZONE).withDayOfYear(1));
        JsonNode full = json.readTree(read("bulkauditor", "/api/audit/verification?full=true"));
        JsonNode incremental = json.readTree(read("bulkauditor", "/api/audit/verification"));
        Map<String, Long> counts = new TreeMap<>();
        counts.put("memberships", Long.parseLong(list.getHeader("X-Total-Count")));
        dashboard.path("totals").fields().forEachRemaining(f -> counts.put("dashboard " + f.getKey(), f.getValue().asLong()));
        counts.put("register rows", register.lines().count());
        counts.put("audit entries", full.path("entries").asLong());
        counts.put("audit memberships", full.path("memberships").asLong());
        return new Totals(counts, full.path("intact").asBoolean() && incremental.path("intact").asBoolean(), register);
    }

    private static List<String> registerRows(String register, String legalName) {
        return register.lines().filter(l -> l.contains(legalName + ",") || l.contains(legalName + "\""))
                .map(l -> normalised(l, legalName)).toList();
    }

    private String group(Long membershipId) throws Exception {
        long organisation = json.readTree(read("bulkauditor", "/api/memberships/" + membershipId)).path("organisation").path("id").asLong();
        return Roles.organisationGroup(organisation);
    }

    private Set<String> grants(String group) {
        return authorizations.createAuthorizationQuery().groupIdIn(group).list().stream()
                .map(a -> a.getAuthorizationType() + " " + a.getResourceType() + " "
                        + (group.equals(a.getResourceId()) ? "the group itself" : a.getResourceId()) + " "
                        + Arrays.stream(a.getPermissions(Permissions.values())).map(Permission::getName).sorted().toList())
                .collect(Collectors.toSet());
    }

    private String read(String user, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(httpBasic(user, PASSWORD))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The read with what differs between two members of the same kind taken out: names, ids, times, hashes. */
    private static String normalised(String body, String legalName) {
        String slug = legalName.toLowerCase().replaceAll("[^a-z0-9]", "");
        String s = body.replace(legalName, "NAME").replace(slug, "SLUG");
        s = IDS.matcher(s).replaceAll("\"$1\":ID");
        s = s.replaceAll("AGN-(\\d{4})-\\d{6}-", "AGN-$1-ID-").replaceAll("/api/(\\w+)/\\d+", "/api/$1/ID");
        s = INSTANT.matcher(s).replaceAll("TIME");
        s = CLOCK.matcher(s).replaceAll("HH:MM");
        s = HEX.matcher(s).replaceAll("HEX");
        return ENTERPRISE_NUMBER.matcher(s).replaceAll("EN");
    }
}
