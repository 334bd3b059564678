package eu.infosharing.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.cessation.CessationService;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.NotificationProcess;
import eu.infosharing.governance.revision.AnnualReviewService;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator who changes a period sees the model's timer and the task's due date follow it, together: the models and
 * the code read one settings bean. (The default periods are walked by each model's own process test.)
 */
@TestPropertySource(properties = {
        "governance.annual-review.reminder-after=P3D",
        "governance.annual-review.answer-period=P9D",
        "governance.cessation.hearing-period=P5D",
        "governance.cessation.decision-due=P2D",
        "governance.test.coverage-excluded=" + AnnualReviewProcess.KEY + "," + CessationProcess.KEY + ","
                + NotificationProcess.KEY})
class ChangedSettingsProcessTest extends ProcessTestSupport {

    private static final long MINUTE = 60_000;

    @Autowired
    AnnualReviewService reviews;
    @Autowired
    CessationService cessations;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Members members;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theYearlyReviewRemindsAndHandsOverWhenTheSettingsSayAndTheTaskIsDueThen() {
        Membership m = member("Setting Review Bank");
        reviews.schedule(tx.execute(s -> memberships.findById(m.getId()).orElseThrow()));
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult();
        fireTimer(pi.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);

        Task confirm = openTask(pi.getId(), AnnualReviewProcess.TASK_CONFIRM_REVIEW);
        assertThat(confirm.getDueDate()).isCloseTo(inDays(9), MINUTE);
        assertThat(timer(pi, AnnualReviewProcess.BOUNDARY_EVENT_NO_ANSWER).getDuedate())
                .as("the timer that hands the review to a coordinator fires when the member's task is due")
                .isCloseTo(confirm.getDueDate(), MINUTE);
        assertThat(timer(pi, AnnualReviewProcess.BOUNDARY_EVENT_REVIEW_REMINDER).getDuedate()).isCloseTo(inDays(3), MINUTE);
    }

    @Test
    void aMemberAccusedOfABreachIsHeardForTheSetPeriodAndTheCoordinatorsDecisionIsDueAfterItsOwn() {
        Membership m = member("Setting Breach Bank");
        actAs("coordinator", Roles.COORDINATORS);
        var cessation = cessations.request(m.getId(), new CessationService.Request("BREACH", "TLP:RED report shared outside the group",
                "Report found on a public paste site", null));
        identityService.clearAuthentication();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(cessation.getProcessInstanceId()).singleResult();
        runJobs(pi.getId());

        Task respond = openTask(pi.getId(), CessationProcess.TASK_RESPOND_TO_BREACH);
        assertThat(respond.getDueDate()).isCloseTo(inDays(5), MINUTE);
        assertThat(timer(pi, CessationProcess.BOUNDARY_EVENT_NO_RESPONSE).getDuedate())
                .as("the hearing ends when the member's task is due").isCloseTo(respond.getDueDate(), MINUTE);

        fireTimer(pi.getId(), CessationProcess.BOUNDARY_EVENT_NO_RESPONSE);
        assertThat(openTask(pi.getId(), CessationProcess.TASK_DECIDE_ON_BREACH).getDueDate()).isCloseTo(inDays(2), MINUTE);
    }

    private Membership member(String name) {
        return members.activeMember("CIDR", name, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.en,
                NotificationMode.SEND_ON_BEHALF);
    }

    private Job timer(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private static Date inDays(int days) {
        return Date.from(Instant.now().plus(Duration.ofDays(days)));
    }
}
