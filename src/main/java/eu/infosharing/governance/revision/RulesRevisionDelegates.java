package eu.infosharing.governance.revision;

import eu.infosharing.governance.notification.NotificationSettings;
import static eu.infosharing.governance.process.RulesRevisionProcess.*;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.process.TaskNames;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners bpmn/rules-revision.bpmn names; the work is in {@link RulesRevisionService}. Each branch
 * of the multi-instance asks one member: its membership and the version are the branch's own variables, set by the process.
 */
@Configuration
public class RulesRevisionDelegates {

    @Bean
    JavaDelegate adoptRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.adopt(RULES_VERSION_ID.from(execution));
    }

    @Bean
    JavaDelegate suspendForRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.suspend(MEMBERSHIP_ID.from(execution), RULES_VERSION_ID.from(execution));
    }

    @Bean
    JavaDelegate reinstateDelegate(RulesRevisionService revisions) {
        return execution -> revisions.reinstate(MEMBERSHIP_ID.from(execution), RULES_VERSION_ID.from(execution));
    }

    @Bean
    JavaDelegate lapseForRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.lapse(MEMBERSHIP_ID.from(execution), RULES_VERSION_ID.from(execution));
    }

    /** Reminds the member's contact persons, in its language, to accept before the effective date. */
    @Bean
    JavaDelegate revisionReminderDelegate(RevisionMails mails) {
        return execution -> mails.remindOfRevision(MEMBERSHIP_ID.from(execution), RULES_VERSION_ID.from(execution));
    }

    /** Both acceptance tasks: a name that says who and what, the new text and its summary for the form. */
    @Bean
    TaskListener revisionTaskListener(RulesRevisionService revisions, MembershipService memberships,
                                      NotificationSettings dates) {
        return task -> {
            Membership m = memberships.get(MEMBERSHIP_ID.from(task));
            RulesOfConductVersion v = revisions.version(RULES_VERSION_ID.from(task));
            TaskNames.decorate(task, m.label());
            Map<String, Object> context = new HashMap<>();
            TaskDisplay.ORGANISATION_NAME.putIn(context, m.getOrganisation().getLegalName());
            TaskDisplay.ARRANGEMENT_NAME.putIn(context, m.getArrangement().getName());
            TaskDisplay.RULES_VERSION.putIn(context, v.getVersionLabel() + ", in force from " + dates.readable().date(v.getEffectiveFrom()));
            TaskDisplay.CHANGE_SUMMARY.putIn(context, v.getChangeSummary());
            TaskDisplay.RULES_TEXT.putIn(context, v.getBody());
            task.setVariablesLocal(context);
            if (TASK_ACCEPT_REVISION_LATE.equals(task.getTaskDefinitionKey())) {
                // the suspended member sees when the final period ends and the membership lapses (the boundary timer)
                task.setDueDate(DueDates.after(FINAL_PERIOD.from(task)));
            }
        };
    }

    @Bean
    TaskListener revisionAcceptedListener(RulesRevisionService revisions) {
        return task -> TaskInputErrors.translate(() -> revisions.accept(MEMBERSHIP_ID.from(task), RULES_VERSION_ID.from(task),
                RULES_ACCEPTED.from(task)));
    }
}
