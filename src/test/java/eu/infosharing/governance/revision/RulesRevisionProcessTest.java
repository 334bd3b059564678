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
import eu.infosharing.governance.process.RulesRevisionProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks every path of bpmn/rules-revision.bpmn with three members of one arrangement: one accepts in time, one
 * late while suspended and is reinstated, one never and lapses into the exit lifecycle (walked by its own test).
 */
@TestPropertySource(properties = "governance.test.coverage-excluded=" + CessationProcess.KEY + ","
        + NotificationProcess.KEY)
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
    eu.infosharing.governance.audit.DashboardController dashboard;

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

        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(RulesRevisionProcess.BUSINESS_KEY_PREFIX + v.getId()).singleResult();
        runJobs(pi.getId());
        Task promptTask = task(pi, prompt, RulesRevisionProcess.TASK_ACCEPT_REVISION);
        assertThat(promptTask.getName()).isEqualTo("Accept the revised rules of conduct: Prompt Crypto Lab, CRYPTO");
        assertThat(taskService.getVariableLocal(promptTask.getId(), TaskDisplay.CHANGE_SUMMARY.name())).isEqualTo("TLP 2.0 labels; breach procedure");
        task(pi, late, RulesRevisionProcess.TASK_ACCEPT_REVISION);
        task(pi, silent, RulesRevisionProcess.TASK_ACCEPT_REVISION);

        // a reminder as the date nears
        Job reminder = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(RulesRevisionProcess.BOUNDARY_EVENT_REVISION_REMINDER).list().get(0);
        managementService.executeJob(reminder.getId());
        runJobs(pi.getId());
        assertThat(pi).hasPassed(RulesRevisionProcess.SERVICE_TASK_REMIND_REVISION, RulesRevisionProcess.END_EVENT_REVISION_REMINDED);

        // accepted in time, with the version and the person recorded
        actAs("promptrep", group(prompt));
        assertThatThrownBy(() -> taskService.complete(promptTask.getId(), Map.of(RulesRevisionProcess.RULES_ACCEPTED.name(), false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Acceptance");
        taskService.complete(promptTask.getId(), Map.of(RulesRevisionProcess.RULES_ACCEPTED.name(), true));
        identityService.clearAuthentication();
        assertThat(acceptances.findByMembershipIdOrderByAcceptedAtAsc(prompt.getId())).extracting(
                a -> a.getRulesVersion().getVersionLabel(), RulesAcceptance::getAcceptedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2.0", "promptrep"));

        // the effective date: the rules take effect; the two that did not accept are suspended
        managementService.createJobQuery().processInstanceId(pi.getId()).activityId(RulesRevisionProcess.BOUNDARY_EVENT_NOT_ACCEPTED_IN_TIME).list()
                .forEach(j -> managementService.executeJob(j.getId()));
        fireTimer(pi.getId(), RulesRevisionProcess.TIMER_CATCH_RULES_EFFECTIVE);
        String current = tx.execute(s -> arrangements.findByCode("CRYPTO").orElseThrow().getCurrentRules().getVersionLabel());
        assertThat(current).isEqualTo("2.0");
        assertThat(status(prompt)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(status(late)).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(status(silent)).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(access.members(prompt.getArrangement())).contains("promptrep").doesNotContain("laterep", "silentcryptorep");

        // the coordinators see both suspensions in one place; a member does not see that place at all
        actAs("coordinator", Roles.COORDINATORS);
        assertThat(dashboard.dashboard().suspendedUntilAccepted()).extracting(t -> t.name())
                .contains("Accept the revised rules of conduct (suspended): Late Crypto Lab, CRYPTO",
                        "Accept the revised rules of conduct (suspended): Silent Crypto Lab, CRYPTO");
        actAs("laterep", group(late));
        assertThatThrownBy(() -> dashboard.dashboard()).isInstanceOf(ForbiddenException.class);
        identityService.clearAuthentication();

        // accepted late: reinstated, with access again
        Task lateTask = task(pi, late, RulesRevisionProcess.TASK_ACCEPT_REVISION_LATE);
        // the suspended member's task is due when the final period ends and the membership would lapse
        assertThat(lateTask.getDueDate()).isCloseTo(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(RulesRevisionProcess.BOUNDARY_EVENT_FINAL_PERIOD_OVER).list().get(0).getDuedate(), 60_000);
        actAs("laterep", group(late));
        taskService.complete(lateTask.getId(), Map.of(RulesRevisionProcess.RULES_ACCEPTED.name(), true));
        identityService.clearAuthentication();
        assertThat(status(late)).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(access.members(late.getArrangement())).contains("laterep");
        List<MembershipStatus> lateHistory = tx.execute(s -> memberships.findById(late.getId()).orElseThrow().getHistory().stream()
                .map(h -> h.getToStatus()).toList());
        assertThat(lateHistory).containsSubsequence(MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED, MembershipStatus.ACTIVE);

        // never accepted: the final period ends and the membership lapses into the exit lifecycle
        Job finalPeriod = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(RulesRevisionProcess.BOUNDARY_EVENT_FINAL_PERIOD_OVER).singleResult();
        managementService.executeJob(finalPeriod.getId());
        runJobs(pi.getId());
        assertThat(status(silent)).isEqualTo(MembershipStatus.CESSATION_PENDING);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CessationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(silent.getId())).count()).isEqualTo(1);

        assertThat(pi).isEnded().hasPassed(RulesRevisionProcess.END_EVENT_ACCEPTED, RulesRevisionProcess.END_EVENT_REINSTATED, RulesRevisionProcess.END_EVENT_LAPSED, RulesRevisionProcess.END_EVENT_REVISION_SETTLED);
    }

    private RulesRevisionService.Publication publication(String label, LocalDate effective) {
        return new RulesRevisionService.Publication(label, "1. TLP 2.0 applies.\n2. Breaches lead to warning, suspension or expulsion.",
                effective.toString(), "TLP 2.0 labels; breach procedure");
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
