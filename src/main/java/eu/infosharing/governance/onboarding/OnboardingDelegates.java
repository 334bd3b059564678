package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.onboarding.OnboardingVariables.*;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.onboarding.ReviewDecision.Decision;
import eu.infosharing.governance.onboarding.ReviewDecision.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates and listeners that bpmn/membership-onboarding.bpmn names: each reads the variables it needs,
 * calls a service and writes back what the gateways decide on. Business rules stay in the services and DMN tables.
 */
@Configuration
public class OnboardingDelegates {

    /** Stores an application started from the Tasklist start form, with the same validation as the API. */
    @Bean
    ExecutionListener registerApplicationListener(ApplicationService applications) {
        return execution -> {
            if (execution.hasVariable(MEMBERSHIP_ID)) {
                return; // started by POST /api/applications, already stored
            }
            ApplicationRequest request = FormApplication.fromStartForm(execution.getVariables());
            Membership m = TaskInputErrors.translate(() -> applications.register(request));
            m.attachProcess(execution.getProcessInstanceId());
            execution.setProcessBusinessKey(String.valueOf(m.getId()));
            // store a reference, not the payload: the data now lives in our tables
            FormApplication.START_FORM_KEYS.forEach(execution::removeVariable);
            execution.setVariable(MEMBERSHIP_ID, m.getId());
            execution.setVariable(APPLICANT_GROUP, applications.applicantGroup(m));
        };
    }

    @Bean
    JavaDelegate automatedChecksDelegate(OnboardingService onboarding) {
        return execution -> {
            OnboardingService.CheckOutcome outcome = onboarding.runAutomatedChecks(membershipId(execution));
            execution.setVariables(outcome.decisionInputs());
            execution.setVariable(REQUIRED_SPONSORS, outcome.requiredSponsors());
            execution.setVariable(AUTOMATED_CHECKS_PASSED, outcome.passed());
            if (!outcome.passed()) {
                execution.setVariable(REJECTION_REASON, "Automated checks failed: " + outcome.reason());
            }
        };
    }

    @Bean
    JavaDelegate evaluateEndorsementsDelegate(OnboardingService onboarding) {
        return execution -> {
            OnboardingService.CheckOutcome outcome = onboarding.evaluateEndorsements(membershipId(execution));
            execution.setVariable(ENDORSEMENTS_SUFFICIENT, outcome.passed());
            if (!outcome.passed()) {
                execution.setVariable(REJECTION_REASON, "Not enough sponsors vouched: " + outcome.reason());
            }
        };
    }

    @Bean
    JavaDelegate recordCompetitionPassDelegate(OnboardingService onboarding) {
        return execution -> onboarding.recordCompetitionPass(membershipId(execution), screenRationale(execution));
    }

    @Bean
    JavaDelegate validateMembershipDelegate(OnboardingService onboarding) {
        return execution -> onboarding.validate(membershipId(execution));
    }

    @Bean
    JavaDelegate activateMembershipDelegate(OnboardingService onboarding) {
        return execution -> execution.setVariable(NOTIFICATION_REFERENCES,
                new java.util.ArrayList<>(onboarding.activate(membershipId(execution))));
    }

    @Bean
    JavaDelegate rejectApplicationDelegate(OnboardingService onboarding) {
        return execution -> onboarding.reject(membershipId(execution), (String) execution.getVariable(REJECTION_REASON));
    }

    @Bean
    JavaDelegate expireApplicationDelegate(OnboardingService onboarding, OnboardingDeadlines deadlines) {
        return execution -> onboarding.expire(membershipId(execution),
                "Rules of conduct not accepted within " + deadlines.getAcceptanceExpiry() + " (ISO 8601)");
    }

    @Bean
    JavaDelegate applicantMailDelegate(ApplicantMailer mailer) {
        return execution -> mailer.send((String) execution.getVariable(MAIL_TEMPLATE), membershipId(execution));
    }

