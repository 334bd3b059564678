package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

/**
 * The contract of bpmn/notification-acknowledgement.bpmn (business key = membership id): a coordinator's follow-up of a
 * notification the authority has not acknowledged within the acknowledgement period. Only the product starts it (when
 * the period has passed) and only the product correlates its message (when an acknowledgement is recorded through the
 * API); nobody starts it by hand.
 */
public final class AcknowledgementProcess {

    public static final String KEY = "notification-acknowledgement";
    public static final String ACKNOWLEDGED_MESSAGE = "notification-acknowledged";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_ACKNOWLEDGEMENT_MISSING = "StartEvent_AcknowledgementMissing";
    public static final String GATEWAY_MERGE_FOLLOW_UP = "Gateway_MergeFollowUp";
    public static final String TASK_FOLLOW_UP_ACKNOWLEDGEMENT = "Task_FollowUpAcknowledgement";
    public static final String GATEWAY_ACKNOWLEDGEMENT_OUTCOME = "Gateway_AcknowledgementOutcome";
    public static final String END_EVENT_ACKNOWLEDGEMENT_RECORDED = "EndEvent_AcknowledgementRecorded";
    public static final String END_EVENT_ACKNOWLEDGEMENT_WAIVED = "EndEvent_AcknowledgementWaived";
    public static final String TIMER_CATCH_CHASE_AGAIN = "TimerCatch_ChaseAgain";
    public static final String SUB_PROCESS_ACKNOWLEDGED_ELSEWHERE = "SubProcess_AcknowledgedElsewhere";
    public static final String START_EVENT_ACKNOWLEDGED_ELSEWHERE = "StartEvent_AcknowledgedElsewhere";
    public static final String END_EVENT_ACKNOWLEDGED_ELSEWHERE = "EndEvent_AcknowledgedElsewhere";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> MEMBERSHIP_ID = byProcess("membershipId", Long.class);
    /** The notification whose acknowledgement is missing. */
    public static final ProcessVariable<String> REFERENCE = byProcess("notificationReference", String.class);
    /** ISO 8601 duration: how long after chasing the authority the coordinator is asked again. */
    public static final ProcessVariable<String> CHASE_AGAIN_AFTER = byProcess("chaseAgainAfter", String.class);

    // --- variables people write through the task's form --------------------------------------------------------------
    public static final ProcessVariable<String> DECISION = byForm("acknowledgementDecision", String.class);
    public static final ProcessVariable<String> NOTE = byForm("acknowledgementNote", String.class);
    public static final ProcessVariable<String> AUTHORITY_REFERENCE = byForm("authorityReference", String.class);
    public static final ProcessVariable<String> ACKNOWLEDGED_ON = byForm("acknowledgedOn", String.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .userTask(TASK_FOLLOW_UP_ACKNOWLEDGEMENT, Forms.FOLLOW_UP_ACKNOWLEDGEMENT)
            .messages(ACKNOWLEDGED_MESSAGE)
            .variables(MEMBERSHIP_ID, REFERENCE, CHASE_AGAIN_AFTER, DECISION, NOTE, AUTHORITY_REFERENCE, ACKNOWLEDGED_ON)
            .variables(TaskDisplay.all().toArray(ProcessVariable<?>[]::new))
            .build();

    private AcknowledgementProcess() {
    }
}
