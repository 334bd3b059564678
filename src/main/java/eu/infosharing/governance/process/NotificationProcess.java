package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;

/**
 * The contract of bpmn/authority-notification.bpmn (business key = membership id): one notification to one competent
 * authority. Only the product starts it (as a call activity of the other models); nobody starts it by hand.
 */
public final class NotificationProcess {

    public static final String KEY = "authority-notification";
    public static final String SEND_ON_BEHALF_MESSAGE = "notification-send-on-behalf";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_NOTIFICATION_DUE = "StartEvent_NotificationDue";
    public static final String SERVICE_TASK_PREPARE_LETTER = "ServiceTask_PrepareLetter";
    public static final String GATEWAY_WHO_SENDS = "Gateway_WhoSends";
    public static final String GATEWAY_MERGE_SEND = "Gateway_MergeSend";
    public static final String SERVICE_TASK_SEND_TO_AUTHORITY = "ServiceTask_SendToAuthority";
    public static final String END_EVENT_NOTIFICATION_SENT = "EndEvent_NotificationSent";
    public static final String SERVICE_TASK_SEND_LETTER_TO_MEMBER = "ServiceTask_SendLetterToMember";
    public static final String TASK_SEND_NOTIFICATION = "Task_SendNotification";
    public static final String END_EVENT_MEMBER_CONFIRMED = "EndEvent_MemberConfirmed";
    public static final String BOUNDARY_EVENT_SEND_ON_BEHALF_REQUESTED = "BoundaryEvent_SendOnBehalfRequested";
    public static final String BOUNDARY_EVENT_DEADLINE_NEARS = "BoundaryEvent_DeadlineNears";
    public static final String BOUNDARY_EVENT_DEADLINE_PASSED = "BoundaryEvent_DeadlinePassed";
    public static final String SERVICE_TASK_REMIND_MEMBER = "ServiceTask_RemindMember";
    public static final String END_EVENT_REMINDED = "EndEvent_Reminded";
    public static final String TASK_FOLLOW_UP_OVERDUE_NOTIFICATION = "Task_FollowUpOverdueNotification";
    public static final String GATEWAY_FOLLOW_UP_DECISION = "Gateway_FollowUpDecision";
    public static final String END_EVENT_CONFIRMATION_RECORDED = "EndEvent_ConfirmationRecorded";
    public static final String END_EVENT_MEMBER_CHASED = "EndEvent_MemberChased";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> MEMBERSHIP_ID = byProcess("membershipId", Long.class);
    /** The notification this instance sends: handed in by the calling process, element of its multi-instance. */
    public static final ProcessVariable<String> REFERENCE = byProcess("notificationReference", String.class);
    public static final ProcessVariable<Boolean> SEND_ON_BEHALF = byProcess("sendOnBehalf", Boolean.class);
    public static final ProcessVariable<String> AUTHORITY_CODE = byProcess("authorityCode", String.class);
    public static final ProcessVariable<Date> DUE_DATE = byProcess("dueDate", Date.class);
    public static final ProcessVariable<String> REMINDER_CYCLE = byProcess("reminderCycle", String.class);
    public static final ProcessVariable<String> REPRESENTATIVES_GROUP = byProcess("representativesGroup", String.class);
    public static final ProcessVariable<String> MAIL_TEMPLATE = byProcess("mailTemplate", String.class);

    // --- variables people write through a task's form ----------------------------------------------------------------
    public static final ProcessVariable<String> MEMBER_REFERENCE = byForm("memberReference", String.class);
    public static final ProcessVariable<String> MEMBER_SENT_ON = byForm("memberSentOn", String.class);
    public static final ProcessVariable<String> FOLLOW_UP_DECISION = byForm("followUpDecision", String.class);
    public static final ProcessVariable<String> FOLLOW_UP_NOTE = byForm("followUpNote", String.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .userTask(TASK_SEND_NOTIFICATION, Forms.CONFIRM_NOTIFICATION)
            .userTask(TASK_FOLLOW_UP_OVERDUE_NOTIFICATION, Forms.FOLLOW_UP_NOTIFICATION)
            .messages(SEND_ON_BEHALF_MESSAGE)
            .variables(MEMBERSHIP_ID, REFERENCE, SEND_ON_BEHALF, AUTHORITY_CODE, DUE_DATE, REMINDER_CYCLE,
                    REPRESENTATIVES_GROUP, MAIL_TEMPLATE, MEMBER_REFERENCE, MEMBER_SENT_ON, FOLLOW_UP_DECISION, FOLLOW_UP_NOTE)
            .variables(TaskDisplay.all().toArray(ProcessVariable<?>[]::new))
            .build();

    private NotificationProcess() {
    }
}