    /** Every user task of the model: a name that says who and what, a due date, its context, and the status. */
    @Bean
    TaskListener onboardingTaskListener(MembershipService memberships, TaskContext context, OnboardingDeadlines deadlines) {
        Map<String, MembershipStatus> statusWhileOpen = Map.of(
                TaskContext.TASK_ENDORSE, MembershipStatus.AWAITING_ENDORSEMENT,
                TaskContext.TASK_VET, MembershipStatus.UNDER_REVIEW,
                TaskContext.TASK_AMEND, MembershipStatus.INFORMATION_REQUESTED,
                TaskContext.TASK_ACCEPT_RULES, MembershipStatus.AWAITING_RULES_ACCEPTANCE,
                TaskContext.TASK_CHECK_GDPR, MembershipStatus.COMPLIANCE_REVIEW,
                TaskContext.TASK_REVIEW_COMPETITION, MembershipStatus.COMPLIANCE_REVIEW);
        return task -> {
            Long membershipId = membershipId(task);
            Membership m = memberships.get(membershipId);
            String key = task.getTaskDefinitionKey();
            task.setName(task.getName() + ": " + m.getOrganisation().getLegalName() + ", " + m.getArrangement().getCode());
            String due = switch (key) {
                case TaskContext.TASK_ENDORSE -> deadlines.getSponsorResponse();
                case TaskContext.TASK_ACCEPT_RULES -> deadlines.getAcceptanceExpiry();
                default -> deadlines.getReviewDue();
            };
            Duration period = OnboardingDeadlines.parse(due);
            Instant now = Instant.now();
            task.setDueDate(Date.from(now.plus(period)));
            // follow up halfway to the due date: the task surfaces in Tasklist before it is late
            task.setFollowUpDate(Date.from(now.plus(period.dividedBy(2))));
            Long sponsorshipId = (Long) task.getVariable(SPONSORSHIP_ID);
            task.setVariablesLocal(context.variables(key, m, sponsorshipId, screenRationale(task.getExecution())));
            MembershipStatus status = statusWhileOpen.get(key);
            if (status != null) {
                memberships.transition(membershipId, status, "Waiting for: " + task.getName());
            }
        };
    }

    @Bean
    TaskListener reviewCompletedListener(OnboardingService onboarding) {
        return task -> {
            Long id = membershipId(task);
            Decision decision = TaskInputErrors.translate(() -> switch (task.getTaskDefinitionKey()) {
                case TaskContext.TASK_VET -> onboarding.recordReview(id, Stage.VETTING,
                        text(task, VETTING_DECISION), text(task, VETTING_REASON), null);
                case TaskContext.TASK_CHECK_GDPR -> onboarding.recordGdprCheck(id, text(task, GDPR_DECISION),
                        text(task, GDPR_REASON), text(task, "lawfulBasis"),
                        Boolean.TRUE.equals(task.getVariable("contactDataMinimal")),
                        Boolean.TRUE.equals(task.getVariable("privacyNoticeProvided")));
                case TaskContext.TASK_REVIEW_COMPETITION -> onboarding.recordReview(id, Stage.COMPETITION_LAW,
                        text(task, LEGAL_DECISION), text(task, LEGAL_REASON), "Screen: " + screenRationale(task.getExecution()));
                default -> throw new IllegalStateException("No review listener for " + task.getTaskDefinitionKey());
            });
            if (decision == Decision.REJECT) {
                task.getExecution().setVariable(REJECTION_REASON, onboarding.closedReason(id));
            }
        };
    }

    @Bean
    TaskListener endorsementCompletedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.recordEndorsement((Long) task.getVariable(SPONSORSHIP_ID),
                text(task, ENDORSEMENT_DECISION), text(task, ENDORSEMENT_REASON)));
    }

    @Bean
    TaskListener sponsorFollowUpCompletedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.recordSponsorFollowUp((Long) task.getVariable(SPONSORSHIP_ID),
                text(task, SPONSOR_FOLLOW_UP_DECISION), text(task, SPONSOR_FOLLOW_UP_REASON)));
    }

    @Bean
    TaskListener amendmentCompletedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.amend(membershipId(task), new OnboardingService.Amendment(
                text(task, "legalName"), text(task, "legalForm"), text(task, "lei"),
                FormApplication.contacts(task.getVariables()), text(task, AMENDMENT_RESPONSE))));
    }

    @Bean
    TaskListener rulesAcceptedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.acceptRules(membershipId(task),
                (Long) task.getVariableLocal(RULES_VERSION_ID), Boolean.TRUE.equals(task.getVariable(RULES_ACCEPTED))));
    }

    private static Long membershipId(DelegateExecution execution) {
        return ((Number) execution.getVariable(MEMBERSHIP_ID)).longValue();
    }

    private static Long membershipId(DelegateTask task) {
        return ((Number) task.getVariable(MEMBERSHIP_ID)).longValue();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static String screenRationale(DelegateExecution execution) {
        Object screen = execution.getVariable(COMPETITION_SCREEN);
        return screen instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("rationale") : null;
    }
}
