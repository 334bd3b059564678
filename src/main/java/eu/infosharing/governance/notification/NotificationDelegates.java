package eu.infosharing.governance.notification;

import eu.infosharing.governance.onboarding.TaskInputErrors;
import eu.infosharing.governance.organisation.Organisation;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners bpmn/authority-notification.bpmn names; the work is in {@link AuthorityNotifications}. */
@Configuration
public class NotificationDelegates {

    public static final String PROCESS_KEY = "authority-notification";
    public static final String REFERENCE = "notificationReference";
    public static final String SEND_ON_BEHALF_MESSAGE = "notification-send-on-behalf";
    static final String TASK_SEND = "Task_SendNotification";
    static final String TASK_FOLLOW_UP = "Task_FollowUpOverdueNotification";

    @Bean
    JavaDelegate prepareNotificationDelegate(AuthorityNotifications notifications) {
        return execution -> {
            AuthorityNotifications.Prepared p = notifications.prepare(reference(execution.getVariable(REFERENCE)),
                    execution.getProcessInstanceId());
            execution.setVariable("sendOnBehalf", p.sendOnBehalf());
            execution.setVariable("authorityCode", p.authorityCode());
            execution.setVariable("dueDate", p.due());
            execution.setVariable("reminderCycle", p.reminderCycle());
            execution.setVariable("representativesGroup", p.representativesGroup());
        };
    }

    @Bean
    JavaDelegate sendNotificationDelegate(AuthorityNotifications notifications) {
        return execution -> notifications.send(reference(execution.getVariable(REFERENCE)));
    }

    @Bean
    JavaDelegate memberNotificationMailDelegate(AuthorityNotifications notifications) {
        return execution -> notifications.mailMember(reference(execution.getVariable(REFERENCE)),
                (String) execution.getVariable("mailTemplate"));
    }

    /** Both user tasks: a name that says who and what, the context the form shows; the overdue one is recorded. */
    @Bean
    TaskListener notificationTaskListener(AuthorityNotifications notifications, CompetentAuthorityRepository authorities,
                                          @Value("${governance.public-url}") String publicUrl) {
        return task -> {
            AuthorityNotification n = notifications.byReference(reference(task.getVariable(REFERENCE)));
            CompetentAuthority authority = authorities.findByCode(n.getAuthorityCode()).orElseThrow();
            Organisation o = n.getMembership().getOrganisation();
            String who = o.getLegalName() + ", " + n.getMembership().getArrangement().getCode();
            if (TASK_FOLLOW_UP.equals(task.getTaskDefinitionKey())) {
                notifications.escalate(n.getReference());
                task.setName("Overdue notification to " + authority.getCode() + ": " + who);
                task.setDueDate(Date.from(Instant.now().plus(5, ChronoUnit.DAYS)));
                task.setPriority(80);
            } else {
                task.setName("Notify " + authority.getCode() + ": " + who);
                task.setFollowUpDate(Date.from(Instant.now().plus(7, ChronoUnit.DAYS)));
            }
            task.setVariablesLocal(context(n, authority, o, publicUrl));
        };
    }

    @Bean
    TaskListener notificationConfirmedListener(AuthorityNotifications notifications) {
        return task -> TaskInputErrors.translate(() -> notifications.confirm(reference(task.getVariable(REFERENCE)),
                text(task, "memberReference"), task.getVariable("memberSentOn")));
    }

    @Bean
    TaskListener overdueFollowUpListener(AuthorityNotifications notifications) {
        return task -> TaskInputErrors.translate(() -> notifications.followUp(reference(task.getVariable(REFERENCE)),
                text(task, "followUpDecision"), text(task, "followUpNote"), text(task, "memberReference"),
                task.getVariable("memberSentOn")));
    }

    private static Map<String, Object> context(AuthorityNotification n, CompetentAuthority authority, Organisation o,
                                               String publicUrl) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);
        Map<String, Object> v = new HashMap<>();
        v.put("organisationName", o.getLegalName());
        v.put("arrangementName", n.getMembership().getArrangement().getName());
        v.put("authorityName", authority.getName());
        v.put("authorityChannel", authority.getChannel() == CompetentAuthority.Channel.EMAIL
                ? "E-mail: " + authority.getChannelAddress() : "HTTPS: " + authority.getChannelAddress());
        v.put("eventLabel", n.getEvent() == NotificationEvent.ENTRY ? "Entry into the arrangement" : "Cessation of participation");
        v.put("effectiveDate", date.format(n.getEffectiveDate()));
        v.put("dueDateLabel", date.format(n.getDueDate()));
        v.put("legalBasis", n.getLegalBasis());
        v.put("letterUrl", publicUrl + "/api/notifications/" + n.getId() + "/document");
        v.put("contactsDisplay", o.getContacts().stream().map(c -> c.details().display()).collect(Collectors.joining("\n")));
        return v;
    }

    private static String reference(Object value) {
        return (String) value;
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
