package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.api.PageLanguage;
import eu.infosharing.governance.cessation.CessationService;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ApplicationService;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.AuthorityEndpoint;
import eu.infosharing.governance.support.Identifiers;
import eu.infosharing.governance.support.Jobs;
import eu.infosharing.governance.support.TestUsers;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bank's whole membership, as an auditor reads it afterwards: vetting with a question and an answer, rules,
 * GDPR and legal reviews, validation, a notification to the NBB that failed once and then went out, a withdrawal
 * whose date was moved, and its cessation. Every step is in the timeline, in order, with its actor and time.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    private static final String PASSWORD = "Audit-Test-Secret-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationService applications;
    @Autowired
    CessationService cessations;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    CompetentAuthorityRepository authorities;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestUsers users;
    @Autowired
    Jobs jobs;
    @Autowired
    eu.infosharing.governance.support.Members members;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    AuthorityEndpoint nbb;
    String nbbAddress;
    Long membershipId;
    String group;

    @BeforeAll
    void aWholeMembership() {
        nbb = new AuthorityEndpoint();
        nbbAddress = nbb.standIn("NBB", authorities, tx);
        users.user("auditcoord", PASSWORD, Roles.COORDINATORS);
        users.user("auditreader", PASSWORD, Roles.AUDITORS);
        users.user("auditdpo", PASSWORD, Roles.PRIVACY);
        users.user("auditlegal", PASSWORD, Roles.LEGAL);
        org.camunda.bpm.engine.identity.User chris = identityService.createUserQuery().userId("auditcoord").singleResult();
        chris.setFirstName("Chris");
        chris.setLastName("Peeters");
        identityService.saveUser(chris);

        ApplicationRequest bank = Applications.withOrganisation(Applications.bank("GRC", "Ledger Bank", List.of()),
                Applications.organisation("Ledger Bank", "PRIVATE_COMPANY", "NOT_IN_SCOPE", null, "A", Identifiers.lei()));
        identityService.setAuthentication("auditcoord", List.of(Roles.COORDINATORS));
        Membership m = applications.submit(bank);
        identityService.clearAuthentication();
        membershipId = m.getId();
        group = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        users.user("ledgerrep", PASSWORD, group);
        String pi = m.getProcessInstanceId();
        runJobs(pi);

        complete(pi, OnboardingProcess.TASK_VET_APPLICATION, "auditcoord", Roles.COORDINATORS,
                Map.of(OnboardingProcess.VETTING_DECISION.name(), "REQUEST_INFORMATION", OnboardingProcess.VETTING_REASON.name(), "Which SOC team will take part?"));
        complete(pi, OnboardingProcess.TASK_AMEND_APPLICATION, "ledgerrep", group, Map.of(OnboardingProcess.AMENDMENT_RESPONSE.name(), "Our CERT, 6 analysts",
                ApplicationFields.LEGAL_NAME.name(), "Ledger Bank", ApplicationFields.LEGAL_FORM.name(), "NV", ApplicationFields.LEI.name(), m.getOrganisation().getLei(),
                ApplicationFields.CONTACT_1.name().name(), "Contact of Ledger Bank", ApplicationFields.CONTACT_1.email().name(), "security@ledgerbank.example", ApplicationFields.CONTACT_1.phone().name(), "+32 2 555 00 00"));
        complete(pi, OnboardingProcess.TASK_VET_APPLICATION, "auditcoord", Roles.COORDINATORS, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE", OnboardingProcess.VETTING_REASON.name(), "Clear now"));
        complete(pi, OnboardingProcess.TASK_ACCEPT_RULES, "ledgerrep", group, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));
        complete(pi, OnboardingProcess.TASK_CHECK_GDPR, "auditdpo", Roles.PRIVACY, Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE", OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST",
                OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true, OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true));
        complete(pi, OnboardingProcess.TASK_REVIEW_COMPETITION_LAW, "auditlegal", Roles.LEGAL, Map.of(OnboardingProcess.LEGAL_DECISION.name(), "APPROVE", OnboardingProcess.LEGAL_REASON.name(), "Agenda rules in place"));

        // the entry notification to the NBB fails once, then goes out
        nbb.answer(503);
        String child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(child).singleResult().getId());
        Job send = managementService.createJobQuery().processInstanceId(child).singleResult();
        assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("503");
        nbb.answer(201);
        managementService.executeJob(send.getId());
        runJobs(pi);

        // the member withdraws; a coordinator brings the date forward to today; it takes effect
        identityService.setAuthentication("ledgerrep", List.of(group));
        String cessation = cessations.request(membershipId, new CessationService.Request(null, "Merged into a group SOC", null, null))
                .getProcessInstanceId();
        identityService.setAuthentication("auditcoord", List.of(Roles.COORDINATORS));
        runJobs(cessation);
        cessations.moveEffectiveDate(membershipId, LocalDate.now(ZoneId.of("Europe/Brussels")).toString(), "Agreed");
        identityService.clearAuthentication();
        runJobs(cessation);
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(cessation).list().forEach(n -> runJobs(n.getId()));
    }

    @AfterAll
    void restoreNbb() {
        AuthorityEndpoint.pointBack("NBB", nbbAddress, authorities, tx);
        nbb.close();
    }

    @Test
    void theTimelineShowsEveryStepInOrderWithItsActorAndTime() throws Exception {
        JsonNode timeline = json.readTree(mvc.perform(get("/api/memberships/" + membershipId + "/timeline")
                .with(httpBasic("auditreader", PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> steps = new ArrayList<>();
        Instant previous = Instant.EPOCH;
        for (JsonNode e : timeline) {
            Instant at = Instant.parse(e.get("at").asText());
            assertThat(at).as("in order: " + e).isAfterOrEqualTo(previous);
            assertThat(e.get("actor").asText()).as("an actor for " + e).isNotBlank();
            previous = at;
            steps.add(e.get("kind").asText() + "|" + e.get("actor").asText() + "|" + e.get("summary").asText());
        }
        // our audit trail, in the order things were decided (the engine's entries interleave by time)
        assertThat(kindsAndActors(steps)).containsSubsequence(
                "APPLICATION_SUBMITTED|auditcoord",
                "REVIEW_VETTING|auditcoord",
                "STATUS_CHANGED|ledgerrep",
                "REVIEW_VETTING|auditcoord",
                "RULES_ACCEPTED|ledgerrep",
                "REVIEW_GDPR|auditdpo",
                "REVIEW_COMPETITION_LAW|auditlegal",
                "STATUS_CHANGED|system",
                "NOTIFICATION_FAILED|system",
                "NOTIFICATION_SENT|system",
                "CESSATION_WITHDRAWAL|ledgerrep",
                "CESSATION_DATE_MOVED|auditcoord",
                "STATUS_CHANGED|system");
        // the engine's history: who completed which task, the decisions taken by the tables
        assertThat(kindsAndActors(steps)).containsSubsequence(
                "PROCESS_STARTED|auditcoord",
                "DECISION|system",
                "TASK_COMPLETED|auditcoord",
                "TASK_COMPLETED|ledgerrep",
                "TASK_COMPLETED|auditcoord",
                "TASK_COMPLETED|ledgerrep",
                "TASK_COMPLETED|auditdpo",
                "DECISION|system",
                "TASK_COMPLETED|auditlegal",
                "DECISION|system",
                "PROCESS_STARTED|ledgerrep");
        assertThat(steps).anyMatch(s -> s.startsWith("REVIEW_VETTING|auditcoord|Vetting: REQUEST_INFORMATION: Which SOC team"));
        assertThat(steps).anyMatch(s -> s.startsWith("DECISION|system|Decision eligibility:"));
        assertThat(steps).anyMatch(s -> s.startsWith("STATUS_CHANGED") && s.contains("→ ACTIVE"));
        assertThat(steps).anyMatch(s -> s.startsWith("STATUS_CHANGED") && s.contains("→ CEASED"));
        assertThat(steps).anyMatch(s -> s.startsWith("NOTIFICATION_SENT") && s.contains("NBB") && s.contains("AUTH-"));
    }

    @Test
    void peopleReadEachEntryAsASentenceAndMachinesKeepTheCode() throws Exception {
        JsonNode timeline = json.readTree(mvc.perform(get("/api/memberships/" + membershipId + "/timeline")
                .with(httpBasic("auditreader", PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> sentences = new ArrayList<>();
        for (JsonNode e : timeline) {
            String sentence = e.get("sentence").asText();
            assertThat(sentence).as("the sentence of " + e).isNotBlank()
                    .doesNotContainPattern("(?<![\\w-])[A-Z][A-Z0-9]*_[A-Z0-9_]+") // no code
                    .doesNotContain("→", " = ")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}"); // no UTC instant
            assertThat(e.get("kind").asText()).as("the code stays for machines").matches("[A-Z_]+");
            assertThat(e.get("what").asText()).isEqualTo(Wording.kind(e.get("kind").asText())).doesNotContain("_");
            // the time in the configured zone, as people write it
            assertThat(e.get("when").asText()).isEqualTo(Wording.time(ZoneId.of("Europe/Brussels"))
                    .format(Instant.parse(e.get("at").asText()))).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2}");
            sentences.add(sentence);
        }
        assertThat(sentences).contains(
                "Vetting: more information requested by coordinator Chris Peeters: Which SOC team will take part?",
                "Vetting: approved by coordinator Chris Peeters: Clear now");
        assertThat(sentences).anyMatch(s -> s.startsWith("Status changed from Cessation pending to Ceased: Withdrawal took effect"));
        assertThat(sentences).anyMatch(s -> s.startsWith("GDPR check: approved by data protection officer auditdpo")
                && s.contains("Lawful basis: legitimate interest (GDPR Art. 6(1)(f))"));
        assertThat(sentences).anyMatch(s -> s.startsWith("Decision table \u201cEligibility\u201d decided Eligible: yes")
                && s.contains("(a) Credit institution (DORA Art. 2(1))"));
        assertThat(sentences).anyMatch(s -> s.startsWith("Task \u201cVet application: Ledger Bank, GRC\u201d completed by coordinator Chris Peeters"));
        assertThat(sentences).anyMatch(s -> s.startsWith("Notification sent: AGN-") && s.contains("-NBB-ENTRY sent to NBB"));
    }

    @Test
    void anEditedAuditRowIsDetectedByTheChainCheck() throws Exception {
        mvc.perform(get("/api/audit/verification").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
        // rows verified before are edited below: only the full check reads them again
        mvc.perform(get("/api/audit/verification?full=true").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("FULL")).andExpect(jsonPath("$.intact").value(true));
        Map<String, Object> row = jdbc.queryForMap("select id, seq, summary from audit_entry where membership_id = ? and kind = 'REVIEW_GDPR'", membershipId);
        jdbc.update("update audit_entry set summary = ? where id = ?", "Data protection: APPROVE (nothing to see)", row.get("ID"));
        try {
            mvc.perform(get("/api/audit/verification?full=true").with(httpBasic("auditreader", PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenLink.membershipId").value(membershipId))
                    .andExpect(jsonPath("$.firstBrokenLink.seq").value(row.get("SEQ")))
                    .andExpect(jsonPath("$.firstBrokenLink.reason").value("its content was changed after it was written"));
            // the incremental check does not read an entry it verified before; it tells what the last full check found
            mvc.perform(get("/api/audit/verification").with(httpBasic("auditreader", PASSWORD)))
                    .andExpect(jsonPath("$.kind").value("INCREMENTAL"))
                    .andExpect(jsonPath("$.intact").value(true))
                    .andExpect(jsonPath("$.lastFullVerification.intact").value(false))
                    .andExpect(jsonPath("$.lastFullVerification.firstBrokenLink.seq").value(row.get("SEQ")));
            mvc.perform(get("/audit/memberships/" + membershipId).with(httpBasic("auditreader", PASSWORD)))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("BROKEN at entry #" + row.get("SEQ"))));
        } finally {
            jdbc.update("update audit_entry set summary = ? where id = ?", row.get("SUMMARY"), row.get("ID"));
        }
        // a removed entry is detected too
        Map<String, Object> last = jdbc.queryForMap("select * from audit_entry where membership_id = ? order by seq desc limit 1", membershipId);
        jdbc.update("delete from audit_entry where id = ?", last.get("ID"));
        try {
            mvc.perform(get("/api/audit/verification?full=true").with(httpBasic("auditcoord", PASSWORD)))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenLink.reason").value(org.hamcrest.Matchers.containsString("removed")));
        } finally {
            jdbc.update("insert into audit_entry (id, membership_id, seq, occurred_at, actor, kind, summary, previous_hash, hash, "
                            + "summary_salt, summary_digest, redacted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", last.get("ID"),
                    last.get("MEMBERSHIP_ID"), last.get("SEQ"), last.get("OCCURRED_AT"), last.get("ACTOR"), last.get("KIND"),
                    last.get("SUMMARY"), last.get("PREVIOUS_HASH"), last.get("HASH"), last.get("SUMMARY_SALT"),
                    last.get("SUMMARY_DIGEST"), last.get("REDACTED_AT"));
        }
        mvc.perform(get("/api/audit/verification?full=true").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(jsonPath("$.intact").value(true));
        // a member's representative runs neither check (it would tell them about other organisations' trails)
        mvc.perform(get("/api/audit/verification").with(httpBasic("ledgerrep", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/verification?full=true").with(httpBasic("ledgerrep", PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theAuditPageFindsAnIdentifierHoweverItIsTyped() throws Exception {
        String[] ids = tx.execute(s -> {
            var o = memberships.findById(membershipId).orElseThrow().getOrganisation();
            return new String[] {o.getEnterpriseNumber(), o.getLei()};
        });
        String number = ids[0];
        String lei = ids[1];
        List<String> typed = new ArrayList<>(List.of(lei, lei.toLowerCase(java.util.Locale.ROOT),
                eu.infosharing.governance.organisation.Lei.format(lei), String.join("-", lei.split("(?<=\\G.{4})"))));
        if (number != null) {
            typed.addAll(List.of(number, number.substring(0, 4) + " " + number.substring(4, 7) + " " + number.substring(7),
                    eu.infosharing.governance.organisation.EnterpriseNumber.format(number), "BE" + number, "BE " + number.substring(0, 4)
                            + "." + number.substring(4, 7) + "." + number.substring(7)));
        }
        for (String q : typed) {
            mvc.perform(get("/audit").param("q", q).with(httpBasic("auditreader", PASSWORD))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(">Ledger Bank<")));
        }
        // and an identifier it does not have finds nothing
        mvc.perform(get("/audit").param("q", "9999 9999 9999").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(">Ledger Bank<"))));
        // the filters offer names; the values stay codes
        mvc.perform(get("/audit").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "<option value=\"AWAITING_RULES_ACCEPTANCE\">Awaiting acceptance of the rules</option>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<option value=\"OTICS\">OT/ICS Security</option>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(">OTICS<"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(">AWAITING_RULES_ACCEPTANCE<"))));
    }

    @Test
    void theAuditListComesFiftyAtATimeWithItsSearchKeptAcrossPages() throws Exception {
        for (int i = 0; i < AuditPageController.LIST_PAGE + 1; i++) {
            members.member("CIDR", "Pager Grid " + i);
        }
        String first = mvc.perform(get("/audit").param("q", "pager grid").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("51 membership(s)", "page 1 of 2").doesNotContain("rel=\"prev\"")
                .contains("<a rel=\"next\" href=\"/audit?q=pager%20grid&amp;page=1\">");
        assertThat(first.split(">Pager Grid ", -1)).hasSize(AuditPageController.LIST_PAGE + 1);
        String second = mvc.perform(get("/audit").param("q", "pager grid").param("page", "1").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the oldest application is last: alone on the second page
        assertThat(second).contains(">Pager Grid 0<", "page 2 of 2", "rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(second.split(">Pager Grid ", -1)).hasSize(2);
    }

    @Test
    void evidenceIsExportedForAuditorsAndTheMemberOnly() throws Exception {
        byte[] pdf = mvc.perform(get("/api/memberships/" + membershipId + "/evidence-pack.pdf").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Evidence pack", "Ledger Bank", "Audit chain: intact", "Notification sent: AGN-",
                    "GDPR check: approved by data protection officer auditdpo", "status Ceased");
            // sentences and names, not codes; and every character in the font: no arrow printed as '?'
            assertThat(text).doesNotContain("STATUS_CHANGED", "REVIEW_GDPR", "UNDER_REVIEW", "LEGITIMATE_INTEREST")
                    .contains("Status changed from Under review to More information requested");
            assertThat(text.replace("Which SOC team will take part?", "")).as("characters the font lacks").doesNotContain("?");
            // what a supervisor needs to place the notifications: the entity's regimes, its contact, the organiser
            assertThat(text.replaceAll("\\s+", " ")).contains("DORA: (a) Credit institution",
                    "Contact person(s): Contact of Ledger Bank <security@ledgerbank.example>",
                    "Arrangement organised by Cyber Security Coalition", "info@cybersecuritycoalition.be");
            // the two letters (entry and cessation) follow the report
            assertThat(text).contains("AGN-").containsPattern("AGN-\\d{4}-\\d{6}-NBB-ENTRY");
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        }
        mvc.perform(get("/api/memberships/" + membershipId + "/evidence-pack.json").with(httpBasic("ledgerrep", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auditChainIntact").value(true))
                .andExpect(jsonPath("$.organiser.name").value(org.hamcrest.Matchers.startsWith("Cyber Security Coalition")))
                .andExpect(jsonPath("$.regimes").value(org.hamcrest.Matchers.containsString("DORA: (a) Credit institution")))
                .andExpect(jsonPath("$.contactPersons").value(org.hamcrest.Matchers.containsString("security@ledgerbank.example")))
                .andExpect(jsonPath("$.notifications.length()").value(2));
        String csv = mvc.perform(get("/api/notifications/register.csv?from=2000-01-01&to=2100-12-31").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("reference,organisation");
        assertThat(csv).containsPattern("\"AGN-\\d{4}-\\d{6}-NBB-ENTRY\",\"Ledger Bank\".*\"SENT\".*\"yes\"");
        mvc.perform(get("/api/notifications/register.csv?from=someday").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void anotherOrganisationsRepresentativeGets403OnThePageTheApiAndTheExports() throws Exception {
        users.user("outsiderrep", PASSWORD, members.member("CIDR", "Outsider Energy").getRepresentativesGroup().orElseThrow());
        for (String path : List.of("/audit/memberships/" + membershipId, "/api/memberships/" + membershipId + "/timeline",
                "/api/memberships/" + membershipId + "/evidence-pack.pdf", "/api/memberships/" + membershipId + "/evidence-pack.json")) {
            mvc.perform(get(path).with(httpBasic("outsiderrep", PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(httpBasic("auditdpo", PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/audit/memberships/" + membershipId).with(httpBasic("ledgerrep", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"timeline\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"diagram-xml\"")));
        mvc.perform(get("/audit?q=ledger").with(httpBasic("outsiderrep", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Ledger Bank"))));
        mvc.perform(get("/audit?q=ledger").with(httpBasic("auditreader", PASSWORD)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ledger Bank")));
    }

    @Test
    void aMemberReadsTheAuditViewInItsLanguageAndStaffInEnglish() throws Exception {
        String before = jdbc.queryForObject("select preferred_language from organisation where id = ?", String.class,
                organisationId());
        jdbc.update("update organisation set preferred_language = 'nl' where id = ?", organisationId());
        try {
            // the member's representative, no choice made: the organisation's language, whatever the browser asks
            MvcResult list = mvc.perform(get("/audit").header("Accept-Language", "de-BE").with(httpBasic("ledgerrep", PASSWORD)))
                    .andExpect(status().isOk()).andReturn();
            assertThat(body(list)).contains("<html lang=\"nl\"").contains("<h1>Lidmaatschappen</h1>")
                    .contains(">Filteren</button>").contains("<th>Organisatie</th>").contains("Ledger Bank")
                    .contains(">Beëindigd</td>").contains("1 lidmaatschap(pen)")
                    .contains("<strong lang=\"nl\">Nederlands</strong>").contains("href=\"?lang=fr\">Français</a>")
                    .doesNotContain("Memberships", ">Filter<", "Ceased");
            assertThat(list.getResponse().getHeader("Set-Cookie")).as("no choice made, none remembered").isNull();
            // a member still sees only its own organisation's memberships
            assertThat(body(mvc.perform(get("/audit").param("q", "Outsider").with(httpBasic("ledgerrep", PASSWORD))).andReturn()))
                    .contains("Geen enkel lidmaatschap beantwoordt aan deze zoekopdracht.").doesNotContain("Outsider Energy");

            MvcResult page = mvc.perform(get("/audit/memberships/" + membershipId).with(httpBasic("ledgerrep", PASSWORD)))
                    .andExpect(status().isOk()).andReturn();
            assertThat(body(page)).contains("<h2>Tijdlijn</h2>").contains("<th>Wat er gebeurde</th>")
                    .contains("Auditketen: intact (").contains("bewijsdossier (PDF)")
                    .contains("zijn bewijsstukken: ze worden getoond zoals ze werden geschreven")
                    .contains("Screening: bijkomende informatie gevraagd door coördinator Chris Peeters: Which SOC team will take part?")
                    .contains("Status gewijzigd van Beëindiging lopende naar Beëindigd")
                    .contains("Taak “Vet application: Ledger Bank, GRC” afgerond door coördinator Chris Peeters")
                    .contains("AVG-controle: goedgekeurd door functionaris voor gegevensbescherming auditdpo")
                    .contains("gerechtvaardigd belang (AVG art. 6, lid 1, f))")
                    .containsPattern("<td>\\d{1,2} [a-z]{3}\\.? 20\\d\\d, \\d{2}:\\d{2}:\\d{2}</td>") // a Dutch month
                    .doesNotContain("Status changed", "Vetting:", "What happened");
            // the page stays script-free inline: the only script elements are the diagram's XML and our own files
            assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline'; object", "script-src 'self' 'unsafe-inline'");
            assertThat(body(page).split("<script").length - 1).isEqualTo(3);
            assertThat(body(page)).contains("<script type=\"application/xml\" id=\"diagram-xml\">")
                    .contains("<script src=\"/audit-assets/audit.js\"></script>");

            // a switch to French is remembered in the cookie shared with the member pages
            MvcResult french = mvc.perform(get("/audit/memberships/" + membershipId).param("lang", "fr")
                    .with(httpBasic("ledgerrep", PASSWORD))).andReturn();
            assertThat(french.getResponse().getHeader("Set-Cookie")).startsWith(PageLanguage.COOKIE + "=fr");
            assertThat(body(french)).contains("<html lang=\"fr\"").contains("<h2>Chronologie</h2>")
                    .contains("Statut modifié de Cessation en cours à Terminée")
                    .contains("Examen de la demande : approuvée par le coordinateur Chris Peeters: Clear now");
            assertThat(body(mvc.perform(get("/audit").cookie(new Cookie(PageLanguage.COOKIE, "fr"))
                    .with(httpBasic("ledgerrep", PASSWORD))).andReturn())).contains("<h1>Adhésions</h1>").contains(">Terminée</td>");

            // staff read English whatever their browser asks, and may choose too
            String auditor = body(mvc.perform(get("/audit/memberships/" + membershipId).header("Accept-Language", "nl-BE")
                    .with(httpBasic("auditreader", PASSWORD))).andReturn());
            assertThat(auditor).contains("<html lang=\"en\"").contains("<h2>Timeline</h2>")
                    .contains("Status changed from Cessation pending to Ceased").contains("href=\"?lang=nl\">Nederlands</a>");
            // the switcher keeps the page's search and filters
            assertThat(body(mvc.perform(get("/audit?q=ledger&lang=de").with(httpBasic("auditreader", PASSWORD))).andReturn())).contains("<h1>Mitgliedschaften</h1>")
                    .contains(">Beendet</td>").contains("href=\"?q=ledger&amp;lang=nl\">Nederlands</a>");
        } finally {
            jdbc.update("update organisation set preferred_language = ? where id = ?", before, organisationId());
        }
    }

    private Long organisationId() {
        return tx.execute(s -> memberships.findById(membershipId).orElseThrow().getOrganisation().getId());
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static List<String> kindsAndActors(List<String> steps) {
        return steps.stream().map(s -> s.substring(0, s.indexOf('|', s.indexOf('|') + 1))).toList();
    }

    private void complete(String pi, String taskKey, String user, String groupId, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        identityService.setAuthentication(user, List.of(groupId));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        runJobs(pi);
    }

    private void runJobs(String processInstanceId) {
        jobs.runDue(processInstanceId);
    }
}
