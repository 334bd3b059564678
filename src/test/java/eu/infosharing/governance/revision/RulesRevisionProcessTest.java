package eu.infosharing.governance.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.onboarding.RulesAcceptance;
import eu.infosharing.governance.onboarding.RulesAcceptanceRepository;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.process.RulesRevisionProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks every path of bpmn/rules-revision.bpmn and bpmn/rules-acceptance.bpmn: three members of one arrangement, asked
 * in two batches, each in a rules-acceptance instance of its own: one accepts in time, one late while suspended and is
 * reinstated, one never and lapses into the exit lifecycle (walked by its own test). Then the batches' retry, the last
 * two members settling at the same moment, and a revision with nobody to ask.
 */
@TestPropertySource(properties = {"governance.test.coverage-excluded=" + CessationProcess.KEY + "," + NotificationProcess.KEY,
        "governance.revision.batch-size=2"})
class RulesRevisionProcessTest extends ProcessTestSupport {

    private static final String PASSWORD = "Revision-Test-Secret-1";

    @Autowired
    RulesRevisionService revisions;
    @Autowired
    RulesAcceptanceRepository acceptances;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    ArrangementRepository arrangements;
    @Autowired
    ArrangementAccess access;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    eu.infosharing.governance.audit.DashboardController dashboard;

    /** Each test asks only its own members: those of an earlier test have left the arrangement. */
    @BeforeEach
    void noEarlierMembers() {
        jdbc.update("update membership set status = 'CEASED' where status in ('ACTIVE', 'SUSPENDED') and arrangement_id = "
                + "(select id from arrangement where code = 'CRYPTO')");
    }

