package eu.infosharing.governance.revision;

import static eu.infosharing.governance.process.RulesAcceptanceProcess.FINAL_PERIOD;
import static eu.infosharing.governance.process.RulesAcceptanceProcess.MEMBERSHIP_ID;
import static eu.infosharing.governance.process.RulesAcceptanceProcess.RULES_ACCEPTED;
import static eu.infosharing.governance.process.RulesAcceptanceProcess.RULES_VERSION_ID;
import static eu.infosharing.governance.process.RulesAcceptanceProcess.TASK_ACCEPT_REVISION_LATE;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.process.BusinessKey;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.process.RulesRevisionProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.process.TaskNames;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners bpmn/rules-revision.bpmn and bpmn/rules-acceptance.bpmn name; the work is in
 * {@link RulesRevisionService}. A rules-acceptance instance asks one member: the membership is its business key, the
 * version a variable the product set when it started it.
 */
@Configuration
public class RulesRevisionDelegates {

    @Bean
    JavaDelegate adoptRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.adopt(RulesRevisionProcess.RULES_VERSION_ID.from(execution));
    }

    /** One batch of the revision's members: each gets its rules-acceptance instance. */
    @Bean
    JavaDelegate askMembersDelegate(RulesRevisionService revisions) {
        return execution -> revisions.askBatch(RulesRevisionProcess.RULES_VERSION_ID.from(execution),
                RulesRevisionProcess.BATCH_NUMBER.from(execution), RulesRevisionProcess.EFFECTIVE_AT.from(execution),
                RulesRevisionProcess.REMINDER_CYCLE.from(execution), RulesRevisionProcess.FINAL_PERIOD.from(execution));
    }

    /** A rules-acceptance instance ended, however: the member has settled, and the last one tells the revision. */
    @Bean
    ExecutionListener acceptanceSettledListener(RulesRevisionService revisions) {
        return execution -> revisions.settled(RULES_VERSION_ID.from(execution), member(execution));
    }

    @Bean
    JavaDelegate suspendForRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.suspend(member(execution), RULES_VERSION_ID.from(execution));
    }

    @Bean
    JavaDelegate reinstateDelegate(RulesRevisionService revisions) {
        return execution -> revisions.reinstate(member(execution), RULES_VERSION_ID.from(execution));
    }

    @Bean
    JavaDelegate lapseForRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.lapse(member(execution), RULES_VERSION_ID.from(execution));
    }

    /** Reminds the member's contact persons, in its language, to accept before the effective date. */
    @Bean
    JavaDelegate revisionReminderDelegate(RevisionMails mails) {
        return execution -> mails.remindOfRevision(member(execution), RULES_VERSION_ID.from(execution));
    }

    /** Both acceptance tasks: a name that says who and what, and the late one's due date. */
    @Bean
    TaskListener revisionTaskListener(MembershipService memberships) {
        return task -> {
            TaskNames.decorate(task, memberships.get(member(task.getExecution())).label());
            if (TASK_ACCEPT_REVISION_LATE.equals(task.getTaskDefinitionKey())) {
                // the suspended member sees when the final period ends and the membership lapses (the boundary timer)
                task.setDueDate(DueDates.after(FINAL_PERIOD.from(task)));
            }
        };
    }

    /** What both acceptance forms show, read when the form is read: the new text and its summary. */
    @Bean
    TaskFormContext rulesAcceptanceFormContext(RulesRevisionService revisions, MembershipService memberships,
                                               NotificationSettings dates) {
        return TaskFormContext.of(RulesAcceptanceProcess.KEY, task -> revisionContext(task, revisions, memberships, dates));
    }

    /** The same for the acceptance tasks of revisions published before acceptances were instances of their own. */
    @Bean
    TaskFormContext formerRevisionFormContext(RulesRevisionService revisions, MembershipService memberships,
                                              NotificationSettings dates) {
        return TaskFormContext.of(RulesRevisionProcess.KEY, task -> revisionContext(task, revisions, memberships, dates));
    }

    private static Map<String, Object> revisionContext(DelegateTask task, RulesRevisionService revisions,
                                                       MembershipService memberships, NotificationSettings dates) {
        Membership m = memberships.get(member(task.getExecution()));
        RulesOfConductVersion v = revisions.version(RULES_VERSION_ID.from(task));
        Map<String, Object> context = new HashMap<>();
        TaskDisplay.ORGANISATION_NAME.putIn(context, m.getOrganisation().getLegalName());
        TaskDisplay.ARRANGEMENT_NAME.putIn(context, m.getArrangement().getName());
        TaskDisplay.RULES_VERSION.putIn(context, v.getVersionLabel() + ", in force from " + dates.readable().date(v.getEffectiveFrom()));
        TaskDisplay.CHANGE_SUMMARY.putIn(context, v.getChangeSummary());
        TaskDisplay.RULES_TEXT.putIn(context, v.getBody());
        return context;
    }

    @Bean
    TaskListener revisionAcceptedListener(RulesRevisionService revisions) {
        return task -> TaskInputErrors.translate(() -> revisions.accept(member(task.getExecution()),
                RULES_VERSION_ID.from(task), RULES_ACCEPTED.from(task)));
    }

    /**
     * Whose acceptance: the business key of a rules-acceptance instance. Instances of the first version of
     * rules-revision (business key rules-{version id}, every member a branch of one instance) may still run: there
     * the branch's own membershipId, which that version's multi-instance set, says it.
     */
    static Long member(DelegateExecution execution) {
        return execution.getProcessBusinessKey().startsWith(RulesRevisionProcess.BUSINESS_KEY_PREFIX)
                ? MEMBERSHIP_ID.from(execution) : BusinessKey.membershipId(execution);
    }
}
