package eu.infosharing.governance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The competent-authorities decision on every combination of regimes, and the authorities as editable data. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CompetentAuthorityTest {

    // Belgium's "twin peaks": the NBB supervises credit, payment and e-money institutions, investment firms,
    // market infrastructures and insurers; the FSMA the other financial entity types; ESMA supervises some directly.
    private static final Set<String> NBB = Set.of("A", "B", "C", "D", "E", "G", "H", "N");
    private static final Set<String> FSMA = Set.of("F", "I", "K", "L", "M", "O", "P", "S");
    private static final Set<String> ESMA = Set.of("J", "Q", "R", "T");
    private static final String PASSWORD = "Authority-Test-1";

    @Autowired
    CompetentAuthorityService service;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    Members members;
    @Autowired
    MembershipRepository memberships;

    static Stream<Arguments> belgianCombinations() {
        List<Arguments> all = new ArrayList<>();
        for (Nis2Status nis2 : Nis2Status.values()) {
            all.add(Arguments.of(nis2.name(), null));
            for (DoraEntityType dora : DoraEntityType.values()) {
                all.add(Arguments.of(nis2.name(), dora.name()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "BE, NIS2 {0}, DORA {1}")
    @MethodSource("belgianCombinations")
    void belgianEntityNotifiesEachRegimesAuthority(String nis2, String dora) {
        List<String> expected = new ArrayList<>();
        if (!"NOT_IN_SCOPE".equals(nis2)) {
            expected.add("CCB");
        }
        if (dora != null) {
            expected.add(NBB.contains(dora) ? "NBB" : FSMA.contains(dora) ? "FSMA" : "ESMA");
        }
        List<CompetentAuthorityService.Determination> result = service.determine("BE", nis2, dora);
        assertThat(result).extracting(CompetentAuthorityService.Determination::authorityCode)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result).allSatisfy(d -> assertThat(d.legalBasis())
                .startsWith("CCB".equals(d.authorityCode()) ? "NIS2 Art. 29(4)" : "DORA Art. 45(3)"));
        assertThat(NBB.size() + FSMA.size() + ESMA.size()).isEqualTo(DoraEntityType.values().length);
    }

    @Test
    void aBankNotifiesBothAndAnEntityOutsideBothNotifiesNone() {
        assertThat(service.determine("BE", "ESSENTIAL", "A")).extracting(CompetentAuthorityService.Determination::authorityCode)
                .containsExactlyInAnyOrder("CCB", "NBB");
        assertThat(service.determine("BE", "NOT_IN_SCOPE", null)).isEmpty();
    }

    @Test
    void aGermanFinancialEntityNotifiesBafin() {
        assertThat(service.determine("DE", "NOT_IN_SCOPE", "A")).extracting(CompetentAuthorityService.Determination::authorityCode)
                .containsExactly("BAFIN");
        assertThat(service.determine("DE", "NOT_IN_SCOPE", "A").get(0).legalBasis()).contains("4 weeks");
    }

    @Test
    void aCoordinatorOverridesOneMembershipsAuthoritiesWithAReasonThatIsKept() throws Exception {
        users.user("ovcoordinator", PASSWORD, Roles.COORDINATORS);
        users.user("ovauditor", PASSWORD, Roles.AUDITORS);
        Organisation energy = members.member("OTICS", "Override Energy");
        Organisation other = members.member("OTICS", "Other Energy");
        users.user("otherrep", PASSWORD, other.getRepresentativesGroup().orElseThrow());
        Long id = memberships.search(null, "OTICS", energy.getId()).get(0).getId();
        String base = "/api/memberships/" + id;

        mvc.perform(get(base + "/authorities").with(httpBasic("ovauditor", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.determined[*].authorityCode", contains("CCB")))
                .andExpect(jsonPath("$.effective[*].authorityCode", contains("CCB")));
        mvc.perform(get(base + "/authorities").with(httpBasic("otherrep", PASSWORD)))
                .andExpect(status().isNotFound());

        mvc.perform(post(base + "/authority-overrides").with(httpBasic("ovauditor", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(override("ECB", "ADD", "Significant institution")))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/authority-overrides").with(httpBasic("ovcoordinator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(override("XYZ", "MOVE", " ")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("authorityCode", "action", "reason")));
        mvc.perform(post(base + "/authority-overrides").with(httpBasic("ovcoordinator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(override("CCB", "ADD", "Twice")))
                .andExpect(status().isConflict());

        mvc.perform(post(base + "/authority-overrides").with(httpBasic("ovcoordinator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(override("ECB", "ADD", "Significant under the SSM")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.effective[*].authorityCode", contains("CCB", "ECB")))
                .andExpect(jsonPath("$.effective[1].legalBasis", containsString("Significant under the SSM")));
        mvc.perform(post(base + "/authority-overrides").with(httpBasic("ovcoordinator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(override("ccb", "remove", "Notified through its group")))
                .andExpect(status().isCreated());
        mvc.perform(get(base + "/authorities").with(httpBasic("ovauditor", PASSWORD)))
                .andExpect(jsonPath("$.determined[*].authorityCode", contains("CCB")))
                .andExpect(jsonPath("$.effective[*].authorityCode", contains("ECB")))
                .andExpect(jsonPath("$.overrides[*].actor", contains("ovcoordinator", "ovcoordinator")))
                .andExpect(jsonPath("$.overrides[1].reason", is("Notified through its group")));
    }

    private static String override(String code, String action, String reason) {
        return "{\"authorityCode\":\"" + code + "\",\"action\":\"" + action + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void authoritiesAreListedAndOnlyAdministratorsChangeThem() throws Exception {
        users.user("authadmin", PASSWORD, Roles.ADMINS);
        users.user("authcoordinator", PASSWORD, Roles.COORDINATORS);

        mvc.perform(get("/api/authorities").with(httpBasic("authcoordinator", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItems("BAFIN", "CCB", "ECB", "FSMA", "NBB")))
                .andExpect(jsonPath("$[?(@.code=='NBB')].channel", hasItem("HTTPS")))
                .andExpect(jsonPath("$[?(@.code=='BAFIN')].deadline", hasItem("P28D")));

        String change = "{\"channel\":\"EMAIL\",\"channelAddress\":\"dora@fsma.example\",\"languages\":[\"fr\",\"nl\"],\"deadline\":\"P14D\"}";
        mvc.perform(put("/api/authorities/FSMA").with(httpBasic("authcoordinator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isForbidden());

        mvc.perform(put("/api/authorities/FSMA").with(httpBasic("authadmin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"EMAIL\",\"channelAddress\":\"not a mail\",\"languages\":[\"xx\"],\"deadline\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("channelAddress", "languages", "deadline")));
        mvc.perform(get("/api/authorities").with(httpBasic("authadmin", PASSWORD)))
                .andExpect(jsonPath("$[?(@.code=='FSMA')].deadline", hasItem("P28D")));

        mvc.perform(put("/api/authorities/FSMA").with(httpBasic("authadmin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline", is("P14D")))
                .andExpect(jsonPath("$.languages", hasSize(2)));
        mvc.perform(put("/api/authorities/NOPE").with(httpBasic("authadmin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("NOPE")));
    }
}
