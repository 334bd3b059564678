package eu.infosharing.governance.cessation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.engine.SubmissionRefused;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.membership.StatusChange;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.privacy.ErasureRun;
import eu.infosharing.governance.privacy.ErasureRunRepository;
import eu.infosharing.governance.privacy.PersonalDataEraser;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.ReadableDates;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import eu.infosharing.governance.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks every path of bpmn/membership-cessation.bpmn: each way in, each breach decision, a cancelled withdrawal, a
 * moved effective date, late and chased destruction confirmations, and the erasure of personal data after retention.
 * The notifications it hands over to are walked by AuthorityNotificationProcessTest.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "governance.test.coverage-excluded=" + NotificationProcess.KEY + "," + AnnualReviewProcess.KEY)
class MembershipCessationProcessTest extends ProcessTestSupport {

    private static final String PASSWORD = "Cessation-Test-Secret-1";
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    CessationService cessations;
    @Autowired
    CessationQueries cessationQueries;
    @Autowired
    CessationRepository cessationRepository;
    @Autowired
    ErasureRunRepository erasureRuns;
    @Autowired
    PersonalDataEraser eraser;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    AuthorityNotificationRepository notifications;
    @Autowired
    ArrangementAccess access;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    eu.infosharing.governance.revision.AnnualReviewService annualReviews;

    // --- withdrawal, to the end ------------------------------------------------------------------------------------

