package eu.infosharing.governance.cessation;

import eu.infosharing.governance.notification.NotificationSettings;
import static eu.infosharing.governance.process.CessationProcess.*;

import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.engine.OverdueTaskPriority;
import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.privacy.PersonalDataEraser;
import eu.infosharing.governance.process.BusinessKey;
import eu.infosharing.governance.process.Forms;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.process.TaskNames;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners bpmn/membership-cessation.bpmn names, reading and writing through its contract
 * ({@link eu.infosharing.governance.process.CessationProcess}); the work is in {@link CessationService},
 * {@link BreachProcedure} and {@link CessationEffect}.
 */
@Configuration
public class CessationDelegates {

    /**
     * A cessation started from the Tasklist start form: the membership a person names is checked with the same rules
     * as the API (visible to them, a member only for its own withdrawal); then the process sets its own variables and
     * business key, and the form's values are dropped (they live in the stored cessation).
     */
    @Bean
    ExecutionListener registerCessationListener(CessationService cessations) {
        return execution -> {
            if (execution.getProcessBusinessKey() != null) {
                return; // started through CessationService.request, already stored (people cannot set a key)
            }
            Object membership = execution.getVariable(MEMBERSHIP_ID.name());
            if (!(membership instanceof Number number)) {
                throw new FormFieldValidationException(MEMBERSHIP_ID.name(),
                        "Membership number must be the number of a membership (see GET /api/memberships)");
            }
            Long membershipId = number.longValue();
            Cessation c = TaskInputErrors.translate(() -> cessations.register(membershipId, new CessationService.Request(
                    CESSATION_KIND.from(execution), REASON.from(execution), EVIDENCE.from(execution), DATE.from(execution))));
            c.attachProcess(execution.getProcessInstanceId());
            Forms.REQUEST_CESSATION.inputs().forEach(execution::removeVariable);
            execution.setProcessBusinessKey(String.valueOf(membershipId));
            execution.setVariables(cessations.variables(c));
        };
    }

    @Bean
    JavaDelegate takeEffectDelegate(CessationEffect effect) {
        return execution -> {
            Long id = CESSATION_ID.from(execution);
            NOTIFICATION_REFERENCES.set(execution, new ArrayList<>(effect.takeEffect(id, execution.getProcessInstanceId())));
            DESTRUCTION_DUE.set(execution, effect.destructionDue(id));
            DESTRUCTION_REMINDER_AT.set(execution, effect.destructionReminderAt(id));
            ERASURE_AT.set(execution, effect.erasureAt(id));
        };
    }

    @Bean
    JavaDelegate erasePersonalDataDelegate(PersonalDataEraser eraser) {
        return execution -> eraser.erase(BusinessKey.membershipId(execution));
    }

    @Bean
    JavaDelegate cessationMailDelegate(CessationMails mails) {
        return execution -> mails.send(CESSATION_ID.from(execution), MAIL_TEMPLATE.from(execution));
    }

    /** Every user task of the model: a name that says who and what, its due date, and the context its form shows. */
    @Bean
    TaskListener cessationTaskListener(CessationService cessations, CessationSettings settings) {
        return task -> {
            TaskNames.decorate(task, cessations.cessation(CESSATION_ID.from(task)).getMembership().label());
            switch (task.getTaskDefinitionKey()) {
                // the member is heard for the period the model's timer gives it
                case TASK_RESPOND_TO_BREACH -> task.setDueDate(DueDates.after(settings.getHearingPeriod()));
                case TASK_DECIDE_ON_BREACH -> task.setDueDate(DueDates.after(settings.getDecisionDue()));
                case TASK_FOLLOW_UP_DESTRUCTION -> {
                    task.setPriority(OverdueTaskPriority.OVERDUE);
                    task.setDueDate(DueDates.after(settings.getDecisionDue()));
                }
                default -> {
                }
            }
        };
    }

    /** What the model's task forms show: the member, the reason and evidence, its answer, the date it takes effect. */
    @Bean
    TaskFormContext cessationFormContext(CessationService cessations, NotificationSettings dates) {
        return TaskFormContext.of(KEY, task -> {
            Cessation c = cessations.cessation(CESSATION_ID.from(task));
            Membership m = c.getMembership();
            Organisation o = m.getOrganisation();
            Map<String, Object> v = new HashMap<>();
            TaskDisplay.ORGANISATION_NAME.putIn(v, o.getLegalName());
            TaskDisplay.ARRANGEMENT_NAME.putIn(v, m.getArrangement().getName());
            TaskDisplay.CESSATION_REASON.putIn(v, c.getReason());
            TaskDisplay.BREACH_EVIDENCE.putIn(v, c.getEvidence() == null ? "" : c.getEvidence());
            TaskDisplay.MEMBER_RESPONSE.putIn(v, c.getMemberResponse() == null ? "No response" : c.getMemberResponse());
            TaskDisplay.EFFECTIVE_DATE_LABEL.putIn(v, dates.readable().date(c.getEffectiveDate()));
            TaskDisplay.CONTACTS.putIn(v, o.displayContacts());
            return v;
        });
    }

    @Bean
    TaskListener breachResponseListener(BreachProcedure breach) {
        return task -> TaskInputErrors.translate(() -> breach.recordResponse(CESSATION_ID.from(task), BREACH_RESPONSE.from(task)));
    }

    @Bean
    TaskListener breachDecisionListener(BreachProcedure breach) {
        return task -> {
            Date effectiveAt = TaskInputErrors.translate(() -> breach.decideBreach(CESSATION_ID.from(task),
                    BREACH_DECISION.from(task), BREACH_DECISION_REASON.from(task)));
            if (effectiveAt != null) {
                EFFECTIVE_AT.set(task.getExecution(), effectiveAt);
            }
        };
    }

    @Bean
    TaskListener destructionConfirmedListener(CessationEffect effect) {
        return task -> TaskInputErrors.translate(() -> effect.confirmDestruction(CESSATION_ID.from(task),
                DESTRUCTION_CONFIRMED.from(task), DESTRUCTION_STATEMENT.from(task)));
    }

    @Bean
    TaskListener destructionFollowUpListener() {
        return task -> TaskInputErrors.translate(() -> {
            String note = FOLLOW_UP_NOTE.from(task);
            if (note == null || note.isBlank()) {
                throw new InvalidInputException(FOLLOW_UP_NOTE.name(), "What was done",
                        "is required: it is kept in the membership's history");
            }
        });
    }
}
