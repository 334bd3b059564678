package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;
import java.util.List;

/**
 * The contract of bpmn/membership-cessation.bpmn (business key = membership id): how a membership ends. People start
 * it through the request-cessation form (a member only for its own withdrawal); our API and the other processes start
 * it with a cessation they stored.
 */
public final class CessationProcess {

    public static final String KEY = "membership-cessation";
    public static final String DATE_MOVED_MESSAGE = "cessation-date-moved";
    public static final String WITHDRAWAL_CANCELLED_MESSAGE = "withdrawal-cancelled";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_CESSATION_REQUESTED = "StartEvent_CessationRequested";
    public static final String GATEWAY_WHICH_WAY = "Gateway_WhichWay";
    public static final String TASK_RESPOND_TO_BREACH = "Task_RespondToBreach";
    public static final String BOUNDARY_EVENT_NO_RESPONSE = "BoundaryEvent_NoResponse";
    public static final String GATEWAY_MERGE_HEARING = "Gateway_MergeHearing";
    public static final String TASK_DECIDE_ON_BREACH = "Task_DecideOnBreach";
    public static final String GATEWAY_BREACH_DECISION = "Gateway_BreachDecision";
    public static final String END_EVENT_MEMBER_WARNED = "EndEvent_MemberWarned";
    public static final String END_EVENT_MEMBERSHIP_SUSPENDED = "EndEvent_MembershipSuspended";
    public static final String GATEWAY_MERGE_PENDING = "Gateway_MergePending";
    public static final String EVENT_GATEWAY_AWAIT_EFFECT = "EventGateway_AwaitEffect";
    public static final String TIMER_CATCH_EFFECTIVE_DATE = "TimerCatch_EffectiveDate";
    public static final String MESSAGE_CATCH_DATE_MOVED = "MessageCatch_DateMoved";
    public static final String MESSAGE_CATCH_WITHDRAWAL_CANCELLED = "MessageCatch_WithdrawalCancelled";
    public static final String END_EVENT_WITHDRAWAL_CANCELLED = "EndEvent_WithdrawalCancelled";
    public static final String SERVICE_TASK_TAKE_EFFECT = "ServiceTask_TakeEffect";
    public static final String GATEWAY_SPLIT_AFTER_EFFECT = "Gateway_SplitAfterEffect";
    public static final String CALL_ACTIVITY_NOTIFY_CESSATION = "CallActivity_NotifyCessation";
    public static final String SUB_PROCESS_DESTRUCTION = "SubProcess_Destruction";
    public static final String START_EVENT_DESTRUCTION_DUE = "StartEvent_DestructionDue";
    public static final String SERVICE_TASK_ASK_FOR_DESTRUCTION = "ServiceTask_AskForDestruction";
    public static final String TASK_CONFIRM_DESTRUCTION = "Task_ConfirmDestruction";
    public static final String BOUNDARY_EVENT_DESTRUCTION_REMINDER = "BoundaryEvent_DestructionReminder";
    public static final String BOUNDARY_EVENT_DESTRUCTION_OVERDUE = "BoundaryEvent_DestructionOverdue";
    public static final String END_EVENT_DESTRUCTION_CONFIRMED = "EndEvent_DestructionConfirmed";
    public static final String SERVICE_TASK_REMIND_DESTRUCTION = "ServiceTask_RemindDestruction";
    public static final String END_EVENT_DESTRUCTION_REMINDED = "EndEvent_DestructionReminded";
    public static final String TASK_FOLLOW_UP_DESTRUCTION = "Task_FollowUpDestruction";
    public static final String END_EVENT_DESTRUCTION_CHASED = "EndEvent_DestructionChased";
    public static final String GATEWAY_JOIN_CLOSING = "Gateway_JoinClosing";
    public static final String TIMER_CATCH_RETENTION_ENDS = "TimerCatch_RetentionEnds";
    public static final String SERVICE_TASK_ERASE_PERSONAL_DATA = "ServiceTask_ErasePersonalData";
    public static final String END_EVENT_MEMBERSHIP_CLOSED = "EndEvent_MembershipClosed";

