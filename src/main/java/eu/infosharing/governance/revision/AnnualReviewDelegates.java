package eu.infosharing.governance.revision;

import static eu.infosharing.governance.process.AnnualReviewProcess.*;
import static eu.infosharing.governance.process.BusinessKey.membershipId;

import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.notification.NotificationRecipients;
import eu.infosharing.governance.notification.CompetentAuthorityService;
import eu.infosharing.governance.onboarding.FormApplication;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.process.TaskNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/annual-review.bpmn names; the work is in {@link AnnualReviewService}. */
@Configuration
public class AnnualReviewDelegates {

    @Bean
    TaskListener reviewTaskListener(AnnualReviewService reviews, MembershipService memberships, AnnualReviewSettings settings) {
        return task -> {
            Long id = membershipId(task);
            Membership m = memberships.get(id);
            TaskNames.decorate(task, m.label());
            // the confirmation is due when the model's timer hands it to a coordinator
            task.setDueDate(DueDates.after(TASK_CONFIRM_REVIEW.equals(task.getTaskDefinitionKey())
                    ? settings.getAnswerPeriod() : settings.getDecisionDue()));
            Map<String, Object> data = reviews.currentData(id);
            // the fields the member edits live in the process scope, where the submitted values land too
            task.getExecution().setVariables(data);
        };
    }

    /** What the review's forms show read-only, read when a form is read. */
    @Bean
    TaskFormContext annualReviewFormContext(MembershipService memberships, CompetentAuthorityService authorities) {
        return TaskFormContext.of(KEY, task -> {
            Membership m = memberships.get(membershipId(task));
            Map<String, Object> shown = new HashMap<>();
            if (TASK_DECIDE_AUTHORITY_NO_LONGER_NAMED.equals(task.getTaskDefinitionKey())) {
                TaskDisplay.ORGANISATION_NAME.putIn(shown, m.getOrganisation().getLegalName());
                TaskDisplay.IDENTIFIERS.putIn(shown, m.getOrganisation().displayIdentifiers());
                TaskDisplay.REGIMES.putIn(shown, m.getOrganisation().getCountry() + "; " + m.getOrganisation().displayRegimes());
                TaskDisplay.AUTHORITY_NAME.putIn(shown, authorities.displayName(NO_LONGER_NAMED_AUTHORITY.from(task)));
            } else {
                TaskDisplay.ARRANGEMENT_NAME.putIn(shown, m.getArrangement().getName());
                TaskDisplay.REGIMES.putIn(shown, m.getOrganisation().displayRegimes());
            }
            return shown;
        });
    }

    @Bean
    TaskListener reviewConfirmedListener(AnnualReviewService reviews, NotificationRecipients notifications) {
        return task -> {
            var regimes = new AnnualReviewService.Regimes(ApplicationFields.NIS2_STATUS.from(task),
                    ApplicationFields.NIS2_SECTOR.from(task), ApplicationFields.DORA_ENTITY_TYPE.from(task),
                    ApplicationFields.DORA_LICENCE.from(task), ApplicationFields.SUPERVISORY_ID.from(task));
            var references = TaskInputErrors.translate(() -> reviews.confirm(membershipId(task), regimes,
                    ApplicationFields.LEI.from(task), FormApplication.contacts(task)));
            NEW_NOTIFICATION_REFERENCES.set(task.getExecution(), new ArrayList<>(references));
            AUTHORITIES_NO_LONGER_NAMED.set(task.getExecution(), new ArrayList<>(notifications.noLongerNamed(membershipId(task))));
        };
    }

    /** Names the authority in the task and shows what the coordinator needs to decide. */
    @Bean
    TaskListener noLongerNamedTaskListener(MembershipService memberships, CompetentAuthorityService authorities,
                                           AnnualReviewSettings settings) {
        return task -> {
            Membership m = memberships.get(membershipId(task));
            // a coordinator's decision on the review, due like the decision on an unanswered one
            task.setDueDate(DueDates.after(settings.getDecisionDue()));
            String code = NO_LONGER_NAMED_AUTHORITY.from(task);
            TaskNames.decorate(task, authorities.displayName(code) + ", " + m.getOrganisation().getLegalName());
        };
    }

    /** Keeps the decision; the letter's reference goes to this authority's branch only. */
    @Bean
    TaskListener concernDecisionListener(AnnualReviewService reviews) {
        return task -> {
            String reference = TaskInputErrors.translate(() -> reviews.decideConcern(membershipId(task),
                    NO_LONGER_NAMED_AUTHORITY.from(task), CONCERN_DECISION.from(task), CONCERN_REASON.from(task)));
            // each authority has its own branch of the multi-instance: the reference must not reach the others
            task.getExecution().setVariableLocal(CONCERN_NOTIFICATION_REFERENCE.name(), reference);
        };
    }

    @Bean
    TaskListener reviewDecisionListener(AnnualReviewService reviews) {
        return task -> REVIEW_DECISION.set(task.getExecution(), TaskInputErrors.translate(() ->
                reviews.decide(membershipId(task), REVIEW_DECISION.from(task), REVIEW_DECISION_REASON.from(task))));
    }

    @Bean
    JavaDelegate lapseForReviewDelegate(AnnualReviewService reviews) {
        return execution -> reviews.lapse(membershipId(execution));
    }

    @Bean
    JavaDelegate scheduleNextReviewDelegate(AnnualReviewService reviews, MembershipService memberships) {
        return execution -> {
            int year = REVIEW_YEAR.from(execution) + 1;
            REVIEW_YEAR.set(execution, year);
            NEXT_REVIEW_AT.set(execution, reviews.anniversary(memberships.get(membershipId(execution)).getActivatedAt(), year));
        };
    }

    @Bean
    JavaDelegate reviewReminderDelegate(RevisionMails mails) {
        return execution -> mails.remindOfReview(membershipId(execution));
    }
}
