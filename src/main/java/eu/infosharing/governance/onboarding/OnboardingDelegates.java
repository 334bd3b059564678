package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.process.BusinessKey.membershipId;
import static eu.infosharing.governance.process.OnboardingProcess.*;

import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.onboarding.ReviewDecision.Decision;
import eu.infosharing.governance.onboarding.ReviewDecision.Stage;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.Forms;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
    JavaDelegate automatedChecksDelegate(AutomatedChecks checks) {
        return execution -> {
            CheckOutcome outcome = checks.run(membershipId(execution));
            execution.setVariables(outcome.decisionInputs());
            REQUIRED_SPONSORS.set(execution, outcome.requiredSponsors());
            AUTOMATED_CHECKS_PASSED.set(execution, outcome.passed());
            if (!outcome.passed()) {
                REJECTION_REASON.set(execution, "Automated checks failed: " + outcome.reason());
            }
        };
    }

    @Bean
    JavaDelegate evaluateEndorsementsDelegate(SponsorshipService sponsorships) {
        return execution -> {
            CheckOutcome outcome = sponsorships.evaluateEndorsements(membershipId(execution));
            ENDORSEMENTS_SUFFICIENT.set(execution, outcome.passed());
            if (!outcome.passed()) {
                REJECTION_REASON.set(execution, "Not enough sponsors vouched: " + outcome.reason());
            }
        };
    }

    @Bean
    JavaDelegate recordCompetitionPassDelegate(OnboardingReviews reviews) {
        return execution -> reviews.recordCompetitionPass(membershipId(execution), screenRationale(execution));
    }

    @Bean
    JavaDelegate validateMembershipDelegate(OnboardingService onboarding) {
        return execution -> onboarding.validate(membershipId(execution));
    }

    @Bean
    JavaDelegate activateMembershipDelegate(OnboardingService onboarding) {
        return execution -> NOTIFICATION_REFERENCES.set(execution, new ArrayList<>(onboarding.activate(membershipId(execution))));
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
    JavaDelegate applicantMailDelegate(ApplicantMails mails) {
        return execution -> mails.send(MAIL_TEMPLATE.from(execution), membershipId(execution));
    }

    /** Every user task of the model: a name that says who and what, a due date; the status follows. */
    @Bean
    TaskListener onboardingTaskListener(OnboardingTasks tasks) {
        return task -> {
            OnboardingTasks.OpenedTask opened = tasks.open(membershipId(task), task.getTaskDefinitionKey(), task.getName());
            task.setName(opened.name());
            task.setDueDate(opened.due());
            task.setFollowUpDate(opened.followUp());
            task.setVariablesLocal(opened.kept());
        };
    }

    /** What the model's task forms show, read from our tables whenever a form is read. */
    @Bean
    TaskFormContext onboardingFormContext(OnboardingTasks tasks) {
        return TaskFormContext.of(KEY, task -> tasks.shown(membershipId(task), task.getTaskDefinitionKey(),
                SPONSORSHIP_ID.from(task), screenRationale(task.getExecution()), RULES_VERSION_ID.local(task)));
    }

    @Bean
    TaskListener reviewCompletedListener(OnboardingReviews reviews) {
        return task -> {
            Long id = membershipId(task);
            Decision decision = TaskInputErrors.translate(() -> switch (task.getTaskDefinitionKey()) {
                case TASK_VET_APPLICATION -> reviews.recordReview(id, Stage.VETTING,
                        VETTING_DECISION.from(task), VETTING_REASON.from(task), null);
                case TASK_CHECK_GDPR -> reviews.recordGdprCheck(id, GDPR_DECISION.from(task), GDPR_REASON.from(task),
                        LAWFUL_BASIS.from(task), Boolean.TRUE.equals(CONTACT_DATA_MINIMAL.from(task)),
                        Boolean.TRUE.equals(PRIVACY_NOTICE_PROVIDED.from(task)));
                case TASK_REVIEW_COMPETITION_LAW -> reviews.recordReview(id, Stage.COMPETITION_LAW,
                        LEGAL_DECISION.from(task), LEGAL_REASON.from(task), "Screen: " + screenRationale(task.getExecution()));
                default -> throw new IllegalStateException("No review listener for " + task.getTaskDefinitionKey());
            });
            if (decision == Decision.REJECT) {
                REJECTION_REASON.set(task.getExecution(), reviews.closedReason(id));
            }
        };
    }

    @Bean
    TaskListener endorsementCompletedListener(SponsorshipService sponsorships) {
        return task -> TaskInputErrors.translate(() -> sponsorships.recordEndorsement(SPONSORSHIP_ID.from(task),
                ENDORSEMENT_DECISION.from(task), ENDORSEMENT_REASON.from(task)));
    }

    @Bean
    TaskListener sponsorFollowUpCompletedListener(SponsorshipService sponsorships) {
        return task -> TaskInputErrors.translate(() -> sponsorships.recordFollowUp(SPONSORSHIP_ID.from(task),
                SPONSOR_FOLLOW_UP_DECISION.from(task), SPONSOR_FOLLOW_UP_REASON.from(task)));
    }

    @Bean
    TaskListener amendmentCompletedListener(ApplicantAnswers answers) {
        return task -> TaskInputErrors.translate(() -> answers.amend(membershipId(task), new ApplicantAnswers.Amendment(
                ApplicationFields.LEGAL_NAME.from(task), ApplicationFields.LEGAL_FORM.from(task), ApplicationFields.LEI.from(task),
                FormApplication.contacts(task), AMENDMENT_RESPONSE.from(task))));
    }

    @Bean
    TaskListener rulesAcceptedListener(ApplicantAnswers answers) {
        return task -> TaskInputErrors.translate(() -> answers.acceptRules(membershipId(task),
                RULES_VERSION_ID.local(task), Boolean.TRUE.equals(RULES_ACCEPTED.from(task))));
    }

    @SuppressWarnings("unchecked")
    private static String screenRationale(DelegateExecution execution) {
        Map<String, Object> screen = COMPETITION_SCREEN.from(execution);
        return screen == null ? null : (String) screen.get("rationale");
    }
}
