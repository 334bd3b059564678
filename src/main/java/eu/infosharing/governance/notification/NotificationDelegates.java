package eu.infosharing.governance.notification;

import eu.infosharing.governance.process.ReadableDates;
import static eu.infosharing.governance.process.NotificationProcess.*;

import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.engine.OverdueTaskPriority;
import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.AcknowledgementProcess;
import eu.infosharing.governance.process.TaskDisplay;
import eu.infosharing.governance.process.TaskNames;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners bpmn/authority-notification.bpmn names, reading and writing through its contract
 * ({@link eu.infosharing.governance.process.NotificationProcess}); the work is in {@link AuthorityNotifications},
 * {@link NotificationDelivery} and {@link MemberSentNotifications}.
 */
@Configuration
public class NotificationDelegates {

    @Bean
    JavaDelegate prepareNotificationDelegate(AuthorityNotifications notifications) {
        return execution -> {
            AuthorityNotifications.Prepared p = notifications.prepare(REFERENCE.from(execution), execution.getProcessInstanceId());
            SEND_ON_BEHALF.set(execution, p.sendOnBehalf());
            AUTHORITY_CODE.set(execution, p.authorityCode());
            DUE_DATE.set(execution, p.due());
            REMINDER_CYCLE.set(execution, p.reminderCycle());
            REPRESENTATIVES_GROUP.set(execution, p.representativesGroup());
        };
    }

    @Bean
    JavaDelegate sendNotificationDelegate(NotificationDelivery delivery) {
        return execution -> delivery.send(REFERENCE.from(execution));
    }

    @Bean
    JavaDelegate memberNotificationMailDelegate(AuthorityNotifications notifications) {
        return execution -> notifications.mailMember(REFERENCE.from(execution), MAIL_TEMPLATE.from(execution));
    }

    /** Both user tasks: a name that says who and what; the overdue one is recorded. */
    @Bean
    TaskListener notificationTaskListener(NotificationQueries notifications, MemberSentNotifications memberSent,
                                          CompetentAuthorityService authorities, NotificationSettings settings) {
        return task -> {
            AuthorityNotification n = notifications.byReference(REFERENCE.from(task));
            CompetentAuthority authority = authorities.get(n.getAuthorityCode());
            String who = n.getMembership().label();
            if (TASK_FOLLOW_UP_OVERDUE_NOTIFICATION.equals(task.getTaskDefinitionKey())) {
                memberSent.escalate(n.getReference());
                task.setName(TaskNames.named("Overdue notification to " + authority.getCode(), who));
                task.setDueDate(DueDates.after(settings.getFollowUpDue()));
                task.setPriority(OverdueTaskPriority.OVERDUE);
            } else {
                task.setName(TaskNames.named("Notify " + authority.getCode(), who));
                task.setFollowUpDate(DueDates.after(settings.getSendTaskFollowUp()));
            }
        };
    }

    /** What both user tasks' forms show: who tells which authority of what, by when, under which law. */
    @Bean
    TaskFormContext notificationFormContext(NotificationQueries notifications, CompetentAuthorityService authorities,
                                            PublicLinks links, NotificationSettings settings) {
        return TaskFormContext.of(KEY,
                task -> context(notifications.byReference(REFERENCE.from(task)), authorities, links, settings));
    }

    @Bean
    TaskListener notificationConfirmedListener(MemberSentNotifications memberSent) {
        return task -> TaskInputErrors.translate(() -> memberSent.confirm(REFERENCE.from(task),
                MEMBER_REFERENCE.from(task), MEMBER_SENT_ON.from(task)));
    }

    @Bean
    TaskListener overdueFollowUpListener(MemberSentNotifications memberSent) {
        return task -> TaskInputErrors.translate(() -> memberSent.followUp(REFERENCE.from(task),
                FOLLOW_UP_DECISION.from(task), FOLLOW_UP_NOTE.from(task), MEMBER_REFERENCE.from(task), MEMBER_SENT_ON.from(task)));
    }

    /**
     * The follow-up of a missing acknowledgement (bpmn/notification-acknowledgement.bpmn): named after the authority and
     * the member, due after governance.notification.follow-up-due (5 days), with what the coordinator needs to ask the authority.
     */
    @Bean
    TaskListener acknowledgementTaskListener(NotificationQueries notifications, NotificationSettings settings) {
        return task -> {
            AuthorityNotification n = notifications.byReference(AcknowledgementProcess.REFERENCE.from(task));
            task.setName(TaskNames.named("Acknowledgement missing from " + n.getAuthorityCode(), n.getMembership().label()));
            task.setDueDate(DueDates.after(settings.getFollowUpDue()));
        };
    }

    /** What the follow-up's form shows: the notification's context and when it was sent. */
    @Bean
    TaskFormContext acknowledgementFormContext(NotificationQueries notifications, CompetentAuthorityService authorities,
                                               PublicLinks links, NotificationSettings settings) {
        return TaskFormContext.of(AcknowledgementProcess.KEY, task -> {
            AuthorityNotification n = notifications.byReference(AcknowledgementProcess.REFERENCE.from(task));
            Map<String, Object> v = context(n, authorities, links, settings);
            TaskDisplay.SENT_ON_LABEL.putIn(v, settings.readable().date(notifications.doneOn(n)));
            return v;
        });
    }

    @Bean
    TaskListener acknowledgementFollowUpListener(Acknowledgements acknowledgements) {
        return task -> TaskInputErrors.translate(() -> acknowledgements.followUp(AcknowledgementProcess.REFERENCE.from(task),
                AcknowledgementProcess.DECISION.from(task), AcknowledgementProcess.NOTE.from(task),
                AcknowledgementProcess.AUTHORITY_REFERENCE.from(task), AcknowledgementProcess.ACKNOWLEDGED_ON.from(task)));
    }

    private static Map<String, Object> context(AuthorityNotification n, CompetentAuthorityService authorities,
                                               PublicLinks links, NotificationSettings settings) {
        CompetentAuthority authority = authorities.get(n.getAuthorityCode());
        Organisation o = n.getMembership().getOrganisation();
        ReadableDates date = settings.readable();
        Map<String, Object> v = new HashMap<>();
        TaskDisplay.ORGANISATION_NAME.putIn(v, o.getLegalName());
        TaskDisplay.ARRANGEMENT_NAME.putIn(v, n.getMembership().getArrangement().getName());
        TaskDisplay.AUTHORITY_NAME.putIn(v, authority.getName());
        TaskDisplay.AUTHORITY_CHANNEL.putIn(v, authority.getChannel() == CompetentAuthority.Channel.EMAIL
                ? "E-mail: " + authority.getChannelAddress() : "HTTPS: " + authority.getChannelAddress());
        TaskDisplay.EVENT_LABEL.putIn(v, switch (n.getEvent()) {
            case ENTRY -> "Entry into the arrangement";
            case CESSATION -> "Cessation of participation";
            case CONCERN_ENDED -> "The participation no longer concerns the authority";
        });
        TaskDisplay.EFFECTIVE_DATE.putIn(v, date.date(n.getEffectiveDate()));
        TaskDisplay.DUE_DATE_LABEL.putIn(v, date.date(n.getDueDate()));
        TaskDisplay.LEGAL_BASIS.putIn(v, n.getLegalBasis());
        TaskDisplay.LETTER_URL.putIn(v, links.to("/api/notifications/" + n.getId() + "/document"));
        TaskDisplay.CONTACTS.putIn(v, o.displayContacts());
        return v;
    }

}