    // --- the start form: validated by the start listener, which then sets the process's own variables ----------------
    /** The membership to end as the person names it; the start listener checks it and sets the business key. */
    public static final ProcessVariable<Long> MEMBERSHIP_ID = byProcess("membershipId", Long.class);
    public static final ProcessVariable<String> CESSATION_KIND = byProcess("cessationKind", String.class);
    public static final ProcessVariable<String> REASON = byForm("reason", String.class);
    public static final ProcessVariable<String> EVIDENCE = byForm("evidence", String.class);
    public static final ProcessVariable<String> DATE = byForm("date", String.class);

    // --- variables the process sets ---------------------------------------------------------------------------------
    /** Who requested the cessation (camunda:initiator). */
    public static final ProcessVariable<String> REQUESTER = byProcess("requester", String.class);
    public static final ProcessVariable<Long> CESSATION_ID = byProcess("cessationId", Long.class);
    public static final ProcessVariable<String> REPRESENTATIVES_GROUP = byProcess("representativesGroup", String.class);
    public static final ProcessVariable<Date> EFFECTIVE_AT = byProcess("effectiveAt", Date.class);
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<List> NOTIFICATION_REFERENCES = byProcess("notificationReferences", List.class);
    public static final ProcessVariable<Date> DESTRUCTION_DUE = byProcess("destructionDue", Date.class);
    public static final ProcessVariable<Date> DESTRUCTION_REMINDER_AT = byProcess("destructionReminderAt", Date.class);
    public static final ProcessVariable<Date> ERASURE_AT = byProcess("erasureAt", Date.class);
    public static final ProcessVariable<String> MAIL_TEMPLATE = byProcess("mailTemplate", String.class);

    // --- variables people write through a task's form ----------------------------------------------------------------
    public static final ProcessVariable<String> BREACH_RESPONSE = byForm("breachResponse", String.class);
    public static final ProcessVariable<String> BREACH_DECISION = byForm("breachDecision", String.class);
    public static final ProcessVariable<String> BREACH_DECISION_REASON = byForm("breachDecisionReason", String.class);
    public static final ProcessVariable<Boolean> DESTRUCTION_CONFIRMED = byForm("destructionConfirmed", Boolean.class);
    public static final ProcessVariable<String> DESTRUCTION_STATEMENT = byForm("destructionStatement", String.class);
    public static final ProcessVariable<String> FOLLOW_UP_NOTE = byForm("followUpNote", String.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .startForm(Forms.REQUEST_CESSATION)
            .userTask(TASK_RESPOND_TO_BREACH, Forms.RESPOND_TO_BREACH)
            .userTask(TASK_DECIDE_ON_BREACH, Forms.DECIDE_ON_BREACH)
            .userTask(TASK_CONFIRM_DESTRUCTION, Forms.CONFIRM_DESTRUCTION)
            .userTask(TASK_FOLLOW_UP_DESTRUCTION, Forms.FOLLOW_UP_DESTRUCTION)
            .messages(DATE_MOVED_MESSAGE, WITHDRAWAL_CANCELLED_MESSAGE)
            .variables(MEMBERSHIP_ID, CESSATION_KIND, REASON, EVIDENCE, DATE, REQUESTER, CESSATION_ID, REPRESENTATIVES_GROUP,
                    EFFECTIVE_AT, NOTIFICATION_REFERENCES, NotificationProcess.REFERENCE, DESTRUCTION_DUE,
                    DESTRUCTION_REMINDER_AT, ERASURE_AT, MAIL_TEMPLATE, BREACH_RESPONSE, BREACH_DECISION,
                    BREACH_DECISION_REASON, DESTRUCTION_CONFIRMED, DESTRUCTION_STATEMENT, FOLLOW_UP_NOTE)
            .variables(TaskDisplay.all().toArray(ProcessVariable<?>[]::new))
            .build();

    private CessationProcess() {
    }
}
