package eu.infosharing.governance.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.infosharing.governance.api.PageLanguage;
import eu.infosharing.governance.identity.Roles;
import jakarta.servlet.http.Cookie;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ApplicationService;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Outbox;
import eu.infosharing.governance.support.Jobs;
import eu.infosharing.governance.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What alice sees after she applied: her organisation's status page at three points of the application (submitted
 * and with the coordinators, the rules of conduct to accept, active), and a mail at each of them in her organisation's
 * language with the link to that page. Another organisation's representative learns nothing of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MemberStatusPageTest {

    private static final String PASSWORD = "status-page-password-1";
    /** A date and time as people read them: "30 November 2026, 10:35", never an ISO instant. */
    private static final String HUMAN_TIME = "\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}";

    @Autowired
    MockMvc mvc;
    @Autowired
    Jobs jobs;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationService applications;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    TestUsers users;
    @Autowired
    TransactionTemplate tx;


    @Test
    void theMemberSeesWhereItsApplicationStandsAndIsToldByMailInItsLanguage() throws Exception {
        ApplicationRequest dutch = Applications.publicBody("GRC", "Statuspagina Agentschap");
        dutch = Applications.withOrganisation(dutch, withLanguage(dutch.organisation(), "nl"));
        Membership m = submit(dutch);
        String group = m.getOrganisation().getRepresentativesGroup().orElseThrow();
        users.user("spalice", PASSWORD, group);
        String address = "security@statuspaginaagentschap.example";
        String statusLink = "http://localhost:8080/my-organisation/memberships/" + m.getId();
        jobs.runDue(m.getProcessInstanceId());

        // 1. submitted: the coordinators vet it; nothing for her to do; the steps done carry local, readable dates
        String submitted = page("spalice", "/my-organisation");
        assertThat(submitted).contains("Statuspagina Agentschap").contains("Reference M-" + m.getId())
                .contains("Vetting by the coordinators").contains("Vet application: Statuspagina Agentschap, GRC")
                .contains("<td class=\"who\">the coordinators</td>")
                .contains("Nothing for now: we will write to you when your organisation must act.")
                .containsPattern("<td>" + HUMAN_TIME + "</td><td>Application submitted")
                .doesNotContain("Europe/Brussels\")").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:")
                .doesNotContain(">coordinator<");
        assertThat(Outbox.mailTo(address)).as("the confirmation of receipt, in Dutch, with the status page")
                .contains("We ontvingen de aanvraag van Statuspagina Agentschap").contains(statusLink);

        // 2. approved: the rules of conduct are hers to accept, with the task's link in Tasklist, and she is told by mail
        submitForm(m.getProcessInstanceId(), OnboardingProcess.TASK_VET_APPLICATION,
                Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"), "coordinator", Roles.COORDINATORS);
        Task accept = taskService.createTaskQuery().processInstanceId(m.getProcessInstanceId()).singleResult();
        String rules = page("spalice", "/my-organisation/memberships/" + m.getId());
        assertThat(rules).contains("Approved by the coordinators: the rules of conduct are to be accepted")
                .contains("<a class=\"task\" href=\"http://localhost:8080/camunda/app/tasklist/#/?task=" + accept.getId()
                        + "\">Accept rules of conduct: Statuspagina Agentschap, GRC</a> in Tasklist, by ")
                .contains("<td class=\"who\">you (your organisation&#39;s representatives)</td>");
        assertThat(Outbox.mailTo(address)).contains("Aanvaard de gedragsregels van Governance, Risk & Compliance")
                .contains("http://localhost:8080/camunda/app/tasklist/");

        // 3. active: nothing left to do, every step done listed in order
        submitForm(m.getProcessInstanceId(), OnboardingProcess.TASK_ACCEPT_RULES,
                Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true), "spalice", group);
        submitForm(m.getProcessInstanceId(), OnboardingProcess.TASK_CHECK_GDPR, Map.of(OnboardingProcess.GDPR_DECISION.name(),
                "APPROVE", OnboardingProcess.LAWFUL_BASIS.name(), "PUBLIC_TASK", OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true,
                OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true), "dpo", Roles.PRIVACY);
        MembershipStatus now = tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getStatus());
        assertThat(now).isEqualTo(MembershipStatus.ACTIVE);
        String active = page("spalice", "/my-organisation");
        assertThat(active).contains("Nothing: your membership is active.").contains("No open step.")
                .containsSubsequence("Application submitted", "Vetting by the coordinators",
                        "Approved by the coordinators", "Rules accepted", "Membership validated", "Membership active");
        assertThat(Outbox.mailTo(address)).contains("Statuspagina Agentschap is nu lid van Governance, Risk & Compliance")
                .contains(statusLink);
    }

    @Test
    void theStatusPageIsInTheMembersLanguageAndRemembersItsChoice() throws Exception {
        ApplicationRequest dutch = Applications.publicBody("GRC", "Taalkeuze Agentschap");
        Membership nl = submit(Applications.withOrganisation(dutch, withLanguage(dutch.organisation(), "nl")));
        users.user("splang", PASSWORD, nl.getOrganisation().getRepresentativesGroup().orElseThrow());
        Membership en = submit(Applications.publicBody("ESA", "Language Choice Agency"));
        users.user("splangen", PASSWORD, en.getOrganisation().getRepresentativesGroup().orElseThrow());
        jobs.runDue(nl.getProcessInstanceId());

        // no choice made: the organisation's preferred language, even when the browser asks for another
        MvcResult preferred = mvc.perform(get("/my-organisation").with(httpBasic("splang", PASSWORD))
                .header("Accept-Language", "fr-BE")).andReturn();
        assertThat(body(preferred)).contains("<html lang=\"nl\"").contains("Taalkeuze Agentschap: lidmaatschappen en aanvragen")
                .contains("Referentie M-" + nl.getId()).contains("Onderzoek door de coördinatoren")
                .contains("<td class=\"who\">de coördinatoren</td>").contains("Aanvraag onderzoeken: Taalkeuze Agentschap, GRC")
                .contains("Voorlopig niets: wij schrijven u zodra uw organisatie iets moet doen.")
                .containsPattern("<td>\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                        + "|november|december) \\d{4}, \\d{2}:\\d{2}</td><td>Aanvraag ingediend")
                .doesNotContain("Vetting by the coordinators").doesNotContain("What you must do");
        assertThat(preferred.getResponse().getHeader("Set-Cookie")).isNull();

        // an English-speaking member chooses Dutch with the switcher: the page answers in Dutch and remembers it a year
        MvcResult chosen = mvc.perform(get("/my-organisation").param("lang", "nl").with(httpBasic("splangen", PASSWORD)))
                .andReturn();
        assertThat(body(chosen)).contains("Language Choice Agency: lidmaatschappen en aanvragen").contains("Wat u moet doen");
        String cookie = chosen.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).startsWith(PageLanguage.COOKIE + "=nl").contains("Max-Age=31536000").contains("SameSite=Lax")
                .contains("Path=/");
        // the next request, without the parameter, carries the cookie: still Dutch, on every page of the family
        MvcResult next = mvc.perform(get("/my-organisation/memberships/" + en.getId()).with(httpBasic("splangen", PASSWORD))
                .cookie(new Cookie(PageLanguage.COOKIE, "nl"))).andReturn();
        assertThat(body(next)).contains("Alle lidmaatschappen van Language Choice Agency").contains("Afgeronde stappen")
                .doesNotContain("Steps done");
        // without the cookie, the organisation's own language again; a language the pages lack is no choice
        assertThat(body(mvc.perform(get("/my-organisation").param("lang", "xx").with(httpBasic("splangen", PASSWORD)))
                .andReturn())).contains("Language Choice Agency: memberships and applications").contains("Steps done");
        // the switcher offers the other languages, each named in itself
        assertThat(body(next)).contains("href=\"?lang=fr\">Français</a>").contains("href=\"?lang=de\">Deutsch</a>")
                .contains("href=\"?lang=en\">English</a>").contains("<strong lang=\"nl\">Nederlands</strong>");
        assertThat(body(mvc.perform(get("/my-organisation").param("lang", "fr").with(httpBasic("splangen", PASSWORD)))
                .andReturn())).contains("Ce que vous devez faire").contains("Étapes accomplies").contains("Demande introduite");
        assertThat(body(mvc.perform(get("/my-organisation").param("lang", "de").with(httpBasic("splangen", PASSWORD)))
                .andReturn())).contains("Was Sie tun müssen").contains("Erledigte Schritte").contains("Antrag eingereicht");
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anotherOrganisationsRepresentativeLearnsNothingOfIt() throws Exception {
        Membership alices = submit(Applications.publicBody("GRC", "Alices Own Agency"));
        Membership bobs = submit(Applications.publicBody("ESA", "Bobs Other Agency"));
        users.user("spbob", PASSWORD, bobs.getOrganisation().getRepresentativesGroup().orElseThrow());
        users.user("spauditor", PASSWORD, Roles.AUDITORS);

        MvcResult refused = mvc.perform(get("/my-organisation/memberships/" + alices.getId()).with(httpBasic("spbob", PASSWORD)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(404);
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("Alices Own Agency");
        assertThat(page("spbob", "/my-organisation")).contains("Bobs Other Agency").doesNotContain("Alices Own Agency")
                .doesNotContain("M-" + alices.getId() + " ");
        // a role that represents no organisation has no status page (auditors read memberships in the audit view)
        assertThat(mvc.perform(get("/my-organisation").with(httpBasic("spauditor", PASSWORD))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/my-organisation")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    /** The page in English, as alice chose it once (her organisation's language is Dutch): the cookie remembers it. */
    private String page(String user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(httpBasic(user, PASSWORD))
                .cookie(new Cookie(PageLanguage.COOKIE, "en"))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Submits the open task's form as this person, as Tasklist does, then lets the engine go on. */
    private void submitForm(String processInstanceId, String taskKey, Map<String, Object> variables, String user, String group) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        identityService.setAuthentication(user, List.of(group));
        try {
            formService.submitTaskForm(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        jobs.runDue(processInstanceId);
    }

    private Membership submit(ApplicationRequest request) {
        identityService.setAuthentication("coordinator", List.of(Roles.COORDINATORS));
        try {
            Membership m = applications.submit(request);
            return tx.execute(s -> {
                Membership fresh = memberships.findById(m.getId()).orElseThrow();
                fresh.getOrganisation().getRepresentativesGroup();
                return fresh;
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static ApplicationRequest.OrganisationInput withLanguage(ApplicationRequest.OrganisationInput o, String language) {
        return new ApplicationRequest.OrganisationInput(o.legalName(), o.legalForm(), o.country(), o.enterpriseNumber(),
                o.foreignRegisterId(), o.lei(), o.participantType(), o.nis2Status(), o.nis2Sector(), o.doraEntityType(),
                o.doraLicence(), o.supervisoryId(), language);
    }
}
