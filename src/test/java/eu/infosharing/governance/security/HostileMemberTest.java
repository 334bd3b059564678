package eu.infosharing.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.Acknowledgements;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.NotificationQueries;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.notification.NotificationStatus;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ReviewDecision;
import eu.infosharing.governance.onboarding.ReviewDecisionRepository;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AcknowledgementProcess;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.AuthoritySearchProcess;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.process.RulesRevisionProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.revision.AnnualReviewService;
import eu.infosharing.governance.support.Applications;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.Onboardings;
import eu.infosharing.governance.support.StateFingerprint;
import eu.infosharing.governance.support.TestUsers;
import eu.infosharing.governance.support.WebappSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The twelve ways a member (or a reviewer, an auditor, a page on another site) was seen to steer a process past its
 * checks, replayed over HTTP against the running product: through engine REST, through the webapps' engine API that
 * Tasklist calls, and through our API. Each is refused with a status and a message that names what was refused, and
 * the whole state (our tables, the engine's runtime, the history people can write to, users, deployments, mails) is
 * compared before and after: not one row may change. Where the legitimate way exists, it is shown to still work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMemberTest {

    private static final String PASSWORD = "Hostile-Test-Secret-1";
    private static final String EVIL = "https://evil.example";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Onboardings onboardings;
    @Autowired
    AnnualReviewService annualReviews;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    ReviewDecisionRepository reviews;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuthorityNotifications authorityNotifications;
    @Autowired
    NotificationQueries notificationQueries;
    @Autowired
    Acknowledgements acknowledgements;
    @Autowired
    ApplicationContext context;
    @Value("${governance.mail.outbox-dir}")
    Path outbox;

    /** B: an active member of CIDR (with its yearly review waiting) that also applies to GRC (waiting for vetting). */
    Membership bActive;
    Membership bPending;
    String bRepresentative;
    /** C: an applicant whose GDPR check waits for the DPO. */
    Membership cAtGdpr;

    @BeforeAll
    void aCommunity() {
        users.user("hxcoord", PASSWORD, Roles.COORDINATORS);
        users.user("hxaudit", PASSWORD, Roles.AUDITORS);
        users.user("hxdpo", PASSWORD, Roles.PRIVACY);
        users.user("hxadmin", PASSWORD, Roles.ADMINS);
        bActive = members.activeMember("CIDR", "Hostile Beta Energy", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        bRepresentative = members.representative(bActive, "hxrepb", PASSWORD);
        annualReviews.schedule(bActive);
        var b = bActive.getOrganisation();
        bPending = apply(new ApplicationRequest("GRC", new ApplicationRequest.OrganisationInput(b.getLegalName(), "NV", "BE",
                b.getEnterpriseNumber(), null, null, "PUBLIC_BODY", "NOT_IN_SCOPE", null, "NONE", null, null, "en"),
                List.of(Applications.contact(b.getLegalName())), List.of(), "Also governance"));
        cAtGdpr = apply(Applications.publicBody("GRC", "Hostile Gamma Agency"));
        complete(cAtGdpr, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
        complete(cAtGdpr, OnboardingProcess.TASK_ACCEPT_RULES, Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true));
        assertThat(openTask(bPending, OnboardingProcess.TASK_VET_APPLICATION)).isNotNull();
        assertThat(openTask(cAtGdpr, OnboardingProcess.TASK_CHECK_GDPR)).isNotNull();
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    // --- 1. a member completes its own task naming another organisation's membership --------------------------------

    @Test
    void completingOwnTaskWithAnotherMembershipsIdIsRefusedAtEveryDoor() {
        Membership a = applicantAtRulesAcceptance("Hostile Alpha Agency", "hxrepa1");
        Task accept = openTask(a, OnboardingProcess.TASK_ACCEPT_RULES);
        String steer = variables(Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true, OnboardingProcess.MEMBERSHIP_ID.name(), bPending.getId()));
        StateFingerprint before = fingerprint();

        assertRefused(as("hxrepa1").postForEntity(engine("/task/" + accept.getId() + "/complete"), jsonBody(steer), String.class),
                400, "'membershipId' is not a field of the form");
        assertRefused(as("hxrepa1").postForEntity(engine("/task/" + accept.getId() + "/submit-form"), jsonBody(steer), String.class),
                400, "'membershipId'");
        assertRefused(as("hxrepa1").postForEntity(engine("/task/" + accept.getId() + "/complete"),
                jsonBody(variables(Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true, "participantType", "PUBLIC_BODY"))), String.class),
                400, "'participantType'");
        assertRefused(as("hxrepa1").exchange(engine("/task/" + accept.getId() + "/variables/membershipId"), HttpMethod.PUT,
                jsonBody("{\"value\":" + bPending.getId() + ",\"type\":\"Long\"}"), String.class), 403, "Refused");
        assertRefused(as("hxrepa1").exchange(engine("/task/" + accept.getId() + "/localVariables/membershipId"), HttpMethod.PUT,
                jsonBody("{\"value\":" + bPending.getId() + ",\"type\":\"Long\"}"), String.class), 403, "Refused");
        assertRefused(as("hxrepa1").postForEntity(engine("/task/" + accept.getId() + "/variables"),
                jsonBody("{\"modifications\":{\"membershipId\":{\"value\":" + bPending.getId() + "}}}"), String.class),
                403, "Refused");
        assertRefused(as("hxrepa1").exchange(engine("/process-instance/" + a.getProcessInstanceId() + "/variables/membershipId"),
                HttpMethod.PUT, jsonBody("{\"value\":" + bPending.getId() + ",\"type\":\"Long\"}"), String.class), 403, null);

        // Tasklist's own door: the webapps' engine API, with a session and Camunda's CSRF token
        WebappSession tasklist = WebappSession.login(port, "hxrepa1", PASSWORD);
        HttpResponse<String> viaTasklist = tasklist.engine("POST", "/task/" + accept.getId() + "/submit-form", steer);
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
        assertThat(viaTasklist.body()).contains("'membershipId'");
        assertThat(tasklist.engine("PUT", "/task/" + accept.getId() + "/variables/membershipId",
                "{\"value\":" + bPending.getId() + ",\"type\":\"Long\"}").statusCode()).isEqualTo(403);

        assertUnchangedSince(before);

        // the legitimate submission, as Tasklist sends it (the read-only fields come back and are set aside)
        HttpResponse<String> accepted = tasklist.engine("POST", "/task/" + accept.getId() + "/submit-form",
                variables(Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true, TaskDisplay.ORGANISATION_NAME.name(), "Changed by the browser", TaskDisplay.RULES_TEXT.name(), "Nothing")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        runJobs(a.getProcessInstanceId());
        assertThat(status(a)).isEqualTo(MembershipStatus.COMPLIANCE_REVIEW);
        assertThat(status(bPending)).isEqualTo(MembershipStatus.UNDER_REVIEW);
        assertThat(runtimeService.getVariable(a.getProcessInstanceId(), TaskDisplay.ORGANISATION_NAME.name())).isNull();
        assertThat(runtimeService.getVariable(a.getProcessInstanceId(), OnboardingProcess.MEMBERSHIP_ID.name())).isEqualTo(a.getId());
    }

    /**
     * What a task form shows is computed when the form is read, after the engine's own check that the person may read
     * the task: a member reads its own form with its context, and another organisation's form not at all.
     */
    @Test
    void aTaskFormShowsItsContextToWhoMayReadTheTaskOnly() {
        Membership a = applicantAtRulesAcceptance("Hostile Form Reader", "hxrepa13");
        Task accept = openTask(a, OnboardingProcess.TASK_ACCEPT_RULES);
        ResponseEntity<String> own = as("hxrepa13").getForEntity(engine("/task/" + accept.getId() + "/form-variables"),
                String.class);
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(200);
        assertThat(own.getBody()).contains("Hostile Form Reader", "\"" + TaskDisplay.RULES_TEXT.name() + "\"");

        Task othersVetting = openTask(bPending, OnboardingProcess.TASK_VET_APPLICATION);
        ResponseEntity<String> others = as("hxrepa13").getForEntity(engine("/task/" + othersVetting.getId()
                + "/form-variables"), String.class);
        assertThat(others.getStatusCode().value()).as(others.getBody()).isEqualTo(403);
        assertThat(others.getBody()).doesNotContain(bActive.getOrganisation().getLegalName())
                .doesNotContain(TaskDisplay.CONTACTS.name());
        ResponseEntity<String> asked = as("hxrepa13").getForEntity(engine("/task/" + othersVetting.getId()
                + "/form-variables?variableNames=" + TaskDisplay.CONTACTS.name()), String.class);
        assertThat(asked.getStatusCode().value()).isEqualTo(403);
        // the coordinator, who vets it, reads it
        assertThat(as("hxcoord").getForEntity(engine("/task/" + othersVetting.getId() + "/form-variables?variableNames="
                + TaskDisplay.CONTACTS.name()), String.class).getBody()).contains(TaskDisplay.CONTACTS.name())
                .doesNotContain(TaskDisplay.REGIMES.name());
    }

    // --- 2. a member starts the cessation of another organisation's membership --------------------------------------

    @Test
    void startingTheCessationOfAnotherMembershipIsRefused() {
        Membership a = applicantAtRulesAcceptance("Hostile Delta Agency", "hxrepa2");
        String start = engine("/process-definition/key/" + CessationProcess.KEY + "/start");
        StateFingerprint before = fingerprint();

        // the process's own variables, a past effective date: everything the earlier attack relied on
        assertRefused(as("hxrepa2").postForEntity(start, jsonBody("{\"variables\":{"
                + "\"cessationId\":{\"value\":1},\"membershipId\":{\"value\":" + bActive.getId() + "},"
                + "\"cessationKind\":{\"value\":\"WITHDRAWAL\"},\"representativesGroup\":{\"value\":\"" + a.getOrganisation()
                .getRepresentativesGroup().orElseThrow() + "\"},\"effectiveAt\":{\"value\":\"2020-01-01T00:00:00.000+0000\","
                + "\"type\":\"Date\"},\"reason\":{\"value\":\"x\"}}}"), String.class), 400, "'cessationId' is not a field");
        // only the form's fields, but another organisation's membership: it does not exist for this member
        assertRefused(as("hxrepa2").postForEntity(start, jsonBody(variables(Map.of(CessationProcess.MEMBERSHIP_ID.name(), bActive.getId(),
                CessationProcess.CESSATION_KIND.name(), "WITHDRAWAL", CessationProcess.REASON.name(), "We leave"))), String.class), 400, "No membership");
        assertRefused(as("hxrepa2").postForEntity(start, jsonBody(variables(Map.of(CessationProcess.MEMBERSHIP_ID.name(), bActive.getId(),
                CessationProcess.CESSATION_KIND.name(), "BREACH", CessationProcess.REASON.name(), "They leaked", CessationProcess.EVIDENCE.name(), "Trust us"))), String.class), 400, null);
        // a business key is the process's to set
        assertRefused(as("hxrepa2").postForEntity(start, jsonBody("{\"businessKey\":\"" + bActive.getId() + "\","
                + variables(Map.of(CessationProcess.MEMBERSHIP_ID.name(), bActive.getId(), CessationProcess.CESSATION_KIND.name(), "WITHDRAWAL", CessationProcess.REASON.name(), "x")).substring(1)),
                String.class), 400, "'businessKey'");
        // the webapps' start form door
        WebappSession tasklist = WebappSession.login(port, "hxrepa2", PASSWORD);
        HttpResponse<String> viaTasklist = tasklist.engine("POST", "/process-definition/key/" + CessationProcess.KEY
                + "/submit-form", variables(Map.of(CessationProcess.MEMBERSHIP_ID.name(), bActive.getId(), CessationProcess.CESSATION_KIND.name(), "LAPSE", CessationProcess.REASON.name(), "x")));
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);

        assertUnchangedSince(before);
        assertThat(status(bActive)).isEqualTo(MembershipStatus.ACTIVE);
    }

    // --- 3. a member or the DPO steers the competition-law screen -------------------------------------------------------

    @Test
    void steeringTheCompetitionScreenIsRefused() {
        Task gdpr = openTask(cAtGdpr, OnboardingProcess.TASK_CHECK_GDPR);
        StateFingerprint before = fingerprint();

        assertRefused(as("hxdpo").postForEntity(engine("/task/" + gdpr.getId() + "/complete"), jsonBody(variables(Map.of(
                OnboardingProcess.GDPR_DECISION.name(), "APPROVE", OnboardingProcess.GDPR_REASON.name(), "Fine", OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST", OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true,
                OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true, "participantType", "PUBLIC_BODY"))), String.class), 400, "'participantType'");
        assertRefused(as("hxdpo").postForEntity(engine("/task/" + gdpr.getId() + "/complete"), jsonBody(variables(Map.of(
                OnboardingProcess.GDPR_DECISION.name(), "APPROVE", OnboardingProcess.GDPR_REASON.name(), "Fine", OnboardingProcess.COMPETITION_SCREEN.name(), "none"))), String.class), 400,
                "'competitionScreen'");
        // a value outside the form's choices
        assertRefused(as("hxdpo").postForEntity(engine("/task/" + gdpr.getId() + "/complete"), jsonBody(variables(Map.of(
                OnboardingProcess.GDPR_DECISION.name(), "WAIVE", OnboardingProcess.GDPR_REASON.name(), "Fine"))), String.class), 400, "'gdprDecision' must be one of APPROVE, REJECT");

        assertUnchangedSince(before);
    }

    // --- 4. a member starts an onboarding for another organisation's application ---------------------------------------

    @Test
    void startingAnOnboardingForAnotherApplicationIsRefused() {
        applicantAtRulesAcceptance("Hostile Epsilon Agency", "hxrepa4");
        String start = engine("/process-definition/key/" + OnboardingProcess.KEY + "/start");
        StateFingerprint before = fingerprint();

        assertRefused(as("hxrepa4").postForEntity(start, jsonBody("{\"businessKey\":\"" + bPending.getId() + "\","
                + "\"variables\":{\"membershipId\":{\"value\":" + bPending.getId() + "}}}"), String.class), 400, null);
        assertRefused(as("hxrepa4").postForEntity(start, jsonBody("{\"variables\":{\"membershipId\":{\"value\":"
                + bPending.getId() + "},\"applicantGroup\":{\"value\":\"" + Roles.COORDINATORS + "\"}}}"), String.class), 400,
                "'membershipId' is not a field");

        assertUnchangedSince(before);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(bPending.getId())).count()).isEqualTo(1);
    }

    // --- 5. a page on another site posts to engine REST with an administrator's cached credentials -------------------

    @Test
    void crossSiteWritesAreRefusedOnEngineRestAndTheWebapps() throws Exception {
        StateFingerprint before = fingerprint();
        String boundary = "----hostile";
        String model = "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "targetNamespace=\"x\"><process id=\"evil\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        for (Map.Entry<String, String> browser : List.of(Map.entry("Origin", EVIL), Map.entry("Sec-Fetch-Site", "cross-site"))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                    .header("Authorization", basic("hxadmin"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header(browser.getKey(), browser.getValue())
                    .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("Cross-site");
        }
        // the webapps' own API: the login form posted from another site
        HttpHeaders fromEvil = new HttpHeaders();
        fromEvil.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        fromEvil.set("Origin", EVIL);
        assertThat(rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=hxadmin&password=" + PASSWORD, fromEvil), String.class).getStatusCode().value())
                .isEqualTo(403);
        assertUnchangedSince(before);
        assertThat(jdbc.queryForObject("select count(*) from act_re_deployment where name_ = 'evil'", Integer.class)).isZero();

        // reading from another site stays possible (nothing changes); our own pages write as before
        HttpHeaders read = new HttpHeaders();
        read.set("Origin", EVIL);
        assertThat(as("hxadmin").exchange(engine("/deployment?name=evil"), HttpMethod.GET, new HttpEntity<>(read), String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    // --- 6. a member executes another organisation's timer job ------------------------------------------------------

    @Test
    void jobsAreRefusedBeforeTheEngineSoNoRetryIsBurned() {
        applicantAtRulesAcceptance("Hostile Zeta Agency", "hxrepa6");
        Job anniversary = managementService.createJobQuery().processInstanceId(instanceOf(AnnualReviewProcess.KEY, bActive))
                .timers().singleResult();
        int retries = anniversary.getRetries();
        StateFingerprint before = fingerprint();

        for (int attempt = 0; attempt < 4; attempt++) {
            assertRefused(as("hxrepa6").postForEntity(engine("/job/" + anniversary.getId() + "/execute"), jsonBody("{}"),
                    String.class), 403, "Refused");
        }
        // a coordinator may not fire a waiting timer early, nor take its retries or move it
        assertRefused(as("hxcoord").postForEntity(engine("/job/" + anniversary.getId() + "/execute"), jsonBody("{}"),
                String.class), 403, "only a job that failed");
        assertRefused(as("hxcoord").exchange(engine("/job/" + anniversary.getId() + "/retries"), HttpMethod.PUT,
                jsonBody("{\"retries\":0}"), String.class), 403, null);
        assertRefused(as("hxcoord").exchange(engine("/job/" + anniversary.getId() + "/duedate"), HttpMethod.PUT,
                jsonBody("{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}"), String.class), 403, null);
        assertRefused(as("hxrepb").exchange(engine("/job/" + anniversary.getId() + "/retries"), HttpMethod.PUT,
                jsonBody("{\"retries\":5}"), String.class), 403, null);

        assertUnchangedSince(before);
        Job after = managementService.createJobQuery().jobId(anniversary.getId()).singleResult();
        assertThat(after.getRetries()).isEqualTo(retries);
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(anniversary.getProcessInstanceId()).count()).isZero();

        // what coordinators may do: retry a job that failed
        String notification = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, String.valueOf(bActive.getId()),
                Map.of(NotificationProcess.REFERENCE.name(), "AGN-HOSTILE-NONE")).getId();
        Job failed = managementService.createJobQuery().processInstanceId(notification).singleResult();
        managementService.setJobRetries(failed.getId(), 0);
        assertThat(as("hxcoord").exchange(engine("/job/" + failed.getId() + "/retries"), HttpMethod.PUT,
                jsonBody("{\"retries\":1}"), String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(failed.getId()).singleResult().getRetries()).isEqualTo(1);
    }

    // --- 7. the auditor writes comments and attachments -------------------------------------------------------------

    @Test
    void auditorsWriteNothingAndNobodyAttachesLinks() throws Exception {
        Membership a = applicantAtRulesAcceptance("Hostile Eta Agency", "hxrepa7");
        Task accept = openTask(a, OnboardingProcess.TASK_ACCEPT_RULES);
        StateFingerprint before = fingerprint();

        assertRefused(as("hxaudit").postForEntity(engine("/task/" + accept.getId() + "/comment/create"),
                jsonBody("{\"message\":\"Audited, all fine\"}"), String.class), 403, "auditor");
        HttpResponse<String> auditorAttaches = attach("hxaudit", accept.getId(), "https://evil.example/phish");
        assertThat(auditorAttaches.statusCode()).as(auditorAttaches.body()).isEqualTo(403);
        // a link to another site would appear as the product's own: nobody attaches one
        HttpResponse<String> coordinatorLinks = attach("hxcoord", accept.getId(), "https://evil.example/phish");
        assertThat(coordinatorLinks.statusCode()).as(coordinatorLinks.body()).isEqualTo(403);
        assertThat(coordinatorLinks.body()).contains("link to another site");
        assertRefused(as("hxaudit").postForEntity(engine("/task/" + accept.getId() + "/claim"), jsonBody("{\"userId\":\"hxaudit\"}"),
                String.class), 403, null);
        assertRefused(as("hxaudit").exchange(engine("/task/" + accept.getId()), HttpMethod.PUT,
                jsonBody("{\"name\":\"Renamed by the auditor\",\"priority\":99}"), String.class), 403, null);
        assertRefused(as("hxaudit").postForEntity(engine("/task/" + accept.getId() + "/complete"),
                jsonBody(variables(Map.of(OnboardingProcess.RULES_ACCEPTED.name(), true))), String.class), 403, null);

        assertUnchangedSince(before);

        // coordinators keep notes on the work they follow
        assertThat(as("hxcoord").postForEntity(engine("/task/" + accept.getId() + "/comment/create"),
                jsonBody("{\"message\":\"Reminded the member by phone\"}"), String.class).getStatusCode().value())
                .isEqualTo(200);
    }

    // --- 8. wrong passwords lock an account for good ----------------------------------------------------------------

    @Test
    void failedLoginsFromOneClientNeverLockTheAccountForAnother() throws Exception {
        users.user("hxadmin8", PASSWORD, Roles.ADMINS);
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(httpStatusFrom("127.0.0.2", "hxadmin8", "wrong-" + attempt)).isEqualTo(401);
        }
        // the administrator, from its own machine, logs in at once
        assertThat(httpStatusFrom("127.0.0.3", "hxadmin8", PASSWORD)).isEqualTo(200);
        // the guessing client waits, even with the right password; then it is let in again: nothing is locked for good
        assertThat(httpStatusFrom("127.0.0.2", "hxadmin8", PASSWORD)).isEqualTo(401);
        ClockUtil.offset(61_000L);
        assertThat(httpStatusFrom("127.0.0.2", "hxadmin8", PASSWORD)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select lock_exp_time_ from act_id_user where id_ = 'hxadmin8'", Object.class)).isNull();
    }

    // --- 9. Tasklist offers the internal processes ----------------------------------------------------------------------

    @Test
    void internalProcessesAreNotStartableByPeople() throws Exception {
        JsonNode startable = json.readTree(as("hxcoord").getForEntity(engine("/process-definition?startableInTasklist=true"
                + "&latestVersion=true&startablePermissionCheck=true"), String.class).getBody());
        assertThat(StreamSupport.stream(startable.spliterator(), false).map(d -> d.get("key").asText()).toList())
                .containsExactlyInAnyOrder(OnboardingProcess.KEY, CessationProcess.KEY);
        StateFingerprint before = fingerprint();
        for (String internal : List.of(NotificationProcess.KEY, RulesRevisionProcess.KEY, RulesAcceptanceProcess.KEY,
                AnnualReviewProcess.KEY, AuthoritySearchProcess.KEY, AcknowledgementProcess.KEY)) {
            assertRefused(as("hxcoord").postForEntity(engine("/process-definition/key/" + internal + "/start"),
                    jsonBody("{}"), String.class), 403, "only the product starts it");
            assertRefused(as("hxcoord").postForEntity(engine("/process-definition/key/" + internal + "/submit-form"),
                    jsonBody("{}"), String.class), 403, null);
        }
        assertUnchangedSince(before);
    }

    // --- 10. a second user store ----------------------------------------------------------------------------------------

    @Test
    void onlyTheIdentityServicesUsersLogIn() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        assertThat(rest.withBasicAuth("user", "password").getForEntity("/api/arrangements", String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(as("hxcoord").getForEntity("/api/arrangements", String.class).getStatusCode().value()).isEqualTo(200);
    }

    // --- 11. text that breaks names, headings and mail subjects ---------------------------------------------------------

    @Test
    void textThatBreaksTheRulesIsRefusedNamingTheField() throws Exception {
        users.user("hxrepb11", PASSWORD, bActive.getOrganisation().getRepresentativesGroup().orElseThrow());
        StateFingerprint before = fingerprint();

        assertField(as("hxcoord").postForEntity("/api/arrangements/GRC/rules-revisions", jsonBody("{\"versionLabel\":\"9.0\\u0000\","
                + "\"text\":\"Rules\",\"effectiveDate\":\"2031-01-01\",\"changeSummary\":\"All\"}"), String.class), "versionLabel");
        for (String name : List.of("Acme \\u202Egnp.exe", "\\u00A0\\u00A0", "\\u200B", "Acme\\r\\nBcc: x@evil.example")) {
            assertField(as("hxcoord").postForEntity("/api/applications", jsonBody(json.writeValueAsString(
                    Applications.publicBody("GRC", "PLACEHOLDER")).replace("PLACEHOLDER", name)), String.class),
                    "organisation.legalName");
        }
        String application = json.writeValueAsString(Applications.publicBody("GRC", "Hostile Theta Agency"));
        assertField(as("hxcoord").postForEntity("/api/applications", jsonBody(application.replaceFirst(
                "\"email\":\"[^\"]*\"", "\"email\":\"x@evil.example,foo\"")), String.class), "contacts[0].email");
        assertField(as("hxcoord").postForEntity("/api/applications", jsonBody(application.replaceFirst("\\{",
                "{\"membershipId\":1,")), String.class), OnboardingProcess.MEMBERSHIP_ID.name());
        ResponseEntity<String> trailing = as("hxcoord").postForEntity("/api/applications", jsonBody(application + "{\"x\":1}"),
                String.class);
        assertThat(trailing.getStatusCode().value()).isEqualTo(400);
        assertThat(trailing.getBody()).contains("data after its JSON value");
        assertField(as("hxcoord").postForEntity("/api/applications", jsonBody(application.replaceFirst("\\{",
                "{\"motivation\":\"first\",")), String.class), ApplicationFields.MOTIVATION.name());
        assertField(as("hxrepb11").postForEntity("/api/memberships/" + bActive.getId() + "/withdrawal",
                jsonBody("{\"reason\":\"We leave\",\"requestedDate\":\"2031-01-01' OR 1=1--\"}"), String.class), "requestedDate");
        // the same rules at the engine's doors: a control character in a form's free text
        Task gdpr = openTask(cAtGdpr, OnboardingProcess.TASK_CHECK_GDPR);
        assertRefused(as("hxdpo").postForEntity(engine("/task/" + gdpr.getId() + "/complete"), jsonBody(variables(Map.of(
                OnboardingProcess.GDPR_DECISION.name(), "REJECT", OnboardingProcess.GDPR_REASON.name(), "Rejected\u0007"))), String.class), 400, "'gdprReason' contains a control");
        // a rule of the service behind the form, run by the task's complete listener, answers 400 with its reason
        // through engine REST as well (docs/adr/0006): legitimate interest is no lawful basis for a public body
        Map<String, Object> approve = new java.util.HashMap<>(Map.of(OnboardingProcess.GDPR_DECISION.name(), "APPROVE",
                OnboardingProcess.GDPR_REASON.name(), "Fine", OnboardingProcess.LAWFUL_BASIS.name(), "LEGITIMATE_INTEREST",
                OnboardingProcess.CONTACT_DATA_MINIMAL.name(), true, OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), true));
        assertRefused(as("hxdpo").postForEntity(engine("/task/" + gdpr.getId() + "/complete"), jsonBody(variables(approve)),
                String.class), 400, "cannot be legitimate interest for a public body");
        assertRefused(as("hxdpo").postForEntity(engine("/task/" + gdpr.getId() + "/submit-form"), jsonBody(variables(approve)),
                String.class), 400, "cannot be legitimate interest for a public body");

        assertUnchangedSince(before);
    }

    // --- 12. a decision survives into the next round --------------------------------------------------------------------

    @Test
    void everyDecisionFormOpensEmptyInTheNextRound() throws Exception {
        Membership e = apply(Applications.publicBody("GRC", "Hostile Iota Agency"));
        users.user("hxrepa12", PASSWORD, e.getOrganisation().getRepresentativesGroup().orElseThrow());
        Task vet = openTask(e, OnboardingProcess.TASK_VET_APPLICATION);
        assertThat(as("hxcoord").postForEntity(engine("/task/" + vet.getId() + "/submit-form"), jsonBody(variables(Map.of(
                OnboardingProcess.VETTING_DECISION.name(), "REQUEST_INFORMATION", OnboardingProcess.VETTING_REASON.name(), "Please add a second contact person"))),
                String.class).getStatusCode().value()).isEqualTo(204);
        runJobs(e.getProcessInstanceId());
        Task amend = openTask(e, OnboardingProcess.TASK_AMEND_APPLICATION);
        assertThat(as("hxrepa12").postForEntity(engine("/task/" + amend.getId() + "/submit-form"), jsonBody(variables(Map.of(
                ApplicationFields.LEGAL_NAME.name(), "Hostile Iota Agency", ApplicationFields.LEGAL_FORM.name(), "NV", ApplicationFields.CONTACT_1.name().name(), "Iota Contact",
                ApplicationFields.CONTACT_1.email().name(), "iota@iota.example", ApplicationFields.CONTACT_1.phone().name(), "+32 2 555 00 00", ApplicationFields.CONTACT_2.name().name(), "Second Contact",
                ApplicationFields.CONTACT_2.email().name(), "second@iota.example", ApplicationFields.CONTACT_2.phone().name(), "+32 2 555 00 01",
                OnboardingProcess.AMENDMENT_RESPONSE.name(), "Added a second contact"))), String.class).getStatusCode().value()).isEqualTo(204);
        runJobs(e.getProcessInstanceId());

        Task again = openTask(e, OnboardingProcess.TASK_VET_APPLICATION);
        JsonNode shown = json.readTree(as("hxcoord").getForEntity(engine("/task/" + again.getId() + "/form-variables"),
                String.class).getBody());
        assertThat(shown.path(OnboardingProcess.VETTING_DECISION.name()).path("value").isMissingNode() || shown.path(OnboardingProcess.VETTING_DECISION.name()).path("value").isNull())
                .as(shown.toString()).isTrue();
        assertThat(shown.path(OnboardingProcess.VETTING_REASON.name()).path("value").isMissingNode() || shown.path(OnboardingProcess.VETTING_REASON.name()).path("value").isNull())
                .as(shown.toString()).isTrue();
        assertThat(as("hxcoord").postForEntity(engine("/task/" + again.getId() + "/submit-form"), jsonBody(variables(Map.of(
                OnboardingProcess.VETTING_DECISION.name(), "APPROVE", OnboardingProcess.VETTING_REASON.name(), "Both contacts checked"))), String.class)
                .getStatusCode().value()).isEqualTo(204);
        runJobs(e.getProcessInstanceId());
        List<ReviewDecision> decisions = reviews.findByMembershipIdOrderByDecidedAtAscIdAsc(e.getId());
        assertThat(decisions).extracting(ReviewDecision::getDecision, ReviewDecision::getReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReviewDecision.Decision.REQUEST_INFORMATION, "Please add a second contact person"),
                org.assertj.core.groups.Tuple.tuple(ReviewDecision.Decision.APPROVE, "Both contacts checked"));
    }

    // --- 13. a member acknowledges its own notification, or steers the coordinator's follow-up --------------------------

    @Test
    void aMemberNeitherRecordsAnAcknowledgementItDidNotReceiveNorSteersTheCoordinatorsFollowUp() throws Exception {
        // K's entry notification to the CCB went out on its behalf; the CCB has not acknowledged it within the period
        Membership k = members.activeMember("CIDR", "Hostile Kappa Energy", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        members.representative(k, "hxrepk", PASSWORD);
        String reference = authorityNotifications.create(k.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)).get(0);
        String sending = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, String.valueOf(k.getId()),
                Map.of(NotificationProcess.MEMBERSHIP_ID.name(), k.getId(), NotificationProcess.REFERENCE.name(), reference)).getId();
        runJobs(sending);
        AuthorityNotification sent = notificationQueries.byReference(reference);
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(acknowledgements.raiseFollowUps(LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusYears(1))).contains(reference);
        String followUp = runtimeService.createProcessInstanceQuery().processDefinitionKey(AcknowledgementProcess.KEY)
                .variableValueEquals(AcknowledgementProcess.REFERENCE.name(), reference).singleResult().getId();
        Task task = taskService.createTaskQuery().processInstanceId(followUp).singleResult();
        String record = variables(Map.of(AcknowledgementProcess.DECISION.name(), "RECORD_ACKNOWLEDGEMENT",
                AcknowledgementProcess.NOTE.name(), "Acknowledged, trust me", AcknowledgementProcess.AUTHORITY_REFERENCE.name(), "FAKE-1",
                AcknowledgementProcess.ACKNOWLEDGED_ON.name(), LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString()));
        String ack = "{\"acknowledgedOn\":\"" + LocalDate.now(NotificationSettings.DEFAULT_ZONE) + "\",\"authorityReference\":\"FAKE-1\"}";
        StateFingerprint before = fingerprint();

        // our API: the arrangement sent it, so only a coordinator records what the authority answered
        assertRefused(as("hxrepk").postForEntity("/api/notifications/" + sent.getId() + "/acknowledgement", jsonBody(ack),
                String.class), 403, "coordinators");
        assertRefused(as("hxaudit").postForEntity("/api/notifications/" + sent.getId() + "/acknowledgement", jsonBody(ack),
                String.class), 403, null);
        // engine REST: the coordinators' task, the message that ends it, the variables that steer it, a start by hand
        assertThat(as("hxrepk").postForEntity(engine("/task/" + task.getId() + "/complete"), jsonBody(record), String.class)
                .getStatusCode().value()).isIn(403, 404);
        assertThat(as("hxrepk").postForEntity(engine("/task/" + task.getId() + "/submit-form"), jsonBody(record), String.class)
                .getStatusCode().value()).isIn(403, 404);
        assertRefused(as("hxrepk").postForEntity(engine("/message"), jsonBody("{\"messageName\":\""
                + AcknowledgementProcess.ACKNOWLEDGED_MESSAGE + "\",\"businessKey\":\"" + k.getId() + "\"}"), String.class), 403, null);
        assertRefused(as("hxrepk").exchange(engine("/process-instance/" + followUp + "/variables/"
                + AcknowledgementProcess.DECISION.name()), HttpMethod.PUT, jsonBody("{\"value\":\"NOT_EXPECTED\",\"type\":\"String\"}"),
                String.class), 403, null);
        assertRefused(as("hxcoord").postForEntity(engine("/process-definition/key/" + AcknowledgementProcess.KEY + "/start"),
                jsonBody("{}"), String.class), 403, "only the product starts it");
        // even the coordinator completes it with the form's fields only
        assertRefused(as("hxcoord").postForEntity(engine("/task/" + task.getId() + "/complete"), jsonBody(variables(Map.of(
                AcknowledgementProcess.DECISION.name(), "CHASED", AcknowledgementProcess.NOTE.name(), "Asked the CCB",
                AcknowledgementProcess.MEMBERSHIP_ID.name(), bActive.getId()))), String.class), 400, "'membershipId' is not a field of the form");

        assertUnchangedSince(before);

        // the legitimate way: a coordinator records what the authority answered
        assertThat(as("hxcoord").postForEntity("/api/notifications/" + sent.getId() + "/acknowledgement",
                jsonBody(ack.replace("FAKE-1", "CCB-ACK-REAL")), String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(notificationQueries.byReference(reference).getAuthorityReference()).isEqualTo("CCB-ACK-REAL");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(followUp).count()).isZero();
    }

    // --- 14. a coordinator forges the decision on an authority the yearly review no longer names ---------------------

    @Test
    void aCoordinatorDecidingOnAnAuthorityNoLongerNamedByHandIsHeldToTheFormsFieldsAndChoices() {
        Membership m = members.activeMember("OTICS", "Hostile Shrinking Grid", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        String rep = members.representative(m, "hxrepshrink", PASSWORD);
        tx.executeWithoutResult(s -> authorityNotifications.create(m.getId(), NotificationEvent.ENTRY, LocalDate.now(NotificationSettings.DEFAULT_ZONE)));
        annualReviews.schedule(tx.execute(s -> memberships.findById(m.getId()).orElseThrow()));
        String review = instanceOf(AnnualReviewProcess.KEY, m);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review)
                .activityId(AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY).singleResult().getId());
        Task confirm = taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey(AnnualReviewProcess.TASK_CONFIRM_REVIEW).singleResult();
        Map<String, Object> outOfNis2 = new java.util.HashMap<>();
        outOfNis2.put(ApplicationFields.NIS2_STATUS.name(), "NOT_IN_SCOPE");
        outOfNis2.put(ApplicationFields.NIS2_SECTOR.name(), "");
        outOfNis2.put(ApplicationFields.DORA_ENTITY_TYPE.name(), "NONE");
        outOfNis2.put(ApplicationFields.LEI.name(), "");
        outOfNis2.put(ApplicationFields.CONTACT_1.name().name(), "Member of Hostile Shrinking Grid");
        outOfNis2.put(ApplicationFields.CONTACT_1.email().name(), "soc@shrinking.example");
        outOfNis2.put(ApplicationFields.CONTACT_1.phone().name(), "+32 3 555 00 00");
        context.getBean(org.camunda.bpm.engine.IdentityService.class).setAuthentication(rep,
                List.of(m.getOrganisation().getRepresentativesGroup().orElseThrow()));
        try {
            taskService.complete(confirm.getId(), outOfNis2);
        } finally {
            context.getBean(org.camunda.bpm.engine.IdentityService.class).clearAuthentication();
        }
        runJobs(review);
        Task decide = taskService.createTaskQuery().processInstanceId(review)
                .taskDefinitionKey(AnnualReviewProcess.TASK_DECIDE_AUTHORITY_NO_LONGER_NAMED).singleResult();
        assertThat(decide).isNotNull();
        String complete = engine("/task/" + decide.getId() + "/complete");
        String reason = AnnualReviewProcess.CONCERN_REASON.name();
        String decision = AnnualReviewProcess.CONCERN_DECISION.name();
        StateFingerprint before = fingerprint();

        // extra variables: the authority the subprocess is about, the membership, the review's outcome, a gateway's input
        for (String extra : List.of(AnnualReviewProcess.NO_LONGER_NAMED_AUTHORITY.name(), AnnualReviewProcess.MEMBERSHIP_ID.name(),
                AnnualReviewProcess.REVIEW_DECISION.name(), AnnualReviewProcess.AUTHORITIES_NO_LONGER_NAMED.name())) {
            assertRefused(as("hxcoord").postForEntity(complete, jsonBody(variables(Map.of(decision, "TELL_AUTHORITY",
                    reason, "The NBB should know", extra, "NBB"))), String.class), 400, "'" + extra + "' is not a field of the form");
        }
        assertRefused(as("hxcoord").postForEntity(engine("/task/" + decide.getId() + "/submit-form"), jsonBody(variables(Map.of(
                decision, "KEEP_INFORMED", reason, "Keep them", AnnualReviewProcess.NO_LONGER_NAMED_AUTHORITY.name(), "ECB"))),
                String.class), 400, "'" + AnnualReviewProcess.NO_LONGER_NAMED_AUTHORITY.name() + "'");
        // a forged decision: a choice the form does not offer, a value of another type, no reason
        assertRefused(as("hxcoord").postForEntity(complete, jsonBody(variables(Map.of(decision, "END_MEMBERSHIP",
                reason, "Forged"))), String.class), 400, decision);
        assertRefused(as("hxcoord").postForEntity(complete, jsonBody(variables(Map.of(decision, true, reason, "Forged"))),
                String.class), 400, decision);
        assertRefused(as("hxcoord").postForEntity(complete, jsonBody(variables(Map.of(decision, "TELL_AUTHORITY"))),
                String.class), 400, "Reason");
        // nor may a coordinator set the task's or the process's variables beside the form
        assertRefused(as("hxcoord").exchange(engine("/task/" + decide.getId() + "/variables/" + decision), HttpMethod.PUT,
                jsonBody("{\"value\":\"TELL_AUTHORITY\"}"), String.class), 403, null);
        assertRefused(as("hxcoord").exchange(engine("/process-instance/" + review + "/variables/"
                        + AnnualReviewProcess.NO_LONGER_NAMED_AUTHORITY.name()), HttpMethod.PUT,
                jsonBody("{\"value\":\"ECB\"}"), String.class), 403, null);

        assertUnchangedSince(before);
        assertThat(taskService.createTaskQuery().taskId(decide.getId()).count()).as("the decision is still open").isOne();

        // the legitimate way still works
        assertThat(as("hxcoord").postForEntity(complete, jsonBody(variables(Map.of(decision, "KEEP_INFORMED",
                reason, "The CCB asked to stay informed"))), String.class).getStatusCode().value()).isEqualTo(204);
    }

    // --- 15. a member steers its acceptance of revised rules by hand --------------------------------------------------

    @Test
    void aMemberAcceptsRevisedRulesOnlyThroughItsOwnTasksForm() throws Exception {
        Membership r = members.activeMember("REGSTD", "Hostile Rho Standards", Nis2Status.NOT_IN_SCOPE, null, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        members.representative(r, "hxrepr", PASSWORD);
        Membership s = members.activeMember("REGSTD", "Hostile Sigma Standards", Nis2Status.NOT_IN_SCOPE, null, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        members.representative(s, "hxreps", PASSWORD);
        assertThat(as("hxcoord").postForEntity("/api/arrangements/REGSTD/rules-revisions", jsonBody("{\"versionLabel\":\"7.0\","
                + "\"text\":\"1. Standards work is shared under TLP:AMBER.\",\"effectiveDate\":\""
                + LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(20) + "\",\"changeSummary\":\"TLP:AMBER\"}"),
                String.class).getStatusCode().value()).isEqualTo(201);
        Long version = jdbc.queryForObject("select id from rules_of_conduct_version where version_label = '7.0' and arrangement_id = "
                + "(select id from arrangement where code = 'REGSTD')", Long.class);
        var revision = runtimeService.createProcessInstanceQuery().processDefinitionKey(RulesRevisionProcess.KEY)
                .processInstanceBusinessKey(RulesRevisionProcess.businessKey(version)).singleResult();
        runJobs(revision.getId());
        String own = instanceOf(RulesAcceptanceProcess.KEY, r);
        String another = instanceOf(RulesAcceptanceProcess.KEY, s);
        runJobs(own);
        runJobs(another);
        Task accept = taskService.createTaskQuery().processInstanceId(own).singleResult();
        Task others = taskService.createTaskQuery().processInstanceId(another).singleResult();
        StateFingerprint before = fingerprint();

        // its task takes the form's one field, nothing that names another membership or version
        assertRefused(as("hxrepr").postForEntity(engine("/task/" + accept.getId() + "/complete"), jsonBody(variables(Map.of(
                RulesAcceptanceProcess.RULES_ACCEPTED.name(), true, RulesAcceptanceProcess.MEMBERSHIP_ID.name(), s.getId()))),
                String.class), 400, "'membershipId' is not a field of the form");
        assertRefused(as("hxrepr").postForEntity(engine("/task/" + accept.getId() + "/submit-form"), jsonBody(variables(Map.of(
                RulesAcceptanceProcess.RULES_ACCEPTED.name(), true, RulesAcceptanceProcess.RULES_VERSION_ID.name(), version + 1))),
                String.class), 400, "'rulesVersionId'");
        // no variables by hand, on the task or the instance
        assertRefused(as("hxrepr").exchange(engine("/task/" + accept.getId() + "/variables/" + RulesAcceptanceProcess.RULES_ACCEPTED.name()),
                HttpMethod.PUT, jsonBody("{\"value\":true,\"type\":\"Boolean\"}"), String.class), 403, "Refused");
        assertRefused(as("hxrepr").exchange(engine("/process-instance/" + own + "/variables/" + RulesAcceptanceProcess.RULES_VERSION_ID.name()),
                HttpMethod.PUT, jsonBody("{\"value\":" + (version + 1) + ",\"type\":\"Long\"}"), String.class), 403, null);
        // no start of its own acceptance (say, of an older version), no message that settles the revision
        assertRefused(as("hxrepr").postForEntity(engine("/process-definition/key/" + RulesAcceptanceProcess.KEY + "/start"),
                jsonBody("{\"businessKey\":\"" + r.getId() + "\",\"variables\":{\"rulesVersionId\":{\"value\":" + version
                        + ",\"type\":\"Long\"}}}"), String.class), 403, "only the product starts it");
        assertRefused(as("hxrepr").postForEntity(engine("/message"), jsonBody("{\"messageName\":\""
                + RulesRevisionProcess.MEMBERS_SETTLED_MESSAGE + "\",\"businessKey\":\""
                + RulesRevisionProcess.businessKey(version) + "\"}"), String.class), 403, null);
        // nor does it see or complete another organisation's acceptance
        assertThat(as("hxrepr").postForEntity(engine("/task/" + others.getId() + "/complete"), jsonBody(variables(Map.of(
                RulesAcceptanceProcess.RULES_ACCEPTED.name(), true))), String.class).getStatusCode().value()).isIn(403, 404);
        assertThat(json.readTree(as("hxrepr").getForEntity(engine("/task?processDefinitionKey=" + RulesAcceptanceProcess.KEY),
                String.class).getBody())).hasSize(1);

        assertUnchangedSince(before);

        // the legitimate way: its own task, the form's field
        assertThat(as("hxrepr").postForEntity(engine("/task/" + accept.getId() + "/complete"), jsonBody(variables(Map.of(
                RulesAcceptanceProcess.RULES_ACCEPTED.name(), true))), String.class).getStatusCode().value()).isEqualTo(204);
        runJobs(own);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(own).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from rules_acceptance where membership_id = ? and rules_version_id = ?",
                Integer.class, r.getId(), version)).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(revision.getId()).count()).isOne();
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A fresh applicant whose representative (this user) must now accept the rules of conduct. */
    private Membership applicantAtRulesAcceptance(String name, String representative) {
        Membership m = apply(Applications.publicBody("GRC", name));
        users.user(representative, PASSWORD, m.getOrganisation().getRepresentativesGroup().orElseThrow());
        complete(m, OnboardingProcess.TASK_VET_APPLICATION, Map.of(OnboardingProcess.VETTING_DECISION.name(), "APPROVE"));
        assertThat(openTask(m, OnboardingProcess.TASK_ACCEPT_RULES)).isNotNull();
        return m;
    }

    private Membership apply(ApplicationRequest request) {
        return onboardings.apply("hxcoord", request);
    }

    private void complete(Membership m, String taskKey, Map<String, Object> variables) {
        onboardings.complete(m.getProcessInstanceId(), taskKey, variables);
    }

    private Task openTask(Membership m, String taskKey) {
        return onboardings.openTask(m.getProcessInstanceId(), taskKey);
    }

    private void runJobs(String processInstanceId) {
        onboardings.runJobs(processInstanceId);
    }

    private String instanceOf(String key, Membership m) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult().getId();
    }

    private MembershipStatus status(Membership m) {
        return tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getStatus());
    }

    private StateFingerprint fingerprint() {
        return StateFingerprint.of(jdbc, outbox);
    }

    private void assertUnchangedSince(StateFingerprint before) {
        assertThat(before.differencesTo(fingerprint())).as("state changed by a refused request").isEmpty();
    }

    private static void assertRefused(ResponseEntity<String> response, int status, String message) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        if (message != null) {
            assertThat(response.getBody()).contains(message);
        }
    }

    /** A problem+json refusal of our API that names the field. */
    private void assertField(ResponseEntity<String> response, String field) throws IOException {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode errors = json.readTree(response.getBody()).path("errors");
        assertThat(StreamSupport.stream(errors.spliterator(), false).map(e -> e.path("field").asText()).toList())
                .as(response.getBody()).contains(field);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    private static String engine(String path) {
        return "/engine-rest" + path;
    }

    private String variables(Map<String, Object> values) {
        try {
            Map<String, Object> wrapped = new java.util.LinkedHashMap<>();
            values.forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
            return json.writeValueAsString(Map.of("variables", wrapped));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> attach(String user, String taskId, String url) throws Exception {
        String boundary = "----attach";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n"
                + "Content-Type: text/plain\r\n\r\nSee this\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"url\"\r\nContent-Type: text/plain\r\n\r\n" + url + "\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/task/" + taskId + "/attachment/create"))
                .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP Basic request to our API sent from this loopback address, as a client on another machine would. */
    private int httpStatusFrom(String clientAddress, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(clientAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/arrangements HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            return Integer.parseInt(statusLine.toString().split(" ")[1]);
        }
    }
}
