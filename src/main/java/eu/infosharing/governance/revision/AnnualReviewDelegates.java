package eu.infosharing.governance.revision;

import eu.infosharing.governance.mail.MailGateway;
import eu.infosharing.governance.mail.MailTemplates;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.onboarding.FormApplication;
import eu.infosharing.governance.onboarding.TaskInputErrors;
import eu.infosharing.governance.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/annual-review.bpmn names; the work is in {@link AnnualReviewService}. */
@Configuration
public class AnnualReviewDelegates {

    @Bean
    TaskListener reviewTaskListener(AnnualReviewService reviews, MembershipService memberships) {
        return task -> {
            Long id = membershipId(task);
            Membership m = memberships.get(id);
            task.setName(task.getName() + ": " + m.getOrganisation().getLegalName() + ", " + m.getArrangement().getCode());
            task.setDueDate(Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
            Map<String, Object> data = reviews.currentData(id);
            // the fields the member edits live in the process scope, where the submitted values land too
            task.getExecution().setVariables(data);
            task.setVariablesLocal(Map.of("arrangementName", m.getArrangement().getName(),
                    "regimesDisplay", m.getOrganisation().displayRegimes()));
        };
    }

    @Bean
    TaskListener reviewConfirmedListener(AnnualReviewService reviews) {
        return task -> {
            var references = TaskInputErrors.translate(() -> reviews.confirm(membershipId(task), text(task, "nis2Status"),
                    text(task, "nis2Sector"), text(task, "doraEntityType"), text(task, "lei"),
                    FormApplication.contacts(task.getVariables())));
            task.getExecution().setVariable("newNotificationReferences", new ArrayList<>(references));
        };
    }

    @Bean
    TaskListener reviewDecisionListener(AnnualReviewService reviews) {
        return task -> task.getExecution().setVariable("reviewDecision", TaskInputErrors.translate(() ->
                reviews.decide(membershipId(task), text(task, "reviewDecision"), text(task, "reviewDecisionReason"))));
    }

    @Bean
    JavaDelegate lapseForReviewDelegate(AnnualReviewService reviews) {
        return execution -> reviews.lapse(membershipId(execution));
    }

    @Bean
    JavaDelegate scheduleNextReviewDelegate(AnnualReviewService reviews, MembershipService memberships) {
        return execution -> {
            int year = ((Number) execution.getVariable("reviewYear")).intValue() + 1;
            execution.setVariable("reviewYear", year);
            execution.setVariable("nextReviewAt", reviews.anniversary(memberships.get(membershipId(execution)).getActivatedAt(), year));
        };
    }

    @Bean
    JavaDelegate reviewReminderDelegate(MembershipService memberships, MailGateway mail,
                                        @Value("${governance.public-url}") String publicUrl) {
        return execution -> {
            Organisation o = memberships.get(membershipId(execution)).getOrganisation();
            Locale locale = o.getPreferredLanguage().locale();
            MailTemplates.Text text = MailTemplates.render("mail/revision", "review-reminder", locale,
                    o.contactNames(),
                    o.getLegalName(), memberships.get(membershipId(execution)).getArrangement().getName(), "", "",
                    publicUrl + "/camunda/app/tasklist/");
            mail.send(o.contactEmails(), text.subject(), text.body());
        };
    }

    private static Long membershipId(DelegateExecution execution) {
        return ((Number) execution.getVariable("membershipId")).longValue();
    }

    private static Long membershipId(DelegateTask task) {
        return ((Number) task.getVariable("membershipId")).longValue();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
