package eu.infosharing.governance.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ApplicationRequest.OrganisationInput;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Jobs;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Our API as a client sees it: status codes, problem+json bodies that name the field, and nothing stored on error. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApplicationApiTest {

    private static final String PASSWORD = "Api-Test-Secret-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Jobs jobs;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;

    @BeforeEach
    void users() {
        user("apicoordinator", Roles.COORDINATORS);
        user("apiauditor", Roles.AUDITORS);
    }

    @Test
    void nothingAnswersAnonymously() throws Exception {
        mvc.perform(get("/api/arrangements")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/memberships")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        // a wrong password locks a Camunda user for a few seconds, so use one no other test logs in as
        user("apiwrongpassword", Roles.AUDITORS);
        mvc.perform(get("/api/arrangements").with(httpBasic("apiwrongpassword", "wrong password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void listsTheTwelveFocusGroupsWithTheirConditionsAndRules() throws Exception {
        mvc.perform(get("/api/arrangements").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(12)))
                .andExpect(jsonPath("$[?(@.code=='CIDR')].requiredSponsors", hasItem(1)))
                .andExpect(jsonPath("$[?(@.code=='HOSPITALS')].admittedParticipantTypes[*]", hasItem("HEALTHCARE_PROVIDER")))
                .andExpect(jsonPath("$[?(@.code=='GRC')].currentRules.version", hasItem("1.0")))
                .andExpect(jsonPath("$[?(@.code=='GRC')].currentRules.text", hasItem(containsString("TLP:AMBER+STRICT"))))
                // the rules say which lawful basis applies to whom: no legitimate interest for a public body's tasks
                .andExpect(jsonPath("$[?(@.code=='GRC')].currentRules.text", everyItem(allOf(
                        containsString("a public authority or body, for which legitimate interest does not apply"),
                        containsString("(GDPR Art. 6(1)(e))"), containsString("(GDPR Art. 6(1)(f), NIS2 recital 121)")))));
    }

    @Test
    void validApplicationIsCreatedWithItsLocationAndStartsOnboarding() throws Exception {
        String body = mvc.perform(post("/api/applications").with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                                Applications.publicBody("GRC", "Api Public Body"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/memberships/")))
                .andExpect(jsonPath("$.status", is("SUBMITTED")))
                .andExpect(jsonPath("$.processInstanceId").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        Number id = json.readValue(body, Map.class).get("id") instanceof Number n ? n : null;
        String processInstanceId = (String) json.readValue(body, Map.class).get("processInstanceId");
        jobs.runDue(processInstanceId);

        mvc.perform(get("/api/memberships/" + id).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("UNDER_REVIEW")))
                .andExpect(jsonPath("$.organisation.legalName", is("Api Public Body")))
                .andExpect(jsonPath("$.history[0].to", is("SUBMITTED")))
                .andExpect(jsonPath("$.history[0].actor", is("apicoordinator")))
                .andExpect(jsonPath("$.openTasks[0].taskDefinitionKey", is(OnboardingProcess.TASK_VET_APPLICATION)))
                .andExpect(jsonPath("$.openTasks[0].candidateGroups", hasItem("coordinators")));
        mvc.perform(get("/api/memberships?status=UNDER_REVIEW&arrangement=GRC").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id.intValue())))
                .andExpect(jsonPath("$[*].status", everyItem(is("UNDER_REVIEW"))));
    }

    @Test
    void invalidApplicationNamesEveryBadFieldAndStoresNothing() throws Exception {
        long organisationsBefore = organisations.count();
        long membershipsBefore = memberships.count();
        ApplicationRequest bad = new ApplicationRequest("GRC",
                new ApplicationRequest.OrganisationInput("", "NV", "BE", "0599.799.598", null, "54930084UKLVMY22DS17",
                        "PRIVATE_COMPANY", "ESSENTIAL", null, "A", null, null, "en"),
                List.of(new ApplicationRequest.ContactInput("Someone", "not-an-email", "+32 2 555 00 00", "xyz")),
                List.of(), "x".repeat(2001));
        mvc.perform(post("/api/applications").with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", is("Invalid input")))
                .andExpect(jsonPath("$.errors[*].field", hasItems("organisation.legalName", "organisation.enterpriseNumber",
                        "organisation.lei", "organisation.nis2Sector", "contacts[0].email", "contacts[0].pgpFingerprint",
                        "motivation")))
                .andExpect(jsonPath("$.errors[?(@.field=='organisation.enterpriseNumber')].message",
                        hasItem(containsString("wrong check number"))))
                .andExpect(jsonPath("$.errors[?(@.field=='motivation')].message", hasItem(containsString("at most 2000"))));
        org.assertj.core.api.Assertions.assertThat(organisations.count()).isEqualTo(organisationsBefore);
        org.assertj.core.api.Assertions.assertThat(memberships.count()).isEqualTo(membershipsBefore);
    }

    @Test
    void unknownArrangementMissingOrganisationAndDoraWithoutLeiAreRefused() throws Exception {
        ApplicationRequest unknown = Applications.publicBody("NOPE", "Lost Agency");
        expectFieldError(unknown, "arrangementCode", "not a known arrangement");

        ApplicationRequest noOrganisation = new ApplicationRequest("GRC", null, List.of(Applications.contact("x")), null, null);
        expectFieldError(noOrganisation, "organisation", "is required");

        ApplicationRequest doraWithoutLei = Applications.withOrganisation(Applications.publicBody("GRC", "Lei-less Bank"),
                Applications.organisation("Lei-less Bank", "PRIVATE_COMPANY", "ESSENTIAL", "BANKING", "A", null));
        expectFieldError(doraWithoutLei, "organisation.lei", "required for a DORA financial entity");

        // where the DORA type alone does not decide the supervisor (DORA Art. 46), the licence is asked and must fit
        OrganisationInput bank = Applications.organisation("Unlicensed Bank", "PRIVATE_COMPANY", "ESSENTIAL", "BANKING", "A",
                "54930084UKLVMY22DS16");
        expectFieldError(Applications.withOrganisation(Applications.publicBody("GRC", "Unlicensed Bank"), licensed(bank, null)),
                "organisation.doraLicence", "is required for DORA type (a) Credit institution");
        expectFieldError(Applications.withOrganisation(Applications.publicBody("GRC", "Unlicensed Bank"),
                licensed(bank, "STOCKBROKING_FIRM")), "organisation.doraLicence", "does not fit DORA type (a)");
        OrganisationInput insurer = Applications.organisation("Licensed Insurer", "PRIVATE_COMPANY", "NOT_IN_SCOPE", null, "N",
                "54930084UKLVMY22DS16");
        expectFieldError(Applications.withOrganisation(Applications.publicBody("GRC", "Licensed Insurer"),
                licensed(insurer, "SIGNIFICANT_CREDIT_INSTITUTION")), "organisation.doraLicence", "the type alone decides");

        ApplicationRequest noSponsor = Applications.bank("CIDR", "Lonely Bank", List.of());
        expectFieldError(noSponsor, "sponsors", "at least 1");
    }

    @Test
    void wrongJsonTypeIsAProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/applications").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"arrangementCode\":\"GRC\",\"contacts\":\"everyone\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("contacts")));
        mvc.perform(post("/api/applications").with(coordinator()).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/memberships?status=DANCING").with(auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("status")));
    }

    @Test
    void secondApplicationForTheSameArrangementIsAConflict() throws Exception {
        ApplicationRequest first = Applications.publicBody("AWARENESS", "Eager Agency");
        mvc.perform(post("/api/applications").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(first))).andExpect(status().isCreated());
        long before = memberships.count();
        mvc.perform(post("/api/applications").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(first)))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("already has a pending or active membership of Awareness")));
        org.assertj.core.api.Assertions.assertThat(memberships.count()).isEqualTo(before);
    }

    @Test
    void representativeSeesAndAppliesOnlyForItsOwnOrganisation() throws Exception {
        Organisation a = members.member("GRC", "Rep Org A");
        Organisation b = members.member("IAM", "Rep Org B");
        user("repa", a.getRepresentativesGroup().orElseThrow());

        // applying for organisation B's identifiers is refused and changes nothing
        ApplicationRequest forB = Applications.withOrganisation(Applications.publicBody("CLOUD", "Rep Org B"),
                new ApplicationRequest.OrganisationInput("Rep Org B", "NV", "BE", b.getEnterpriseNumber(), null, null,
                        "PRIVATE_COMPANY", "NOT_IN_SCOPE", null, "NONE", null, null, "fr"));
        long before = memberships.count();
        mvc.perform(post("/api/applications").with(httpBasic("repa", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(forB)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("You represent Rep Org A")));
        org.assertj.core.api.Assertions.assertThat(memberships.count()).isEqualTo(before);

        Long bMembership = memberships.search(null, "IAM", b.getId()).get(0).getId();
        Long aMembership = memberships.search(null, "GRC", a.getId()).get(0).getId();
        mvc.perform(get("/api/memberships/" + bMembership).with(httpBasic("repa", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/memberships/" + aMembership).with(httpBasic("repa", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/memberships").with(httpBasic("repa", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].organisation.legalName", everyItem(is("Rep Org A"))))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aUserRepresentingNoOrganisationRegistersANewOneAndBecomesItsRepresentative() throws Exception {
        user("newcomer", "newcomers");
        String body = mvc.perform(post("/api/applications").with(httpBasic("newcomer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Applications.publicBody("AWARENESS", "Newcomer Agency"))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        Number id = (Number) json.readValue(body, Map.class).get("id");
        mvc.perform(get("/api/memberships/" + id).with(httpBasic("newcomer", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation.legalName", is("Newcomer Agency")));
    }

    @Test
    void auditorsReadButCannotApply() throws Exception {
        long before = memberships.count();
        mvc.perform(post("/api/applications").with(auditor()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Applications.publicBody("GRC", "Auditor's Own Body"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        org.assertj.core.api.Assertions.assertThat(memberships.count()).isEqualTo(before);
        mvc.perform(get("/api/memberships").with(auditor())).andExpect(status().isOk());
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/applications'].post").exists())
                .andExpect(jsonPath("$.paths['/api/memberships/{id}'].get").exists());
    }

    private static OrganisationInput licensed(OrganisationInput o, String licence) {
        return new OrganisationInput(o.legalName(), o.legalForm(), o.country(), o.enterpriseNumber(), o.foreignRegisterId(),
                o.lei(), o.participantType(), o.nis2Status(), o.nis2Sector(), o.doraEntityType(), licence, o.supervisoryId(),
                o.preferredLanguage());
    }

    private void expectFieldError(ApplicationRequest request, String field, String message) throws Exception {
        long before = memberships.count();
        mvc.perform(post("/api/applications").with(coordinator())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field=='" + field + "')].message", hasItem(containsString(message))));
        org.assertj.core.api.Assertions.assertThat(memberships.count()).isEqualTo(before);
    }

    private void user(String id, String group) {
        users.user(id, PASSWORD, group);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor coordinator() {
        return httpBasic("apicoordinator", PASSWORD);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor auditor() {
        return httpBasic("apiauditor", PASSWORD);
    }
}