    @Test
    void withdrawalTakesEffectAfterTheNoticePeriodThenNotifiesRevokesAccessAndErasesContactsAfterRetention() {
        Membership m = member("Leaving Power", Nis2Status.ESSENTIAL, null);
        String rep = representative(m, "leavingrep");
        String contactName = m.getOrganisation().getContacts().get(0).getName();
        String contactEmail = m.getOrganisation().getContacts().get(0).getEmail();

        actAs(rep, group(m));
        Cessation c = cessations.request(m.getId(), new CessationService.Request(null, "We merge our SOC into our parent's", null, null));
        identityService.clearAuthentication();
        LocalDate effective = LocalDate.now(BRUSSELS).plusMonths(1);
        assertThat(c.getKind()).isEqualTo(Cessation.Kind.WITHDRAWAL);
        assertThat(c.getEffectiveDate()).as("the arrangement's notice period of one month").isEqualTo(effective);
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.CESSATION_PENDING);
        // the member's status page shows this reason: its date reads as people write it, not 2026-12-30
        assertThat(reasonOf(m, MembershipStatus.CESSATION_PENDING)).isEqualTo("Withdrawal: We merge our SOC into our parent's"
                + " (takes effect on " + ReadableDates.in(BRUSSELS).date(effective) + ")");
        ProcessInstance pi = instance(c);
        runJobs(pi.getId());
        assertThat(pi).isWaitingAt(CessationProcess.EVENT_GATEWAY_AWAIT_EFFECT);
        assertThat(timer(pi, CessationProcess.TIMER_CATCH_EFFECTIVE_DATE).getDuedate()).isEqualTo(startOf(effective));
        // a second cessation for the same membership is refused
        actAs(rep, group(m));
        assertThatThrownBy(() -> cessations.request(m.getId(), new CessationService.Request(null, "Again", null, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("one cessation at a time");
        identityService.clearAuthentication();
        // nothing is notified before the cessation takes effect
        assertThat(cessationNotifications(m)).isEmpty();
        assertThat(access.members(m.getArrangement())).contains(rep);

        fireTimer(pi.getId(), CessationProcess.TIMER_CATCH_EFFECTIVE_DATE);

        assertThat(statusOf(m)).isEqualTo(MembershipStatus.CEASED);
        assertThat(access.members(m.getArrangement())).doesNotContain(rep);
        assertThat(cessationNotifications(m)).singleElement().satisfies(n -> {
            assertThat(n.getAuthorityCode()).isEqualTo("CCB");
            assertThat(n.getEffectiveDate()).isEqualTo(effective);
        });
        List<ProcessInstance> children = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
        assertThat(children).hasSize(1);

        // the member is asked to destroy what it received, reminded, and late: a coordinator follows up
        Task confirm = openTask(pi.getId(), CessationProcess.TASK_CONFIRM_DESTRUCTION);
        assertThat(confirm.getName()).isEqualTo("Confirm destruction of shared information: Leaving Power, CIDR");
        fireTimer(pi.getId(), CessationProcess.BOUNDARY_EVENT_DESTRUCTION_REMINDER);
        fireTimer(pi.getId(), CessationProcess.BOUNDARY_EVENT_DESTRUCTION_OVERDUE);
        assertThat(openTask(pi.getId(), CessationProcess.TASK_FOLLOW_UP_DESTRUCTION).getPriority()).isEqualTo(eu.infosharing.governance.engine.OverdueTaskPriority.OVERDUE);
        actAs(rep, group(m));
        assertThatThrownBy(() -> taskService.complete(confirm.getId(), Map.of(CessationProcess.DESTRUCTION_CONFIRMED.name(), false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("TLP:AMBER");
        taskService.complete(confirm.getId(), Map.of(CessationProcess.DESTRUCTION_CONFIRMED.name(), true, CessationProcess.DESTRUCTION_STATEMENT.name(), "Wiped MISP and mailboxes"));
        identityService.clearAuthentication();
        // the late confirmation closes the coordinator's follow-up too
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(cessationRepository.findById(c.getId()).orElseThrow().getDestructionConfirmedBy()).isEqualTo(rep);

        // the authority is notified (the notification's own process is tested elsewhere); then retention runs
        children.forEach(child -> runJobs(child.getId()));
        runJobs(pi.getId());
        assertThat(pi).isWaitingAt(CessationProcess.TIMER_CATCH_RETENTION_ENDS);
        assertThat(contactStrings(contactName, contactEmail)).as("contacts are kept during retention").isNotEmpty();
        // the forms showed the contacts without the engine ever holding them (ADR 10): nothing there to erase
        assertThat(historicVariablesHolding(m, contactName, contactEmail)).isEmpty();

        fireTimer(pi.getId(), CessationProcess.TIMER_CATCH_RETENTION_ENDS);

        assertThat(pi).isEnded().hasPassed(CessationProcess.SERVICE_TASK_ERASE_PERSONAL_DATA, CessationProcess.END_EVENT_MEMBERSHIP_CLOSED);
        assertThat(contactStrings(contactName, contactEmail)).as("no table holds the contact's name or e-mail").isEmpty();
        assertThat(historicVariablesHolding(m, contactName, contactEmail)).isEmpty();
        assertThat(erasureRuns.findByOrganisationIdOrderByRanAtAscIdAsc(m.getOrganisation().getId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.getOutcome()).isEqualTo(ErasureRun.Outcome.ERASED);
                    assertThat(r.getVariablesErased()).isZero();
                });
        // the timeline stays readable: who decided what, when
        assertThat(reload(m).getHistory()).extracting(StatusChange::getToStatus)
                .containsSubsequence(MembershipStatus.ACTIVE, MembershipStatus.CESSATION_PENDING, MembershipStatus.CEASED);
        assertThat(reload(m).getHistory()).extracting(StatusChange::getActor).contains(rep);
    }

    @Test
    void erasureSkipsAnOrganisationThatIsStillAMemberElsewhere() {
        Membership m = member("Two Groups Energy", Nis2Status.NOT_IN_SCOPE, null);
        members.activeMembership(m.getOrganisation(), "OTICS");
        ErasureRun run = eraser.erase(m.getId());
        assertThat(run.getOutcome()).isEqualTo(ErasureRun.Outcome.SKIPPED);
        assertThat(contactStrings(m.getOrganisation().getContacts().get(0).getEmail())).isNotEmpty();
    }

    // --- withdrawal cancelled, date moved ----------------------------------------------------------------------------

    @Test
    void memberCancelsItsWithdrawalBeforeItTakesEffect() {
        Membership m = member("Second Thoughts", Nis2Status.NOT_IN_SCOPE, null);
        String rep = representative(m, "thoughtsrep");
        actAs(rep, group(m));
        LocalDate requested = LocalDate.now(BRUSSELS).plusMonths(3);
        Cessation c = cessations.request(m.getId(), new CessationService.Request("WITHDRAWAL", "Budget cuts", null, requested.toString()));
        assertThat(c.getEffectiveDate()).as("a requested date later than the notice period").isEqualTo(requested);
        identityService.clearAuthentication();
        ProcessInstance pi = instance(c);
        runJobs(pi.getId());

        actAs(rep, group(m));
        cessations.cancelWithdrawal(m.getId());
        assertThatThrownBy(() -> cessations.cancelWithdrawal(m.getId())).isInstanceOf(ConflictException.class);
        identityService.clearAuthentication();

        assertThat(pi).isEnded().hasPassed(CessationProcess.MESSAGE_CATCH_WITHDRAWAL_CANCELLED, CessationProcess.END_EVENT_WITHDRAWAL_CANCELLED);
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(cessationRepository.findById(c.getId()).orElseThrow().getStatus()).isEqualTo(Cessation.Status.CANCELLED);
    }

    @Test
    void movingTheEffectiveDateMovesTheTimerAndIsRecorded() {
        Membership m = member("Moving Date Grid", Nis2Status.NOT_IN_SCOPE, null);
        String rep = representative(m, "movingrep");
        actAs(rep, group(m));
        Cessation c = cessations.request(m.getId(), new CessationService.Request(null, "Leaving", null, null));
        identityService.clearAuthentication();
        ProcessInstance pi = instance(c);
        runJobs(pi.getId());
        actAs(rep, group(m));
        // the member may not shorten its notice period
        assertThatThrownBy(() -> cessations.moveEffectiveDate(m.getId(), LocalDate.now(BRUSSELS).plusDays(3).toString(), "sooner"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("notice period");
        LocalDate later = LocalDate.now(BRUSSELS).plusMonths(2);
        cessations.moveEffectiveDate(m.getId(), later.toString(), "Our contract ends later");
        identityService.clearAuthentication();
        assertThat(timer(pi, CessationProcess.TIMER_CATCH_EFFECTIVE_DATE).getDuedate()).isEqualTo(startOf(later));

        // a coordinator brings it to today: it takes effect now
        actAs("coordinator", Roles.COORDINATORS);
        cessations.moveEffectiveDate(m.getId(), LocalDate.now(BRUSSELS).toString(), "Agreed with the member");
        identityService.clearAuthentication();
        runJobs(pi.getId());
        assertThat(pi).hasPassed(CessationProcess.MESSAGE_CATCH_DATE_MOVED, CessationProcess.SERVICE_TASK_TAKE_EFFECT);
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.CEASED);
        assertThat(cessationRepository.findById(c.getId()).orElseThrow().getEffectiveDate()).isEqualTo(LocalDate.now(BRUSSELS));
        assertThat(cessationQueries.dateChanges(c)).extracting(CessationDateChange::getChangedBy).containsExactly(rep, "coordinator");
    }

    // --- breach -------------------------------------------------------------------------------------------------------

    @Test
    void breachHeardThenWarningKeepsTheMembership() {
        Membership m = member("Chatty Bank", Nis2Status.ESSENTIAL, DoraEntityType.A);
        String rep = representative(m, "chattyrep");
        Cessation c = breach(m);
        ProcessInstance pi = instance(c);
        runJobs(pi.getId());
        Task respond = openTask(pi.getId(), CessationProcess.TASK_RESPOND_TO_BREACH);
        // heard for 14 days by default, as long as the timer waits (ChangedSettingsProcessTest changes it)
        assertThat(respond.getDueDate()).isCloseTo(timer(pi, CessationProcess.BOUNDARY_EVENT_NO_RESPONSE).getDuedate(), 60_000)
                .isCloseTo(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14))), 3_600_000);
        assertThat(taskService.getIdentityLinksForTask(respond.getId())).extracting(l -> l.getGroupId()).containsExactly(group(m));
        actAs(rep, group(m));
        assertThatThrownBy(() -> taskService.complete(respond.getId(), Map.of())).isInstanceOf(FormFieldValidationException.class);
        taskService.complete(respond.getId(), Map.of(CessationProcess.BREACH_RESPONSE.name(), "An analyst forwarded it by mistake; access removed"));
        identityService.clearAuthentication();
        runJobs(pi.getId());

        decide(pi, "WARNING", "First incident, handled quickly");
        assertThat(pi).isEnded().hasPassed(CessationProcess.END_EVENT_MEMBER_WARNED);
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.ACTIVE);
        Cessation decided = cessationRepository.findById(c.getId()).orElseThrow();
        assertThat(decided.getStatus()).isEqualTo(Cessation.Status.WARNED);
        assertThat(decided.getMemberResponse()).contains("by mistake");
        assertThat(decided.getDecidedBy()).isEqualTo("coordinator");
        assertThat(cessationNotifications(m)).isEmpty();
    }

    @Test
    void breachWithoutResponseIn14DaysEndsInASuspensionThatPausesAccess() {
        Membership m = member("Silent Leaker", Nis2Status.ESSENTIAL, null);
        String rep = representative(m, "silentrep");
        ProcessInstance pi = instance(breach(m));
        runJobs(pi.getId());
        fireTimer(pi.getId(), CessationProcess.BOUNDARY_EVENT_NO_RESPONSE);

        Task decide = openTask(pi.getId(), CessationProcess.TASK_DECIDE_ON_BREACH);
        assertThat(shownOn(decide.getId(), TaskDisplay.MEMBER_RESPONSE)).isEqualTo("No response");
        decide(pi, "SUSPENSION", "No answer to a TLP:RED leak");
        assertThat(pi).isEnded().hasPassed(CessationProcess.END_EVENT_MEMBERSHIP_SUSPENDED);
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(access.members(m.getArrangement())).doesNotContain(rep);
    }

    @Test
    void expulsionTakesEffectAtOnceAndAChasedMemberStillConfirmsDestruction() {
        Membership m = member("Expelled Bank", Nis2Status.NOT_IN_SCOPE, DoraEntityType.A);
        String rep = representative(m, "expelledrep");
        ProcessInstance pi = instance(breach(m));
        runJobs(pi.getId());
        actAs(rep, group(m));
        taskService.complete(openTask(pi.getId(), CessationProcess.TASK_RESPOND_TO_BREACH).getId(), Map.of(CessationProcess.BREACH_RESPONSE.name(), "We disagree"));
        identityService.clearAuthentication();
        runJobs(pi.getId());
        decide(pi, "EXPULSION", "TLP:RED report published on a public blog");

        assertThat(statusOf(m)).isEqualTo(MembershipStatus.CEASED);
        assertThat(reasonOf(m, MembershipStatus.CESSATION_PENDING)).isEqualTo("Expelled after a breach: TLP:RED report "
                + "published on a public blog (takes effect on " + ReadableDates.in(BRUSSELS).date(LocalDate.now(BRUSSELS)) + ")");
        assertThat(cessationNotifications(m)).extracting(AuthorityNotification::getAuthorityCode).containsExactly("NBB");
        fireTimer(pi.getId(), CessationProcess.BOUNDARY_EVENT_DESTRUCTION_OVERDUE);
        actAs("coordinator", Roles.COORDINATORS);
        Task followUp = openTask(pi.getId(), CessationProcess.TASK_FOLLOW_UP_DESTRUCTION);
        assertThatThrownBy(() -> taskService.complete(followUp.getId(), Map.of())).isInstanceOf(FormFieldValidationException.class);
        taskService.complete(followUp.getId(), Map.of(CessationProcess.FOLLOW_UP_NOTE.name(), "Called their CISO"));
        identityService.clearAuthentication();
        assertThat(pi).hasPassed(CessationProcess.END_EVENT_DESTRUCTION_CHASED);
        actAs(rep, group(m));
        taskService.complete(openTask(pi.getId(), CessationProcess.TASK_CONFIRM_DESTRUCTION).getId(), Map.of(CessationProcess.DESTRUCTION_CONFIRMED.name(), true));
        identityService.clearAuthentication();
        assertThat(pi).hasPassed(CessationProcess.END_EVENT_DESTRUCTION_CONFIRMED).isWaitingAt(CessationProcess.CALL_ACTIVITY_NOTIFY_CESSATION);
    }

    // --- lapse, ceased, ineligible; who may do what ---------------------------------------------------------------------

    @Test
    void lapseStartedByAnotherProcessTakesEffectOnItsDateAndOpenWorkIsCancelled() {
        Membership m = member("Forgetful Grid", Nis2Status.NOT_IN_SCOPE, null);
        // open work of the membership: its yearly review waits for the anniversary
        annualReviews.schedule(tx.execute(s -> memberships.findById(m.getId()).orElseThrow()));
        ProcessInstance open = runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult();
        // a notification still owed to an authority is not open work of the membership: it outlives the cessation
        ProcessInstance owed = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY,
                String.valueOf(m.getId()), Map.of(NotificationProcess.REFERENCE.name(), "none"));
        Cessation c = cessations.request(m.getId(), new CessationService.Request("LAPSE", "Rules 2.0 not accepted", null, null));
        ProcessInstance pi = instance(c);
        runJobs(pi.getId());
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.CEASED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(open.getId()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(open.getId()).singleResult()
                .getDeleteReason()).startsWith("Membership ceased: Lapse");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(owed.getId()).count()).isEqualTo(1);
    }

    @Test
    void coordinatorRecordsThatTheOrganisationCeasedFromTheTasklistStartForm() {
        Membership m = member("Dissolved Energy", Nis2Status.NOT_IN_SCOPE, null);
        actAs("coordinator", Roles.COORDINATORS);
        Map<String, Object> wrong = new HashMap<>(Map.of(CessationProcess.MEMBERSHIP_ID.name(), "abc", CessationProcess.REASON.name(), "x"));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CessationProcess.KEY, wrong))
                .isInstanceOf(SubmissionRefused.class).hasMessageContaining("'membershipId' must be a whole number");
        Map<String, Object> form = new HashMap<>(Map.of(CessationProcess.MEMBERSHIP_ID.name(), m.getId(), CessationProcess.CESSATION_KIND.name(), "ORGANISATION_CEASED",
                CessationProcess.REASON.name(), "Struck off the Crossroads Bank for Enterprises"));
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(CessationProcess.KEY, form);
        identityService.clearAuthentication();
        runJobs(pi.getId());
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.CEASED);
        assertThat(cessationRepository.findByMembershipIdOrderByRequestedAtAscIdAsc(m.getId()))
                .extracting(Cessation::getKind).containsExactly(Cessation.Kind.ORGANISATION_CEASED);
    }

    @Test
    void theApiAnswersBadRequestsClearlyAndChangesNothing() throws Exception {
        Membership m = member("Api Leaver", Nis2Status.NOT_IN_SCOPE, null);
        String rep = representative(m, "apileaver");
        Membership other = member("Api Bystander", Nis2Status.NOT_IN_SCOPE, null);
        users.user("apibystander", PASSWORD, group(other));
        users.user("apicessationcoordinator", PASSWORD, Roles.COORDINATORS);

        mvc.perform(post("/api/memberships/999999/withdrawal").with(httpBasic(rep, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/memberships/" + m.getId() + "/withdrawal").with(httpBasic("apibystander", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/memberships/" + m.getId() + "/withdrawal").with(httpBasic(rep, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\",\"requestedDate\":\"2020-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'requestedDate')].message").value("cannot be in the past"));
        mvc.perform(post("/api/memberships/" + m.getId() + "/cessations").with(httpBasic(rep, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BREACH\",\"reason\":\"x\",\"evidence\":\"y\"}"))
                .andExpect(status().isForbidden());
        assertThat(statusOf(m)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(cessationRepository.findByMembershipIdOrderByRequestedAtAscIdAsc(m.getId())).isEmpty();

        mvc.perform(post("/api/memberships/" + m.getId() + "/withdrawal").with(httpBasic(rep, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Leaving\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(post("/api/memberships/" + m.getId() + "/withdrawal").with(httpBasic(rep, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Leaving again\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/memberships/" + m.getId() + "/cessations").with(httpBasic(rep, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));

        // a membership not active yet, and one that has ended
        Membership pending = tx.execute(s -> memberships.save(new Membership(
                memberships.findById(other.getId()).orElseThrow().getOrganisation(),
                memberships.findById(m.getId()).orElseThrow().getArrangement(), null, "test")));
        mvc.perform(post("/api/memberships/" + pending.getId() + "/withdrawal").with(httpBasic("apibystander", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not active yet")));
        Cessation ineligible = cessations.request(other.getId(), new CessationService.Request("INELIGIBLE", "No longer an operator of essential services", null, null));
        runJobs(ineligible.getProcessInstanceId());
        mvc.perform(post("/api/memberships/" + other.getId() + "/withdrawal").with(httpBasic("apibystander", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already ended")));
        mvc.perform(post("/api/memberships/" + other.getId() + "/cessations").with(httpBasic("apicessationcoordinator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"EVAPORATED\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------------

    private Membership member(String name, Nis2Status nis2, DoraEntityType dora) {
        return members.activeMember("CIDR", name, nis2, nis2 == Nis2Status.NOT_IN_SCOPE ? null : Nis2Sector.ENERGY, dora,
                Language.en, NotificationMode.SEND_ON_BEHALF);
    }

    /** A representative of the member, with access to the arrangement. */
    private String representative(Membership m, String user) {
        return members.representative(m, user, PASSWORD);
    }

    private Cessation breach(Membership m) {
        actAs("coordinator", Roles.COORDINATORS);
        try {
            assertThatThrownBy(() -> cessations.request(m.getId(), new CessationService.Request("BREACH", "TLP:RED leak", null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Evidence");
            return cessations.request(m.getId(), new CessationService.Request("BREACH", "TLP:RED report shared outside the group",
                    "Report CIDR-2026-114 found on a vendor's mailing list on 2026-11-20", null));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void decide(ProcessInstance pi, String decision, String reason) {
        actAs("coordinator", Roles.COORDINATORS);
        Task task = openTask(pi.getId(), CessationProcess.TASK_DECIDE_ON_BREACH);
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(CessationProcess.BREACH_DECISION.name(), decision)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Reason");
        taskService.complete(task.getId(), Map.of(CessationProcess.BREACH_DECISION.name(), decision, CessationProcess.BREACH_DECISION_REASON.name(), reason));
        identityService.clearAuthentication();
        runJobs(pi.getId());
    }

    private String group(Membership m) {
        return m.getOrganisation().getRepresentativesGroup().orElseThrow();
    }

    private ProcessInstance instance(Cessation c) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private static Date startOf(LocalDate date) {
        return Date.from(date.atStartOfDay(BRUSSELS).toInstant());
    }

    private MembershipStatus statusOf(Membership m) {
        return reload(m).getStatus();
    }

    /** The reason recorded with the membership's change to this status (the status page shows it). */
    private String reasonOf(Membership m, MembershipStatus status) {
        return reload(m).getHistory().stream().filter(h -> h.getToStatus() == status).map(StatusChange::getReason)
                .findFirst().orElseThrow();
    }

    private Membership reload(Membership m) {
        return tx.execute(s -> {
            Membership r = memberships.findById(m.getId()).orElseThrow();
            r.getHistory().size();
            return r;
        });
    }

    private List<AuthorityNotification> cessationNotifications(Membership m) {
        return notifications.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                .filter(n -> n.getEvent() == NotificationEvent.CESSATION).toList();
    }

    /** Every text column of every table (ours and the engine's), and the engine's byte arrays, that hold a string. */
    private List<String> contactStrings(String... needles) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'PUBLIC' and data_type in ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'CHARACTER')""");
        for (Map<String, Object> col : columns) {
            for (String needle : needles) {
                Integer hits = jdbc.queryForObject("select count(*) from \"" + col.get("TABLE_NAME") + "\" where lower(cast(\""
                        + col.get("COLUMN_NAME") + "\" as varchar)) like ?", Integer.class, "%" + needle.toLowerCase() + "%");
                if (hits != null && hits > 0) {
                    found.add(col.get("TABLE_NAME") + "." + col.get("COLUMN_NAME") + " holds " + needle);
                }
            }
        }
        for (byte[] bytes : jdbc.queryForList("select BYTES_ from ACT_GE_BYTEARRAY where BYTES_ is not null", byte[].class)) {
            String text = new String(bytes, StandardCharsets.UTF_8).toLowerCase();
            for (String needle : needles) {
                if (text.contains(needle.toLowerCase())) {
                    found.add("ACT_GE_BYTEARRAY holds " + needle);
                }
            }
        }
        return found;
    }

    private List<String> historicVariablesHolding(Membership m, String... needles) {
        List<String> found = new ArrayList<>();
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(m.getId())).list()
                .forEach(pi -> historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                        .disableCustomObjectDeserialization().list().forEach(v -> {
                            for (String needle : needles) {
                                Object value = v.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.SerializableValue sv
                                        ? sv.getValueSerialized() : v.getValue();
                                if (String.valueOf(value).contains(needle)) {
                                    found.add(v.getName());
                                }
                            }
                        }));
        return found;
    }
}
