package eu.infosharing.governance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Lists a page at a time, as a client walks them: the total in X-Total-Count, the other pages in the Link header,
 * every item once in a stable order, a member's list still its own, and a bad page or size named.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PagingApiTest {

    private static final String PASSWORD = "Paging-Test-Secret-1";
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    AuthorityNotifications notifications;
    @Autowired
    NotificationSettings settings;

    @Test
    void aCoordinatorWalksEveryMembershipOnceNewestFirstByFollowingTheLinks() throws Exception {
        users.user("pagecoord", PASSWORD, Roles.COORDINATORS);
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ours.add(member("Paging Grid " + i).getId());
        }

        List<Long> seen = new ArrayList<>();
        String next = "/api/memberships?size=4";
        long total = -1;
        int pages = 0;
        while (next != null) {
            MockHttpServletResponse page = mvc.perform(get(next).with(httpBasic("pagecoord", PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse();
            total = Long.parseLong(page.getHeader(Paging.TOTAL_HEADER));
            Map<String, String> links = links(page);
            assertThat(links).containsKeys("first", "last");
            assertThat(links.containsKey("prev")).as("a previous page link on page " + pages).isEqualTo(pages > 0);
            JsonNode items = json.readTree(page.getContentAsString());
            assertThat(items.size()).isBetween(1, 4);
            items.forEach(m -> seen.add(m.path("id").asLong()));
            next = links.get("next");
            pages++;
        }
        assertThat(seen).as("every membership once").doesNotHaveDuplicates().hasSize((int) total);
        assertThat(pages).isEqualTo((int) ((total + 3) / 4));
        List<Long> oursAsSeen = seen.stream().filter(ours::contains).toList();
        List<Long> newestFirst = new ArrayList<>(ours);
        java.util.Collections.reverse(newestFirst);
        assertThat(oursAsSeen).as("newest application first").containsExactlyElementsOf(newestFirst);
        assertThat(seen.get(0)).isEqualTo(ours.get(6));
    }

    @Test
    void aMembersListIsItsOwnOrganisationsAndCountsOnlyThat() throws Exception {
        Membership first = member("Paging Own Grid");
        members.activeMembership(first.getOrganisation(), "GRC");
        member("Paging Neighbour Grid");
        members.representative(first, "pageownrep", PASSWORD);

        MockHttpServletResponse page = mvc.perform(get("/api/memberships?size=1").with(httpBasic("pageownrep", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].organisation.legalName").value("Paging Own Grid"))
                .andReturn().getResponse();
        assertThat(page.getHeader(Paging.TOTAL_HEADER)).isEqualTo("2");
        assertThat(links(page)).containsKey("next");
    }

    @Test
    void overdueNotificationsAreCountedAndPagedByTheDatabase() throws Exception {
        users.user("pagecoord2", PASSWORD, Roles.COORDINATORS);
        Membership late = member("Paging Late Grid");
        LocalDate longAgo = LocalDate.now(NotificationSettings.DEFAULT_ZONE).minusMonths(3);
        List<String> references = notifications.create(late.getId(), NotificationEvent.ENTRY, longAgo);
        assertThat(references).isNotEmpty();

        MockHttpServletResponse page = mvc.perform(get("/api/notifications?status=OVERDUE&size=500")
                        .with(httpBasic("pagecoord2", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse();
        JsonNode items = json.readTree(page.getContentAsString());
        List<String> shown = new ArrayList<>();
        items.forEach(n -> {
            assertThat(n.path("overdue").asBoolean()).as(n.toString()).isTrue();
            shown.add(n.path("reference").asText());
        });
        assertThat(shown).containsAll(references);
        assertThat(Long.parseLong(page.getHeader(Paging.TOTAL_HEADER))).isEqualTo(items.size());

        JsonNode dashboard = json.readTree(mvc.perform(get("/api/dashboard").with(httpBasic("pagecoord2", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(dashboard.path("totals").path("overdueNotifications").asLong()).isEqualTo(items.size());
        assertThat(dashboard.path("overdueNotifications").size()).isEqualTo(Math.min(items.size(), 50));
    }

    @Test
    void theRegisterWrittenAChunkAtATimeHoldsEveryNotificationOnce() throws Exception {
        users.user("pageauditor", PASSWORD, Roles.AUDITORS);
        // three members entered on the same day: their notifications share a due date, the chunks' boundary falls inside
        LocalDate entered = LocalDate.of(2019, 3, 7);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            references.addAll(notifications.create(member("Paging Register Grid " + i).getId(), NotificationEvent.ENTRY, entered));
        }
        int chunk = settings.getRegisterChunk();
        settings.setRegisterChunk(2);
        try {
            String csv = mvc.perform(get("/api/notifications/register.csv?from=2019-03-07&to=2019-03-07")
                            .with(httpBasic("pageauditor", PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<String> rows = csv.lines().skip(1).map(row -> row.substring(1, row.indexOf('"', 1))).toList();
            assertThat(rows).containsExactlyInAnyOrderElementsOf(references);
        } finally {
            settings.setRegisterChunk(chunk);
        }
    }

    @Test
    void aBadPageOrSizeIsNamedAndNeverClamped() throws Exception {
        users.user("pagecoord3", PASSWORD, Roles.COORDINATORS);
        for (String query : List.of("page=-1", "size=0", "size=501")) {
            String field = query.substring(0, query.indexOf('='));
            mvc.perform(get("/api/memberships?" + query).with(httpBasic("pagecoord3", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field));
            mvc.perform(get("/api/notifications?" + query).with(httpBasic("pagecoord3", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }
        // the DPO's list of data-subject requests pages the same way
        users.user("pagedpo", PASSWORD, Roles.PRIVACY);
        mvc.perform(get("/api/data-subject-requests?size=501").with(httpBasic("pagedpo", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        MockHttpServletResponse requests = mvc.perform(get("/api/data-subject-requests?size=1").with(httpBasic("pagedpo", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(requests.getHeader(Paging.TOTAL_HEADER)).isNotNull();
        assertThat(links(requests)).containsKeys("first", "last");
        // past the last page: an empty page that still says how many there are and where the last page is
        MockHttpServletResponse beyond = mvc.perform(get("/api/memberships?page=100000&size=500")
                        .with(httpBasic("pagecoord3", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0)).andReturn().getResponse();
        assertThat(links(beyond)).containsKeys("first", "last", "prev").doesNotContainKey("next");
    }

    private Membership member(String name) {
        return members.activeMember("CIDR", name, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
    }

    /** rel to the path and query of the link (what the next request asks for). */
    private static Map<String, String> links(MockHttpServletResponse response) {
        Map<String, String> links = new HashMap<>();
        String header = response.getHeader(HttpHeaders.LINK);
        assertThat(header).as("Link header").isNotNull();
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            links.put(m.group(2), m.group(1).replaceFirst("^https?://[^/]+", ""));
        }
        return links;
    }
}
