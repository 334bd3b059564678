package eu.infosharing.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.infosharing.governance.cessation.CessationService;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.mail.MailDeliveryException;
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
import eu.infosharing.governance.support.MailServerDown;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.ProcessTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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
        "governance.mail.retry-cycle=R2/PT7M",
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
    @Autowired
    ApplicationContext context;

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

    /** Every model's mail steps read one retry cycle: with R2/PT7M a reminder the mail server refuses is tried twice more, 7 minutes apart. */
    @Test
    void aMailStepTheServerRefusesIsRetriedOnTheSetCycleThenRaisesAnIncident() {
        Membership m = member("Setting Mail Bank");
        reviews.schedule(tx.execute(s -> memberships.findById(m.getId()).orElseThrow()));
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(AnnualReviewProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(m.getId())).singleResult();
        fireTimer(pi.getId(), AnnualReviewProcess.TIMER_CATCH_ANNIVERSARY);
        managementService.executeJob(timer(pi, AnnualReviewProcess.BOUNDARY_EVENT_REVIEW_REMINDER).getId());
        Job reminder = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(AnnualReviewProcess.SERVICE_TASK_REMIND_REVIEW).singleResult();
        assertThat(reminder).as("the reminder mail waits as a job of its own").isNotNull();

        List<Integer> retriesLeft = new ArrayList<>();
        try (MailServerDown down = MailServerDown.in(context)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                String id = reminder.getId();
                assertThatThrownBy(() -> managementService.executeJob(id)).isInstanceOf(MailDeliveryException.class);
                reminder = managementService.createJobQuery().jobId(id).singleResult();
                retriesLeft.add(reminder.getRetries());
                if (reminder.getRetries() > 0) {
                    assertThat(reminder.getDuedate()).as("the next attempt waits the set 7 minutes")
                            .isCloseTo(Date.from(Instant.now().plus(Duration.ofMinutes(7))), MINUTE);
                } else {
                    break;
                }
            }
        }
        assertThat(retriesLeft).as("R2: two retries after the first failure, then an incident").containsExactly(1, 0);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
                .isEqualTo(AnnualReviewProcess.SERVICE_TASK_REMIND_REVIEW);
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
