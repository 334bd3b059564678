package eu.infosharing.governance.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.AccountRequestProcess;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.EveryTable;
import eu.infosharing.governance.support.Outbox;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Walks every path of bpmn/account-request.bpmn through the doors a newcomer and a coordinator use: the public Apply to
 * join page (and its API), the mailed links, the coordinator's task in Tasklist, the first password, the login and the
 * application. Also what the page must not do: tell whether an address is known, take more requests than the limits,
 * accept a link twice or late, or show anything of a member before a coordinator accepted.
 */
@AutoConfigureMockMvc
class AccountRequestProcessTest extends ProcessTestSupport {

    private static final String PASSWORD = "Newcomer-Tulip-42";
    /** The outbox outlives a run: every address is new in each run. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRequestRepository requests;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    PublicLinks links;
    @Autowired
    ApplicationService applications;
    @Autowired
    JoinSettings settings;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;
    @Value("${governance.mail.outbox-dir}")
    Path outbox;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aNewcomerAppliesIsAcceptedSetsAPasswordAndAppliesForItsOwnOrganisationOnly() throws Exception {
        String email = address("nora");
        mvc.perform(get("/join")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<form method=\"post\" action=\"/join\"")));
        apply("10.1.0.1", "Nora Janssens", "Newco Grid " + RUN, email, "nl").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(htmlOf(AccountRequests.APPLIED))));

        Outbox.Mail verification = Outbox.last(outbox, email);
        assertThat(verification.subject()).startsWith("Bevestig uw e-mailadres");
        String token = token(verification, AccountRequests.VERIFY_PATH);
        AccountRequest request = requestFor(email);
        assertThat(request.getStatus()).isEqualTo(AccountRequest.Status.UNVERIFIED);
        assertThat(EveryTable.holding(dataSource, List.of(token), Set.of())).as("only the token's hash is stored").isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
                AccountRequestProcess.businessKey(request.getId())).count()).as("no coordinator sees an unverified request").isZero();

        // the mailed link shows a button (a mail client that opens the link does not use it up); the button verifies
        mvc.perform(get(AccountRequests.VERIFY_PATH).param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"confirm\"")));
        form(post(AccountRequests.VERIFY_PATH).param("token", token), "10.1.0.1").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(htmlOf(AccountRequests.VERIFIED))));

        ProcessInstance pi = instance(email);
        runJobs(pi.getId());
        assertThat(pi).isWaitingAt(AccountRequestProcess.TASK_REVIEW_ACCOUNT_REQUEST);
        Task review = openTask(pi.getId(), AccountRequestProcess.TASK_REVIEW_ACCOUNT_REQUEST);
        assertThat(review.getName()).isEqualTo("Review account request: Nora Janssens, Newco Grid " + RUN);
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId()).containsExactly(Roles.COORDINATORS);
        assertThat(review.getDueDate()).isNotNull();
        assertThat(shownOn(review.getId(), AccountRequestProcess.APPLICANT_EMAIL)).isEqualTo(email);
        // shown when the form is read, never a variable: the applicant's address is not engine history
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableName(AccountRequestProcess.APPLICANT_EMAIL.name()).count()).isZero();
        // before acceptance there is nobody to log in as
        assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();

        submitForm(pi.getId(), AccountRequestProcess.TASK_REVIEW_ACCOUNT_REQUEST,
                Map.of(AccountRequestProcess.DECISION.name(), "ACCEPT"), "coordinator", Roles.COORDINATORS);
        assertThat(pi).isEnded().hasPassed(AccountRequestProcess.SERVICE_TASK_OPEN_ACCOUNT, AccountRequestProcess.END_EVENT_ACCOUNT_OPENED);
        request = requestFor(email);
        assertThat(request.getStatus()).isEqualTo(AccountRequest.Status.ACCEPTED);
        assertThat(request.getDecidedBy()).isEqualTo("coordinator");
        String userId = request.getUserId();
        assertThat(userId).startsWith("norajanssens");
        User user = identityService.createUserQuery().userId(userId).singleResult();
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(identityService.createGroupQuery().groupMember(userId).list()).extracting(g -> g.getType())
                .containsExactly(Roles.ORGANISATION_GROUP_TYPE);

        Outbox.Mail accepted = Outbox.last(outbox, email);
        assertThat(accepted.body()).contains(userId, links.tasklist());
        String passwordToken = token(accepted, AccountRequests.PASSWORD_PATH);
        mvc.perform(get(AccountRequests.PASSWORD_PATH).param("token", passwordToken)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(userId)));
        // the product's password rules, answered beside the field
        form(post(AccountRequests.PASSWORD_PATH).param("token", passwordToken).param("password", "short")
                .param("repeatPassword", "short"), "10.1.0.1").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("<span class=\"error\" id=\"password-error\">Password is too short")));
        form(post(AccountRequests.PASSWORD_PATH).param("token", passwordToken).param("password", PASSWORD)
                .param("repeatPassword", PASSWORD + "x"), "10.1.0.1").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"repeatPassword-error\">Password again is not the same")));
        // where Camunda's password policy is on (prod), its rules apply as well: not the person's own name
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl());
        try {
            form(post(AccountRequests.PASSWORD_PATH).param("token", passwordToken).param("password", "Janssens-Tulip-42!")
                    .param("repeatPassword", "Janssens-Tulip-42!"), "10.1.0.1").andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("Password must not contain your name or e-mail address")));
        } finally {
            configuration.setEnablePasswordPolicy(false);
            configuration.setPasswordPolicy(null);
        }
        form(post(AccountRequests.PASSWORD_PATH).param("token", passwordToken).param("password", PASSWORD)
                .param("repeatPassword", PASSWORD), "10.1.0.1").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<strong id=\"user-name\">" + userId + "</strong>")));
        assertThat(identityService.checkPassword(userId, PASSWORD)).isTrue();
        assertThat(EveryTable.holding(dataSource, List.of(PASSWORD), Set.of())).as("the identity service keeps a salted hash only").isEmpty();
        assertThat(requestFor(email).getStatus()).isEqualTo(AccountRequest.Status.ACTIVE);
        // the link is used up
        mvc.perform(get(AccountRequests.PASSWORD_PATH).param("token", passwordToken)).andExpect(status().isGone());

        // logged in: nothing of any member, and the application form to start
        mvc.perform(get("/api/memberships").with(httpBasic(userId, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        actAs(userId, groups.toArray(String[]::new));
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().startablePermissionCheck().startableInTasklist()
                    .latestVersion().list()).extracting(ProcessDefinition::getKey).contains(OnboardingProcess.KEY)
                    .doesNotContain(AccountRequestProcess.KEY);
            assertThat(taskService.createTaskQuery().count()).as("no task of anybody").isZero();
            assertThat(runtimeService.createProcessInstanceQuery().count()).as("no process of anybody").isZero();
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().count()).isZero();
        } finally {
            identityService.clearAuthentication();
        }

        // the application registers the organisation under the group opened for it: the person represents it alone
        // (registered as the start form's listener and POST /api/applications do, without walking the onboarding model,
        // which its own test class covers)
        actAs(userId, groups.toArray(String[]::new));
        try {
            applications.register(Applications.publicBody("GRC", "Newco Grid " + RUN));
        } finally {
            identityService.clearAuthentication();
        }
        Organisation registered = organisations.findAll().stream().filter(o -> o.getLegalName().equals("Newco Grid " + RUN))
                .findFirst().orElseThrow();
        assertThat(registered.getRepresentativesGroup()).contains(request.getGroupId());
        assertThat(identityService.createGroupQuery().groupMember(userId).list()).extracting(g -> g.getId())
                .containsExactly(request.getGroupId());
        mvc.perform(get("/api/memberships").with(httpBasic(userId, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].organisation.legalName").value("Newco Grid " + RUN));
    }

    @Test
    void aRefusalNeedsItsReasonWhichIsMailedAndOpensNoAccount() throws Exception {
        String email = address("rita");
        ProcessInstance pi = verified("10.2.0.1", "Rita Refused", email, "en");
        assertThatThrownBy(() -> submitForm(pi.getId(), AccountRequestProcess.TASK_REVIEW_ACCOUNT_REQUEST,
                Map.of(AccountRequestProcess.DECISION.name(), "REFUSE"), "coordinator", Roles.COORDINATORS))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reason for refusing is required");
        assertThat(pi).isWaitingAt(AccountRequestProcess.TASK_REVIEW_ACCOUNT_REQUEST);

        submitForm(pi.getId(), AccountRequestProcess.TASK_REVIEW_ACCOUNT_REQUEST, Map.of(AccountRequestProcess.DECISION.name(),
                "REFUSE", AccountRequestProcess.REFUSAL_REASON.name(), "Not a cybersecurity team of an organisation in Belgium"),
                "coordinator", Roles.COORDINATORS);
        assertThat(pi).isEnded().hasPassed(AccountRequestProcess.SERVICE_TASK_SEND_REFUSAL, AccountRequestProcess.END_EVENT_ACCOUNT_REFUSED)
                .hasNotPassed(AccountRequestProcess.SERVICE_TASK_OPEN_ACCOUNT);
        Outbox.Mail refusal = Outbox.last(outbox, email);
        assertThat(refusal.subject()).isEqualTo("Your request to join Arrangement Governance was not accepted");
        assertThat(refusal.body()).contains("Reason: Not a cybersecurity team of an organisation in Belgium");
        assertThat(requestFor(email).getStatus()).isEqualTo(AccountRequest.Status.REFUSED);
        assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();
    }

    @Test
    void linksWorkOnceAndNotOnceTheyExpired() throws Exception {
        // used twice
        String once = address("once");
        apply("10.3.0.1", "Otto Once", "Once Ltd", once, "de").andExpect(status().isOk());
        String token = token(Outbox.last(outbox, once), AccountRequests.VERIFY_PATH);
        form(post(AccountRequests.VERIFY_PATH).param("token", token), "10.3.0.1").andExpect(status().isOk());
        form(post(AccountRequests.VERIFY_PATH).param("token", token), "10.3.0.1").andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("id=\"link-invalid\"")));
        mvc.perform(post("/api/account-requests/verification").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token + "\"}"))
                .andExpect(status().isGone()).andExpect(header().string("Content-Type", Matchers.containsString("problem+json")))
                .andExpect(jsonPath("$.detail").value(AccountRequests.LINK_NO_LONGER_VALID));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
                AccountRequestProcess.businessKey(requestFor(once).getId())).count()).as("one request, one process").isEqualTo(1);

        // a verification link after its time
        String late = address("late");
        apply("10.3.0.2", "Lena Late", "Late Ltd", late, "fr").andExpect(status().isOk());
        String lateToken = token(Outbox.last(outbox, late), AccountRequests.VERIFY_PATH);
        later(settings.getVerificationValidFor().plusMinutes(1));
        form(post(AccountRequests.VERIFY_PATH).param("token", lateToken), "10.3.0.2").andExpect(status().isGone());
        assertThat(requestFor(late).getStatus()).isEqualTo(AccountRequest.Status.UNVERIFIED);
        ClockUtil.reset();

        // a password link after its time
        String slow = address("slow");
        ProcessInstance pi = verified("10.3.0.3", "Sam Slow", slow, "en");
        submitForm(pi.getId(), AccountRequestProcess.TASK_REVIEW_ACCOUNT_REQUEST, Map.of(AccountRequestProcess.DECISION.name(),
                "ACCEPT"), "coordinator", Roles.COORDINATORS);
        String passwordToken = token(Outbox.last(outbox, slow), AccountRequests.PASSWORD_PATH);
        later(settings.getPasswordLinkValidFor().plusMinutes(1));
        mvc.perform(get(AccountRequests.PASSWORD_PATH).param("token", passwordToken)).andExpect(status().isGone());
        form(post(AccountRequests.PASSWORD_PATH).param("token", passwordToken).param("password", PASSWORD)
                .param("repeatPassword", PASSWORD), "10.3.0.3").andExpect(status().isGone());
        mvc.perform(post("/api/account-requests/password").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + passwordToken + "\",\"password\":\"" + PASSWORD + "\"}")).andExpect(status().isGone());
        assertThat(identityService.checkPassword(requestFor(slow).getUserId(), PASSWORD)).isFalse();
        // a made-up link is no different
        mvc.perform(get(AccountRequests.PASSWORD_PATH).param("token", "made-up")).andExpect(status().isGone());
    }

    @Test
    void theAnswerIsTheSameWhetherTheAddressIsKnownOrNot() throws Exception {
        String known = address("known");
        User user = identityService.newUser("known" + RUN);
        user.setEmail(known);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        String unknown = address("unknown");
        long requestsBefore = requests.count();

        String forKnown = apply("10.4.0.1", "Kim Known", "Known Ltd", known, "en").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String forUnknown = apply("10.4.0.2", "Kim Known", "Known Ltd", unknown, "en").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(forKnown).isEqualTo(forUnknown);
        String apiKnown = api("10.4.0.1", "Kim Known", "Known Ltd", known).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        String apiUnknown = api("10.4.0.2", "Kim Known", "Known Ltd", unknown).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        assertThat(apiKnown).isEqualTo(apiUnknown);

        // both wait for one mail each: the known address is told where to sign in, and gets no link that opens anything
        assertThat(Outbox.to(outbox, known)).hasSize(2).allSatisfy(m -> assertThat(m.body())
                .contains("exists already", links.tasklist()).doesNotContain("token="));
        assertThat(Outbox.to(outbox, unknown)).hasSize(2).allSatisfy(m -> assertThat(m.body()).contains("token="));
        assertThat(requests.count()).as("one request for the unknown address, asked twice").isEqualTo(requestsBefore + 1);
        // asking again replaced the first link
        List<Outbox.Mail> links = Outbox.to(outbox, unknown);
        String first = token(links.get(0), AccountRequests.VERIFY_PATH);
        form(post(AccountRequests.VERIFY_PATH).param("token", first), "10.4.0.2").andExpect(status().isGone());
        form(post(AccountRequests.VERIFY_PATH).param("token", token(links.get(1), AccountRequests.VERIFY_PATH)), "10.4.0.2")
                .andExpect(status().isOk());
        // once verified, the address is known too: the same answer again, and no second request
        String afterVerification = apply("10.4.0.3", "Kim Known", "Known Ltd", unknown, "en").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(afterVerification).isEqualTo(forUnknown);
        assertThat(Outbox.last(outbox, unknown).body()).contains("exists already");
    }

    @Test
    void requestsAreLimitedPerClientAddressAndPerEmailAddress() throws Exception {
        String email = address("often");
        for (int i = 0; i < settings.getMaxRequestsPerEmail(); i++) {
            apply("10.5.1." + i, "Olga Often", "Often Ltd", email, "en").andExpect(status().isOk());
        }
        apply("10.5.1.99", "Olga Often", "Often Ltd", email, "en").andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString(htmlOf(AccountRequests.TOO_MANY))));
        api("10.5.1.98", "Olga Often", "Often Ltd", email).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(header().string("Content-Type", Matchers.containsString("problem+json")));
        assertThat(Outbox.to(outbox, email)).as("nothing is sent over the limit").hasSize(settings.getMaxRequestsPerEmail());

        for (int i = 0; i < settings.getMaxRequestsPerAddress(); i++) {
            apply("10.5.2.1", "Ada Address", "Address Ltd", address("address" + i), "en").andExpect(status().isOk());
        }
        String over = address("address-over");
        apply("10.5.2.1", "Ada Address", "Address Ltd", over, "en").andExpect(status().isTooManyRequests());
        assertThat(Outbox.to(outbox, over)).isEmpty();
        // another client is not held back
        apply("10.5.2.2", "Ada Address", "Address Ltd", over, "en").andExpect(status().isOk());

        later(settings.getThrottleWindow().plusMinutes(1));
        apply("10.5.2.1", "Ada Address", "Address Ltd", address("address-next-hour"), "en").andExpect(status().isOk());
    }

    @Test
    void badInputIsAnsweredBesideTheFieldOnThePageAndAsProblemJsonOnTheApi() throws Exception {
        apply("10.6.0.1", " ", "Typed Ltd", "not an address", "en").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("<span class=\"error\" id=\"name-error\">Your name is required</span>")))
                .andExpect(content().string(Matchers.containsString("id=\"email-error\">E-mail address must be exactly one e-mail address")))
                .andExpect(content().string(Matchers.containsString("value=\"Typed Ltd\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("organisation-error"))));
        mvc.perform(post("/api/account-requests").with(from("10.6.0.1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Eve\",\"organisation\":\"Eve \\u202e Ltd\",\"email\":\"eve@example.org, x@example.org\","
                                + "\"language\":\"xx\"}"))
                .andExpect(status().isBadRequest()).andExpect(header().string("Content-Type", Matchers.containsString("problem+json")))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("organisation", "email", "language")));
        // a browser's cross-site write is refused before anything is looked at
        mvc.perform(post("/join").with(from("10.6.0.2")).header("Sec-Fetch-Site", "cross-site")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("name", "Mallory").param("organisation", "M")
                        .param("email", address("mallory")))
                .andExpect(status().isForbidden());
        assertThat(Outbox.to(outbox, address("mallory"))).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private ProcessInstance verified(String client, String name, String email, String language) throws Exception {
        apply(client, name, name.split(" ")[1] + " Ltd", email, language).andExpect(status().isOk());
        mvc.perform(post("/api/account-requests/verification").with(from(client)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\":\"" + token(Outbox.last(outbox, email), AccountRequests.VERIFY_PATH) + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.message").value(AccountRequests.VERIFIED));
        ProcessInstance pi = instance(email);
        runJobs(pi.getId());
        return pi;
    }

    private ResultActions apply(String client, String name, String organisation, String email, String language) throws Exception {
        return form(post("/join").param("name", name).param("organisation", organisation).param("email", email)
                .param("language", language), client);
    }

    private ResultActions api(String client, String name, String organisation, String email) throws Exception {
        return mvc.perform(post("/api/account-requests").with(from(client)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", name, "organisation", organisation, "email", email))));
    }

    private ResultActions form(MockHttpServletRequestBuilder request, String client) throws Exception {
        return mvc.perform(request.with(from(client)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Sec-Fetch-Site", "same-origin"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String client) {
        return r -> {
            r.setRemoteAddr(client);
            return r;
        };
    }

    private String token(Outbox.Mail mail, String path) {
        String link = mail.link(links.to(path + "?token="));
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private ProcessInstance instance(String email) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(AccountRequestProcess.businessKey(requestFor(email).getId())).singleResult();
    }

    private AccountRequest requestFor(String email) {
        return requests.findAll().stream().filter(r -> r.getEmail().equals(email)).findFirst().orElseThrow();
    }

    private static String address(String who) {
        return who + "." + RUN + "@newcomer.example";
    }

    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + duration.toMillis()));
    }

    private static String htmlOf(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text);
    }
}
