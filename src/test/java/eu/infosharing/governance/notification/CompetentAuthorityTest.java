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
import eu.infosharing.governance.notification.CompetentAuthorityService.Determination;
import eu.infosharing.governance.notification.CompetentAuthorityService.Regimes;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.DoraLicence;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * Who supervises each DORA financial entity type in Belgium, read from DORA Art. 46 and the Belgian texts it points
     * to (docs/competent-authorities.md cites each): type, or type/licence where the type alone does not decide.
     */
    private static final Map<String, String> BELGIAN_DORA_AUTHORITY = new TreeMap<>(Map.ofEntries(
            Map.entry("A/SIGNIFICANT_CREDIT_INSTITUTION", "ECB"),       // Art. 46(a): significant under the SSM
            Map.entry("A/LESS_SIGNIFICANT_CREDIT_INSTITUTION", "NBB"),  // Art. 46(a), Banking Law of 25 April 2014
            Map.entry("B", "NBB"),                                      // Art. 46(b): PSD2 Art. 22 authority
            Map.entry("C", "NBB"),                                      // Art. 46(b)
            Map.entry("D", "NBB"),                                      // Art. 46(b)
            Map.entry("E/STOCKBROKING_FIRM", "NBB"),                    // Art. 46(c), Act of 20 July 2022
            Map.entry("E/PORTFOLIO_MANAGEMENT_FIRM", "FSMA"),           // Art. 46(c), Law of 25 October 2016
            Map.entry("F/CRYPTO_ASSET_SERVICE_PROVIDER", "FSMA"),       // Art. 46(d), Law of 11 December 2025
            Map.entry("G", "NBB"),                                      // Art. 46(e): CSDR Art. 11 authority
            Map.entry("H", "NBB"),                                      // Art. 46(f): EMIR Art. 22 authority
            Map.entry("I", "FSMA"),                                     // Art. 46(g): trading venues
            Map.entry("J", "ESMA"),                                     // Art. 46(i): trade repositories
            Map.entry("K", "FSMA"),                                     // Art. 46(j): AIFMD authority
            Map.entry("L", "FSMA"),                                     // Art. 46(k): UCITS authority
            Map.entry("M/DRSP_SUPERVISED_BY_ESMA", "ESMA"),             // Art. 46(h), MiFIR Art. 38a
            Map.entry("M/DRSP_SUPERVISED_NATIONALLY", "FSMA"),          // Art. 46(h), national derogation
            Map.entry("N", "NBB"),                                      // Art. 46(l): Solvency II authority
            Map.entry("O", "FSMA"),                                     // Art. 46(m): IDD authority
            Map.entry("P", "FSMA"),                                     // Art. 46(n): IORP authority
            Map.entry("Q", "ESMA"),                                     // Art. 46(o): credit rating agencies
            Map.entry("R", "ESMA"),                                     // Art. 46(p): critical benchmarks
            Map.entry("S", "FSMA"),                                     // Art. 46(q): crowdfunding
            Map.entry("T", "ESMA")));                                   // Art. 46(r): securitisation repositories
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
            for (String sector : nis2.inScope() ? List.of("BANKING", "FINANCIAL_MARKET_INFRASTRUCTURES", "ENERGY") : List.of("")) {
                all.add(Arguments.of(nis2.name(), sector, ""));
                BELGIAN_DORA_AUTHORITY.keySet().forEach(type -> all.add(Arguments.of(nis2.name(), sector, type)));
            }
        }
        return all.stream();
    }

    /**
     * A DORA financial entity notifies its DORA authority (Art. 45(3), Art. 46) and not the CCB for its financial
     * sector: DORA Art. 1(2) makes DORA the sector-specific act of NIS2 Art. 4, and NIS2 recital 28 says DORA's rules
     * on information-sharing arrangements apply instead. An entity essential or important in another NIS2 sector
     * keeps its NIS2 letter (Art. 4(1), second sentence).
     */
    @ParameterizedTest(name = "BE, NIS2 {0} {1}, DORA {2}")
    @MethodSource("belgianCombinations")
    void belgianEntityNotifiesEachRegimesAuthority(String nis2, String sector, String dora) {
        String type = dora.isEmpty() ? null : dora.split("/")[0];
        String licence = dora.contains("/") ? dora.split("/")[1] : null;
        boolean financialSector = sector.equals("BANKING") || sector.equals("FINANCIAL_MARKET_INFRASTRUCTURES");
        List<String> expected = new ArrayList<>();
        if (!"NOT_IN_SCOPE".equals(nis2) && (type == null || !financialSector)) {
            expected.add("CCB");
        }
        if (type != null) {
            expected.add(BELGIAN_DORA_AUTHORITY.get(dora));
        }
        List<Determination> result = service.determine(new Regimes("BE", nis2, sector.isEmpty() ? null : sector, type, licence));
        assertThat(result).extracting(Determination::authorityCode).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result).allSatisfy(d -> assertThat(d.legalBasis())
                .startsWith("CCB".equals(d.authorityCode()) ? "NIS2 Art. 29(4)" : "DORA Art. 45(3)"));
    }

    @Test
    void everyDoraTypeAndLicenceHasABelgianAuthorityButTheIssuerOfAssetReferencedTokens() {
        Set<String> covered = new TreeSet<>();
        BELGIAN_DORA_AUTHORITY.keySet().forEach(k -> covered.add(k.split("/")[0]));
        assertThat(covered).hasSize(DoraEntityType.values().length);
        Set<String> licences = new TreeSet<>();
        BELGIAN_DORA_AUTHORITY.keySet().stream().filter(k -> k.contains("/")).forEach(k -> licences.add(k.split("/")[1]));
        assertThat(licences).containsExactlyInAnyOrderElementsOf(Stream.of(DoraLicence.values()).map(Enum::name)
                .filter(l -> !l.equals("ASSET_REFERENCED_TOKEN_ISSUER")).toList());
        // the Belgian MiCA law of 11 December 2025 shares ART issuers between FSMA and NBB: a coordinator decides
        assertThat(service.determine(new Regimes("BE", "NOT_IN_SCOPE", null, "F", "ASSET_REFERENCED_TOKEN_ISSUER"))).isEmpty();
    }

    @Test
    void aBankUnderDoraNotifiesTheNbbOrTheEcbAndNotTheCcb() {
        assertThat(codes(new Regimes("BE", "ESSENTIAL", "BANKING", "A", "LESS_SIGNIFICANT_CREDIT_INSTITUTION"))).containsExactly("NBB");
        assertThat(codes(new Regimes("BE", "ESSENTIAL", "BANKING", "A", "SIGNIFICANT_CREDIT_INSTITUTION"))).containsExactly("ECB");
        assertThat(service.determine(new Regimes("BE", "ESSENTIAL", "BANKING", "A", "SIGNIFICANT_CREDIT_INSTITUTION")).get(0)
                .legalBasis()).contains("Art. 46(a)");
        // a bank in NIS2's scope that DORA does not cover (DORA Art. 2(3)) keeps its NIS2 letter
        assertThat(codes(new Regimes("BE", "ESSENTIAL", "BANKING", null, null))).containsExactly("CCB");
        assertThat(service.determine(new Regimes("BE", "NOT_IN_SCOPE", null, null, null))).isEmpty();
    }

    @Test
    void aSignificantBankElsewhereInTheBankingUnionNotifiesTheEcb() {
        assertThat(codes(new Regimes("DE", "ESSENTIAL", "BANKING", "A", "SIGNIFICANT_CREDIT_INSTITUTION"))).containsExactly("ECB");
    }

    @Test
    void aGermanFinancialEntityNotifiesBafin() {
        assertThat(codes(new Regimes("DE", "NOT_IN_SCOPE", null, "A", "LESS_SIGNIFICANT_CREDIT_INSTITUTION"))).containsExactly("BAFIN");
        assertThat(codes(new Regimes("DE", "NOT_IN_SCOPE", null, "F", "ASSET_REFERENCED_TOKEN_ISSUER"))).containsExactly("BAFIN");
        assertThat(codes(new Regimes("DE", "NOT_IN_SCOPE", null, "M", "DRSP_SUPERVISED_BY_ESMA"))).containsExactly("ESMA");
        assertThat(codes(new Regimes("DE", "NOT_IN_SCOPE", null, "J", null))).containsExactly("ESMA");
        assertThat(service.determine(new Regimes("DE", "NOT_IN_SCOPE", null, "N", null)).get(0).legalBasis()).contains("4 weeks");
    }

    @Test
    void anEntityWhoseCountryHasNoConfiguredAuthorityGetsNoneFromTheTable() {
        // the Dutch NIS2 authority is not configured: the table is silent and the product asks a coordinator
        assertThat(service.determine(new Regimes("NL", "ESSENTIAL", "ENERGY", null, null))).isEmpty();
        assertThat(service.determine(new Regimes("NL", "NOT_IN_SCOPE", null, "B", null))).isEmpty();
    }

    private List<String> codes(Regimes regimes) {
        return service.determine(regimes).stream().map(Determination::authorityCode).toList();
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
