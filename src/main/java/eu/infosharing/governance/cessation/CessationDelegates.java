package eu.infosharing.governance.cessation;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.onboarding.TaskInputErrors;
import eu.infosharing.governance.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/membership-cessation.bpmn names; the work is in {@link CessationService}. */
@Configuration
public class CessationDelegates {

    static final String TASK_RESPOND = "Task_RespondToBreach";
    static final String TASK_DECIDE = "Task_DecideOnBreach";
    static final String TASK_CONFIRM_DESTRUCTION = "Task_ConfirmDestruction";
    static final String TASK_FOLLOW_UP_DESTRUCTION = "Task_FollowUpDestruction";

    /** A cessation started from the Tasklist start form: the same rules as the API. */
    @Bean
    ExecutionListener registerCessationListener(CessationService cessations) {
        return execution -> {
            if (execution.hasVariable("cessationId")) {
                return; // started through CessationService.request, already stored
            }
            Object membership = execution.getVariable("membershipId");
            Long membershipId;
            try {
                membershipId = membership instanceof Number n ? n.longValue() : Long.valueOf(String.valueOf(membership).strip());
            } catch (NumberFormatException e) {
                throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException("membershipId",
                        "Membership number must be the number of a membership (see GET /api/memberships)");
            }
            Cessation c = TaskInputErrors.translate(() -> cessations.register(membershipId, new CessationService.Request(
                    text(execution, "cessationKind"), text(execution, "reason"), text(execution, "evidence"),
                    text(execution, "date"))));
            c.attachProcess(execution.getProcessInstanceId());
            execution.setProcessBusinessKey(String.valueOf(membershipId));
            execution.setVariables(cessations.variables(c));
        };
    }

    @Bean
    JavaDelegate takeEffectDelegate(CessationService cessations) {
        return execution -> {
            Long id = cessationId(execution);
            execution.setVariable("notificationReferences", new ArrayList<>(cessations.takeEffect(id, execution.getProcessInstanceId())));
            execution.setVariable("destructionDue", cessations.destructionDue(id));
            execution.setVariable("destructionReminderAt", cessations.destructionReminderAt(id));
            execution.setVariable("erasureAt", cessations.erasureAt(id));
        };
    }

    @Bean
    JavaDelegate erasePersonalDataDelegate(PersonalDataEraser eraser) {
        return execution -> eraser.erase(((Number) execution.getVariable("membershipId")).longValue());
    }

    @Bean
    JavaDelegate cessationMailDelegate(CessationMailer mailer) {
        return execution -> mailer.send(cessationId(execution), (String) execution.getVariable("mailTemplate"));
    }

    /** Every user task of the model: a name that says who and what, and the context its form shows. */
    @Bean
    TaskListener cessationTaskListener(CessationService cessations) {
        return task -> {
            Cessation c = cessations.cessation(cessationId(task));
            Membership m = c.getMembership();
            Organisation o = m.getOrganisation();
            String who = o.getLegalName() + ", " + m.getArrangement().getCode();
            task.setName(task.getName() + ": " + who);
            if (TASK_RESPOND.equals(task.getTaskDefinitionKey()) || TASK_DECIDE.equals(task.getTaskDefinitionKey())) {
                task.setDueDate(Date.from(Instant.now().plus(TASK_RESPOND.equals(task.getTaskDefinitionKey()) ? 14 : 5, ChronoUnit.DAYS)));
            }
            if (TASK_FOLLOW_UP_DESTRUCTION.equals(task.getTaskDefinitionKey())) {
                task.setPriority(80);
                task.setDueDate(Date.from(Instant.now().plus(5, ChronoUnit.DAYS)));
            }
            Map<String, Object> v = new HashMap<>();
            v.put("organisationName", o.getLegalName());
            v.put("arrangementName", m.getArrangement().getName());
            v.put("cessationReason", c.getReason());
            v.put("breachEvidence", c.getEvidence() == null ? "" : c.getEvidence());
            v.put("memberResponseDisplay", c.getMemberResponse() == null ? "No response" : c.getMemberResponse());
            v.put("effectiveDateLabel", c.getEffectiveDate() == null ? "" : c.getEffectiveDate().toString());
            v.put("contactsDisplay", o.getContacts().stream().map(p -> p.details().display()).collect(Collectors.joining("\n")));
            task.setVariablesLocal(v);
        };
    }

    @Bean
    TaskListener breachResponseListener(CessationService cessations) {
        return task -> TaskInputErrors.translate(() -> cessations.recordResponse(cessationId(task), text(task, "breachResponse")));
    }

    @Bean
    TaskListener breachDecisionListener(CessationService cessations) {
        return task -> {
            Date effectiveAt = TaskInputErrors.translate(() -> cessations.decideBreach(cessationId(task),
                    text(task, "breachDecision"), text(task, "breachDecisionReason")));
            if (effectiveAt != null) {
                task.getExecution().setVariable("effectiveAt", effectiveAt);
            }
        };
    }

    @Bean
    TaskListener destructionConfirmedListener(CessationService cessations) {
        return task -> TaskInputErrors.translate(() -> cessations.confirmDestruction(cessationId(task),
                task.getVariable("destructionConfirmed"), text(task, "destructionStatement")));
    }

    @Bean
    TaskListener destructionFollowUpListener() {
        return task -> TaskInputErrors.translate(() -> {
            if (text(task, "followUpNote") == null || text(task, "followUpNote").isBlank()) {
                throw new eu.infosharing.governance.api.InvalidInputException("followUpNote", "What was done",
                        "is required: it is kept in the membership's history");
            }
        });
    }

    private static Long cessationId(DelegateExecution execution) {
        return ((Number) execution.getVariable("cessationId")).longValue();
    }

    private static Long cessationId(DelegateTask task) {
        return ((Number) task.getVariable("cessationId")).longValue();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
