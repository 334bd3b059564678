package eu.infosharing.governance.revision;

import static eu.infosharing.governance.process.RulesRevisionProcess.*;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.mail.MailGateway;
import eu.infosharing.governance.mail.MailTemplates;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.TaskDisplay;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/rules-revision.bpmn names; the work is in {@link RulesRevisionService}. */
@Configuration
public class RulesRevisionDelegates {

    @Bean
    JavaDelegate adoptRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.adopt(versionId(execution));
    }

    @Bean
    JavaDelegate suspendForRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.suspend(membershipId(execution), versionId(execution));
    }

    @Bean
    JavaDelegate reinstateDelegate(RulesRevisionService revisions) {
        return execution -> revisions.reinstate(membershipId(execution), versionId(execution));
    }

    @Bean
    JavaDelegate lapseForRulesDelegate(RulesRevisionService revisions) {
        return execution -> revisions.lapse(membershipId(execution), versionId(execution));
    }

    /** Reminds the member's contact persons, in its language, to accept before the effective date. */
    @Bean
    JavaDelegate revisionReminderDelegate(RulesRevisionService revisions, MembershipService memberships, MailGateway mail,
                                          PublicLinks links) {
        return execution -> {
            Membership m = memberships.get(membershipId(execution));
            RulesOfConductVersion v = revisions.version(versionId(execution));
            Organisation o = m.getOrganisation();
            Locale locale = o.getPreferredLanguage().locale();
            MailTemplates.Text text = MailTemplates.render("mail/revision", "revision-reminder", locale,
                    o.contactNames(),
                    o.getLegalName(), m.getArrangement().getName(), v.getVersionLabel(),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(v.getEffectiveFrom()),
                    links.tasklist());
            mail.send(o.contactEmails(), text.subject(), text.body());
        };
    }

    /** Both acceptance tasks: a name that says who and what, the new text and its summary for the form. */
    @Bean
    TaskListener revisionTaskListener(RulesRevisionService revisions, MembershipService memberships) {
        return task -> {
            Membership m = memberships.get(membershipId(task));
            RulesOfConductVersion v = revisions.version(versionId(task));
            task.setName(task.getName() + ": " + m.getOrganisation().getLegalName() + ", " + m.getArrangement().getCode());
            Map<String, Object> context = new HashMap<>();
            TaskDisplay.ORGANISATION_NAME.putIn(context, m.getOrganisation().getLegalName());
            TaskDisplay.ARRANGEMENT_NAME.putIn(context, m.getArrangement().getName());
            TaskDisplay.RULES_VERSION.putIn(context, v.getVersionLabel() + ", in force from " + v.getEffectiveFrom());
            TaskDisplay.CHANGE_SUMMARY.putIn(context, v.getChangeSummary());
            TaskDisplay.RULES_TEXT.putIn(context, v.getBody());
            task.setVariablesLocal(context);
            if (TASK_ACCEPT_REVISION_LATE.equals(task.getTaskDefinitionKey())) {
                // the suspended member sees when the final period ends and the membership lapses (the boundary timer)
                task.setDueDate(Date.from(ZonedDateTime.now().plus(Period.parse(FINAL_PERIOD.from(task))).toInstant()));
            }
        };
    }

    @Bean
    TaskListener revisionAcceptedListener(RulesRevisionService revisions) {
        return task -> TaskInputErrors.translate(() -> revisions.accept(membershipId(task), versionId(task),
                RULES_ACCEPTED.from(task)));
    }

    /** The member one branch asks: the branch's own element of the multi-instance, set by the process. */
    private static Long membershipId(DelegateExecution execution) {
        return MEMBERSHIP_ID.from(execution);
    }

    private static Long membershipId(DelegateTask task) {
        return MEMBERSHIP_ID.from(task);
    }

    private static Long versionId(DelegateExecution execution) {
        return RULES_VERSION_ID.from(execution);
    }

    private static Long versionId(DelegateTask task) {
        return RULES_VERSION_ID.from(task);
    }
}
