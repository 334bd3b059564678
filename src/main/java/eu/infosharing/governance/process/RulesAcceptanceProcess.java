package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;

/**
 * The contract of bpmn/rules-acceptance.bpmn (business key = membership id): one member's acceptance of a new version
 * of its arrangement's rules of conduct. Only the product starts it, one root instance per member, from the batches
 * of {@link RulesRevisionProcess}; the version it asks about is {@link #RULES_VERSION_ID}, set by the product.
 */
public final class RulesAcceptanceProcess {

    public static final String KEY = "rules-acceptance";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_ACCEPTANCE_ASKED = "StartEvent_AcceptanceAsked";
    public static final String TASK_ACCEPT_REVISION = "Task_AcceptRevision";
    public static final String BOUNDARY_EVENT_REVISION_REMINDER = "BoundaryEvent_RevisionReminder";
    public static final String BOUNDARY_EVENT_NOT_ACCEPTED_IN_TIME = "BoundaryEvent_NotAcceptedInTime";
    public static final String END_EVENT_ACCEPTED = "EndEvent_Accepted";
    public static final String SERVICE_TASK_REMIND_REVISION = "ServiceTask_RemindRevision";
    public static final String END_EVENT_REVISION_REMINDED = "EndEvent_RevisionReminded";
    public static final String SERVICE_TASK_SUSPEND_MEMBER = "ServiceTask_SuspendMember";
    public static final String TASK_ACCEPT_REVISION_LATE = "Task_AcceptRevisionLate";
    public static final String BOUNDARY_EVENT_FINAL_PERIOD_OVER = "BoundaryEvent_FinalPeriodOver";
    public static final String SERVICE_TASK_REINSTATE = "ServiceTask_Reinstate";
    public static final String END_EVENT_REINSTATED = "EndEvent_Reinstated";
    public static final String SERVICE_TASK_LAPSE = "ServiceTask_Lapse";
    public static final String END_EVENT_LAPSED = "EndEvent_Lapsed";

    // --- variables the process sets (the product, when it starts the instance) --------------------------------------
    /** The version to accept. */
    public static final ProcessVariable<Long> RULES_VERSION_ID = byProcess("rulesVersionId", Long.class);
    /** The business key again, for the candidate-group expression (steps read the business key). */
    public static final ProcessVariable<Long> MEMBERSHIP_ID = byProcess("membershipId", Long.class);
    public static final ProcessVariable<Date> EFFECTIVE_AT = byProcess("effectiveAt", Date.class);
    public static final ProcessVariable<String> REMINDER_CYCLE = byProcess("reminderCycle", String.class);
    public static final ProcessVariable<String> FINAL_PERIOD = byProcess("finalPeriod", String.class);

    // --- variables people write through a task's form ----------------------------------------------------------------
    public static final ProcessVariable<Boolean> RULES_ACCEPTED = byForm("rulesAccepted", Boolean.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .userTask(TASK_ACCEPT_REVISION, Forms.ACCEPT_RULES_REVISION)
            .userTask(TASK_ACCEPT_REVISION_LATE, Forms.ACCEPT_RULES_REVISION)
            .variables(RULES_VERSION_ID, MEMBERSHIP_ID, EFFECTIVE_AT, REMINDER_CYCLE, FINAL_PERIOD, RULES_ACCEPTED)
            .variables(TaskDisplay.all().toArray(ProcessVariable<?>[]::new))
            .build();

    private RulesAcceptanceProcess() {
    }
}