    @Test
    void acceptInTimeLateAcceptanceDuringSuspensionAndLapse() {
        Membership prompt = member("Prompt Crypto Lab", "promptrep");
        Membership late = member("Late Crypto Lab", "laterep");
        Membership silent = member("Silent Crypto Lab", "silentcryptorep");

        // only coordinators publish, with a text, a summary and a future date
        actAs("promptrep", group(prompt));
        assertThatThrownBy(() -> revisions.publish("CRYPTO", publication("2.0", LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(20))))
                .isInstanceOf(ForbiddenException.class);
        actAs("coordinator", Roles.COORDINATORS);
        assertThatThrownBy(() -> revisions.publish("CRYPTO", new RulesRevisionService.Publication("2.0", "", "2020-01-01", "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Text of the rules").hasMessageContaining("Summary of changes").hasMessageContaining("future");
        RulesOfConductVersion v = revisions.publish("CRYPTO", publication("2.0", LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(20)));
        identityService.clearAuthentication();

        // two batches (of two and one), each its own job; then one root instance per member, keyed by its membership
        ProcessInstance pi = revision(v);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).messages().count())
                .as(jdbc.queryForList("select * from rules_acceptance_request where rules_version_id = ?", v.getId()).toString()).isEqualTo(2);
        runJobs(pi.getId());
        assertThat(pi).isWaitingAt(RulesRevisionProcess.MESSAGE_CATCH_MEMBERS_SETTLED, RulesRevisionProcess.TIMER_CATCH_RULES_EFFECTIVE);
        ProcessInstance promptAcceptance = acceptance(v, prompt);
        ProcessInstance lateAcceptance = acceptance(v, late);
        ProcessInstance silentAcceptance = acceptance(v, silent);
        assertThat(promptAcceptance.getRootProcessInstanceId()).isEqualTo(promptAcceptance.getId());
        Task promptTask = task(promptAcceptance, prompt, RulesAcceptanceProcess.TASK_ACCEPT_REVISION);
        assertThat(promptTask.getName()).isEqualTo("Accept the revised rules of conduct: Prompt Crypto Lab, CRYPTO");
        assertThat(shownOn(promptTask.getId(), TaskDisplay.CHANGE_SUMMARY)).isEqualTo("TLP 2.0 labels; breach procedure");
        task(lateAcceptance, late, RulesAcceptanceProcess.TASK_ACCEPT_REVISION);
        task(silentAcceptance, silent, RulesAcceptanceProcess.TASK_ACCEPT_REVISION);

        // a reminder as the date nears
        fireTimer(promptAcceptance.getId(), RulesAcceptanceProcess.BOUNDARY_EVENT_REVISION_REMINDER);
        assertThat(promptAcceptance).hasPassed(RulesAcceptanceProcess.SERVICE_TASK_REMIND_REVISION, RulesAcceptanceProcess.END_EVENT_REVISION_REMINDED);

        // accepted in time, with the version and the person recorded; the others have not settled, so the revision waits
        actAs("promptrep", group(prompt));
        assertThatThrownBy(() -> taskService.complete(promptTask.getId(), Map.of(RulesAcceptanceProcess.RULES_ACCEPTED.name(), false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Acceptance");
        taskService.complete(promptTask.getId(), Map.of(RulesAcceptanceProcess.RULES_ACCEPTED.name(), true));
        identityService.clearAuthentication();
        runJobs(promptAcceptance.getId());
        assertThat(promptAcceptance).isEnded().hasPassed(RulesAcceptanceProcess.END_EVENT_ACCEPTED);
        assertThat(acceptances.findByMembershipIdOrderByAcceptedAtAsc(prompt.getId())).extracting(
                a -> a.getRulesVersion().getVersionLabel(), RulesAcceptance::getAcceptedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2.0", "promptrep"));
        assertThat(pi).isWaitingAt(RulesRevisionProcess.MESSAGE_CATCH_MEMBERS_SETTLED);

        // the effective date: the rules take effect; the two that did not accept are suspended
        fireTimer(lateAcceptance.getId(), RulesAcceptanceProcess.BOUNDARY_EVENT_NOT_ACCEPTED_IN_TIME);
        fireTimer(silentAcceptance.getId(), RulesAcceptanceProcess.BOUNDARY_EVENT_NOT_ACCEPTED_IN_TIME);
        fireTimer(pi.getId(), RulesRevisionProcess.TIMER_CATCH_RULES_EFFECTIVE);
        String current = tx.execute(s -> arrangements.findByCode("CRYPTO").orElseThrow().getCurrentRules().getVersionLabel());
        assertThat(current).isEqualTo("2.0");
        assertThat(status(prompt)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(status(late)).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(status(silent)).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(access.members(prompt.getArrangement())).contains("promptrep").doesNotContain("laterep", "silentcryptorep");
        assertThat(pi).isWaitingAt(RulesRevisionProcess.MESSAGE_CATCH_MEMBERS_SETTLED).hasPassed(RulesRevisionProcess.SERVICE_TASK_ADOPT_RULES);

        // the coordinators see both suspensions in one place; a member does not see that place at all
        actAs("coordinator", Roles.COORDINATORS);
        assertThat(dashboard.dashboard().suspendedUntilAccepted()).extracting(t -> t.name())
                .contains("Accept the revised rules of conduct (suspended): Late Crypto Lab, CRYPTO",
                        "Accept the revised rules of conduct (suspended): Silent Crypto Lab, CRYPTO");
        actAs("laterep", group(late));
        assertThatThrownBy(() -> dashboard.dashboard()).isInstanceOf(ForbiddenException.class);
        identityService.clearAuthentication();

        // accepted late: reinstated, with access again
        Task lateTask = task(lateAcceptance, late, RulesAcceptanceProcess.TASK_ACCEPT_REVISION_LATE);
        // the suspended member's task is due when the final period ends and the membership would lapse
        assertThat(lateTask.getDueDate()).isCloseTo(managementService.createJobQuery().processInstanceId(lateAcceptance.getId())
                .activityId(RulesAcceptanceProcess.BOUNDARY_EVENT_FINAL_PERIOD_OVER).singleResult().getDuedate(), 60_000);
        actAs("laterep", group(late));
        taskService.complete(lateTask.getId(), Map.of(RulesAcceptanceProcess.RULES_ACCEPTED.name(), true));
        identityService.clearAuthentication();
        runJobs(lateAcceptance.getId());
        assertThat(status(late)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(access.members(late.getArrangement())).contains("laterep");
        List<MembershipStatus> lateHistory = tx.execute(s -> memberships.findById(late.getId()).orElseThrow().getHistory().stream()
                .map(h -> h.getToStatus()).toList());
        assertThat(lateHistory).containsSubsequence(MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED, MembershipStatus.ACTIVE);
        assertThat(pi).isWaitingAt(RulesRevisionProcess.MESSAGE_CATCH_MEMBERS_SETTLED);

        // never accepted: the final period ends and the membership lapses into the exit lifecycle; the last to settle
        fireTimer(silentAcceptance.getId(), RulesAcceptanceProcess.BOUNDARY_EVENT_FINAL_PERIOD_OVER);
        assertThat(status(silent)).isEqualTo(MembershipStatus.CESSATION_PENDING);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CessationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(silent.getId())).count()).isEqualTo(1);

        runJobs(pi.getId());
        assertThat(lateAcceptance).isEnded().hasPassed(RulesAcceptanceProcess.SERVICE_TASK_SUSPEND_MEMBER, RulesAcceptanceProcess.END_EVENT_REINSTATED);
        assertThat(silentAcceptance).isEnded().hasPassed(RulesAcceptanceProcess.SERVICE_TASK_LAPSE, RulesAcceptanceProcess.END_EVENT_LAPSED);
        assertThat(pi).isEnded().hasPassed(RulesRevisionProcess.MESSAGE_CATCH_MEMBERS_SETTLED, RulesRevisionProcess.END_EVENT_REVISION_SETTLED);
    }

    @Test
    void aBatchRetriedAfterAFailureAsksEachMemberOnce() {
        Membership first = member("Retry Crypto One", "retryrep1");
        Membership second = member("Retry Crypto Two", "retryrep2");
        RulesOfConductVersion v = publish("3.0");
        ProcessInstance pi = revision(v);
        Job batch = managementService.createJobQuery().processInstanceId(pi.getId()).messages().singleResult();

        // the batch fails at its second member (the database refuses to record it): its transaction rolls back whole,
        // the first member's instance with it
        jdbc.execute("alter table rules_acceptance_request add constraint revision_test_failure check (membership_id <> "
                + second.getId() + " or process_instance_id is null)");
        try {
            assertThatThrownBy(() -> managementService.executeJob(batch.getId())).hasStackTraceContaining("REVISION_TEST_FAILURE");
        } finally {
            jdbc.execute("alter table rules_acceptance_request drop constraint revision_test_failure");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RulesAcceptanceProcess.KEY)
                .variableValueEquals(RulesAcceptanceProcess.RULES_VERSION_ID.name(), v.getId()).count()).isZero();

        // retried: each member asked once; and a batch run again asks nobody twice
        managementService.executeJob(batch.getId());
        Integer askedAgain = tx.execute(s -> revisions.askBatch(v.getId(), 0, new java.util.Date(), "R/P1D", "P30D"));
        assertThat(askedAgain).isZero();
        acceptance(v, first);
        acceptance(v, second);
        assertThat(taskService.createTaskQuery().processDefinitionKey(RulesAcceptanceProcess.KEY)
                .processVariableValueEquals(RulesAcceptanceProcess.RULES_VERSION_ID.name(), v.getId()).count()).isEqualTo(2);
        assertThat(pi).isWaitingAt(RulesRevisionProcess.MESSAGE_CATCH_MEMBERS_SETTLED);
    }

    @Test
    void theLastTwoMembersSettlingAtTheSameMomentEndTheRevisionOnce() throws Exception {
        Membership one = member("Race Crypto One", "racerep1");
        Membership two = member("Race Crypto Two", "racerep2");
        RulesOfConductVersion v = publish("4.0");
        ProcessInstance pi = revision(v);
        runJobs(pi.getId());
        fireTimer(pi.getId(), RulesRevisionProcess.TIMER_CATCH_RULES_EFFECTIVE);
        List<Job> settling = new ArrayList<>();
        for (Membership m : List.of(one, two)) {
            ProcessInstance acceptance = acceptance(v, m);
            actAs(m == one ? "racerep1" : "racerep2", group(m));
            taskService.complete(task(acceptance, m, RulesAcceptanceProcess.TASK_ACCEPT_REVISION).getId(),
                    Map.of(RulesAcceptanceProcess.RULES_ACCEPTED.name(), true));
            identityService.clearAuthentication();
            settling.add(managementService.createJobQuery().processInstanceId(acceptance.getId()).singleResult());
        }

        // both end in transactions of their own that overlap: each has settled its own member before either commits
        // (unless one waits for the other: then the first commits after half a second)
        CyclicBarrier bothSettled = new CyclicBarrier(2);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Job job : settling) {
            Thread t = new Thread(() -> {
                try {
                    tx.executeWithoutResult(s -> {
                        managementService.executeJob(job.getId());
                        try {
                            bothSettled.await(500, TimeUnit.MILLISECONDS);
                        } catch (Exception waitedEnough) {
                            // the other one is waiting for this one to commit
                        }
                    });
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(failures).isEmpty();
        runJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed(RulesRevisionProcess.MESSAGE_CATCH_MEMBERS_SETTLED, RulesRevisionProcess.END_EVENT_REVISION_SETTLED);
    }

    @Test
    void aRevisionWithNobodyToAskEndsWhenItTakesEffect() {
        RulesOfConductVersion v = publish("5.0");
        ProcessInstance pi = revision(v);
        assertThat(pi).isWaitingAt(RulesRevisionProcess.TIMER_CATCH_RULES_EFFECTIVE).hasPassed(RulesRevisionProcess.GATEWAY_MERGE_MEMBERS);
        fireTimer(pi.getId(), RulesRevisionProcess.TIMER_CATCH_RULES_EFFECTIVE);
        assertThat(pi).isEnded().hasPassed(RulesRevisionProcess.END_EVENT_REVISION_SETTLED);
    }

    private RulesOfConductVersion publish(String label) {
        actAs("coordinator", Roles.COORDINATORS);
        try {
            return revisions.publish("CRYPTO", publication(label, LocalDate.now(NotificationSettings.DEFAULT_ZONE).plusDays(20)));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private RulesRevisionService.Publication publication(String label, LocalDate effective) {
        return new RulesRevisionService.Publication(label, "1. TLP 2.0 applies.\n2. Breaches lead to warning, suspension or expulsion.",
                effective.toString(), "TLP 2.0 labels; breach procedure");
    }

    private ProcessInstance revision(RulesOfConductVersion v) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(RulesRevisionProcess.KEY)
                .processInstanceBusinessKey(RulesRevisionProcess.businessKey(v.getId())).singleResult();
    }

    /**
     * The member's own acceptance of this version: a root instance keyed by its membership, once its first job (the
     * batch only starts it; the task is created in the instance's own job) has run.
     */
    private ProcessInstance acceptance(RulesOfConductVersion v, Membership m) {
        ProcessInstance acceptance = runtimeService.createProcessInstanceQuery().processDefinitionKey(RulesAcceptanceProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId()))
                .variableValueEquals(RulesAcceptanceProcess.RULES_VERSION_ID.name(), v.getId()).singleResult();
        assertThat(acceptance).as("acceptance of " + m.getOrganisation().getLegalName()).isNotNull();
        runJobs(acceptance.getId());
        return acceptance;
    }

    private Membership member(String name, String rep) {
        Membership m = members.activeMember("CRYPTO", name, Nis2Status.NOT_IN_SCOPE, null, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
        members.representative(m, rep, PASSWORD);
        return m;
    }

    private Task task(ProcessInstance pi, Membership m, String key) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .taskCandidateGroup(group(m)).list();
        assertThat(tasks).as(key + " for " + m.getOrganisation().getLegalName()).hasSize(1);
        return tasks.get(0);
    }

    private String group(Membership m) {
        return m.getOrganisation().getRepresentativesGroup().orElseThrow();
    }

    private MembershipStatus status(Membership m) {
        return tx.execute(s -> memberships.findById(m.getId()).orElseThrow().getStatus());
    }
}
