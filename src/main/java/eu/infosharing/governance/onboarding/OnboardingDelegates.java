package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.process.OnboardingProcess.*;

import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.onboarding.ReviewDecision.Decision;
import eu.infosharing.governance.onboarding.ReviewDecision.Stage;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.Forms;
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
 * The thin delegates and listeners that bpmn/membership-onboarding.bpmn names: each reads the variables it needs
 * (through the model's contract, {@link eu.infosharing.governance.process.OnboardingProcess}), calls a service and writes
 * back what the gateways decide on. Whose membership a step acts on is the instance's business key, never a value a
 * person sent. Business rules stay in the services and DMN tables.
 */
@Configuration
public class OnboardingDelegates {

    /** Stores an application started from the Tasklist start form, with the same validation as the API. */
    @Bean
    ExecutionListener registerApplicationListener(ApplicationService applications) {
        return execution -> {
            if (execution.getProcessBusinessKey() != null) {
                return; // started by POST /api/applications with the membership it stored (people cannot set a key)
            }
            ApplicationRequest request = FormApplication.fromStartForm(execution);
            Membership m = TaskInputErrors.translate(() -> applications.register(request));
            m.attachProcess(execution.getProcessInstanceId());
            execution.setProcessBusinessKey(String.valueOf(m.getId()));
            // store a reference, not the payload: the data now lives in our tables
            Forms.APPLICATION.inputs().forEach(execution::removeVariable);
            MEMBERSHIP_ID.set(execution, m.getId());
            APPLICANT_GROUP.set(execution, applications.applicantGroup(m));
        };
    }

    @Bean
    JavaDelegate automatedChecksDelegate(OnboardingService onboarding) {
        return execution -> {
            OnboardingService.CheckOutcome outcome = onboarding.runAutomatedChecks(membershipId(execution));
            execution.setVariables(outcome.decisionInputs());
            REQUIRED_SPONSORS.set(execution, outcome.requiredSponsors());
            AUTOMATED_CHECKS_PASSED.set(execution, outcome.passed());
            if (!outcome.passed()) {
                REJECTION_REASON.set(execution, "Automated checks failed: " + outcome.reason());
            }
        };
    }

    @Bean
    JavaDelegate evaluateEndorsementsDelegate(OnboardingService onboarding) {
        return execution -> {
            OnboardingService.CheckOutcome outcome = onboarding.evaluateEndorsements(membershipId(execution));
            ENDORSEMENTS_SUFFICIENT.set(execution, outcome.passed());
            if (!outcome.passed()) {
                REJECTION_REASON.set(execution, "Not enough sponsors vouched: " + outcome.reason());
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
        return execution -> NOTIFICATION_REFERENCES.set(execution,
                new java.util.ArrayList<>(onboarding.activate(membershipId(execution))));
    }

    @Bean
    JavaDelegate rejectApplicationDelegate(OnboardingService onboarding) {
        return execution -> onboarding.reject(membershipId(execution), REJECTION_REASON.from(execution));
    }

    @Bean
    JavaDelegate expireApplicationDelegate(OnboardingService onboarding, OnboardingDeadlines deadlines) {
        return execution -> onboarding.expire(membershipId(execution),
                "Rules of conduct not accepted within " + deadlines.getAcceptanceExpiry() + " (ISO 8601)");
    }

    @Bean
    JavaDelegate applicantMailDelegate(ApplicantMailer mailer) {
        return execution -> mailer.send(MAIL_TEMPLATE.from(execution), membershipId(execution));
    }

    /** Every user task of the model: a name that says who and what, a due date, its context, and the status. */
    @Bean
    TaskListener onboardingTaskListener(MembershipService memberships, TaskContext context, OnboardingDeadlines deadlines) {
        Map<String, MembershipStatus> statusWhileOpen = Map.of(
                TASK_ENDORSE_APPLICATION, MembershipStatus.AWAITING_ENDORSEMENT,
                TASK_VET_APPLICATION, MembershipStatus.UNDER_REVIEW,
                TASK_AMEND_APPLICATION, MembershipStatus.INFORMATION_REQUESTED,
                TASK_ACCEPT_RULES, MembershipStatus.AWAITING_RULES_ACCEPTANCE,
                TASK_CHECK_GDPR, MembershipStatus.COMPLIANCE_REVIEW,
                TASK_REVIEW_COMPETITION_LAW, MembershipStatus.COMPLIANCE_REVIEW);
        return task -> {
            Long membershipId = membershipId(task);
            Membership m = memberships.get(membershipId);
            String key = task.getTaskDefinitionKey();
            task.setName(task.getName() + ": " + m.getOrganisation().getLegalName() + ", " + m.getArrangement().getCode());
            String due = switch (key) {
                case TASK_ENDORSE_APPLICATION -> deadlines.getSponsorResponse();
                case TASK_ACCEPT_RULES -> deadlines.getAcceptanceExpiry();
                default -> deadlines.getReviewDue();
            };
            Duration period = OnboardingDeadlines.parse(due);
            Instant now = Instant.now();
            task.setDueDate(Date.from(now.plus(period)));
            // follow up halfway to the due date: the task surfaces in Tasklist before it is late
            task.setFollowUpDate(Date.from(now.plus(period.dividedBy(2))));
            task.setVariablesLocal(context.variables(key, m, SPONSORSHIP_ID.from(task), screenRationale(task.getExecution())));
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
                case TASK_VET_APPLICATION -> onboarding.recordReview(id, Stage.VETTING,
                        VETTING_DECISION.from(task), VETTING_REASON.from(task), null);
                case TASK_CHECK_GDPR -> onboarding.recordGdprCheck(id, GDPR_DECISION.from(task), GDPR_REASON.from(task),
                        LAWFUL_BASIS.from(task), Boolean.TRUE.equals(CONTACT_DATA_MINIMAL.from(task)),
                        Boolean.TRUE.equals(PRIVACY_NOTICE_PROVIDED.from(task)));
                case TASK_REVIEW_COMPETITION_LAW -> onboarding.recordReview(id, Stage.COMPETITION_LAW,
                        LEGAL_DECISION.from(task), LEGAL_REASON.from(task), "Screen: " + screenRationale(task.getExecution()));
                default -> throw new IllegalStateException("No review listener for " + task.getTaskDefinitionKey());
            });
            if (decision == Decision.REJECT) {
                REJECTION_REASON.set(task.getExecution(), onboarding.closedReason(id));
            }
        };
    }

    @Bean
    TaskListener endorsementCompletedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.recordEndorsement(SPONSORSHIP_ID.from(task),
                ENDORSEMENT_DECISION.from(task), ENDORSEMENT_REASON.from(task)));
    }

    @Bean
    TaskListener sponsorFollowUpCompletedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.recordSponsorFollowUp(SPONSORSHIP_ID.from(task),
                SPONSOR_FOLLOW_UP_DECISION.from(task), SPONSOR_FOLLOW_UP_REASON.from(task)));
    }

    @Bean
    TaskListener amendmentCompletedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.amend(membershipId(task), new OnboardingService.Amendment(
                ApplicationFields.LEGAL_NAME.from(task), ApplicationFields.LEGAL_FORM.from(task), ApplicationFields.LEI.from(task),
                FormApplication.contacts(task), AMENDMENT_RESPONSE.from(task))));
    }

    @Bean
    TaskListener rulesAcceptedListener(OnboardingService onboarding) {
        return task -> TaskInputErrors.translate(() -> onboarding.acceptRules(membershipId(task),
                RULES_VERSION_ID.local(task), Boolean.TRUE.equals(RULES_ACCEPTED.from(task))));
    }

    /** The membership is the instance's business key, set by the product when it stored the application. */
    private static Long membershipId(DelegateExecution execution) {
        return Long.valueOf(execution.getProcessBusinessKey());
    }

    private static Long membershipId(DelegateTask task) {
        return membershipId(task.getExecution());
    }

    @SuppressWarnings("unchecked")
    private static String screenRationale(DelegateExecution execution) {
        Map<String, Object> screen = COMPETITION_SCREEN.from(execution);
        return screen == null ? null : (String) screen.get("rationale");
    }
}
