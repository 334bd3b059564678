package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;

/**
 * The contract of bpmn/data-subject-request.bpmn (business key = "dsr-" + the request's id): a contact person's request
 * for access (GDPR Art. 15), rectification (Art. 16) or erasure (Art. 17), answered by the DPO within one month of
 * receipt (Art. 12(3)), extendable once by two further months with a reason. Only the product starts it, after our API
 * has checked who asks about whom; the subject's identity stays in our table, never in the engine's variables.
 */
public final class DataSubjectRequestProcess {

    public static final String KEY = "data-subject-request";

    /** The business key of a request's process. */
    public static String businessKey(Long requestId) {
        return "dsr-" + requestId;
    }

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_REQUEST_RECEIVED = "StartEvent_RequestReceived";
    public static final String SERVICE_TASK_FIND_PERSONAL_DATA = "ServiceTask_FindPersonalData";
    public static final String GATEWAY_ANSWER = "Gateway_Answer";
    public static final String TASK_ANSWER_REQUEST = "Task_AnswerRequest";
    public static final String BOUNDARY_EVENT_ANSWER_OVERDUE = "BoundaryEvent_AnswerOverdue";
    public static final String SERVICE_TASK_RAISE_OVERDUE = "ServiceTask_RaiseOverdue";
    public static final String END_EVENT_OVERDUE_RAISED = "EndEvent_OverdueRaised";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String SERVICE_TASK_EXTEND_DEADLINE = "ServiceTask_ExtendDeadline";
    public static final String SERVICE_TASK_RECTIFY_DATA = "ServiceTask_RectifyData";
    public static final String END_EVENT_DATA_RECTIFIED = "EndEvent_DataRectified";
    public static final String SERVICE_TASK_ERASE_PERSON_DATA = "ServiceTask_ErasePersonData";
    public static final String END_EVENT_DATA_ERASED = "EndEvent_DataErased";
    public static final String SERVICE_TASK_RECORD_ANSWER = "ServiceTask_RecordAnswer";
    public static final String END_EVENT_REQUEST_ANSWERED = "EndEvent_RequestAnswered";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> REQUEST_ID = byProcess("dataSubjectRequestId", Long.class);
    /** When the answer is due: the end of the due day; moves when the DPO extends the period. */
    public static final ProcessVariable<Date> ANSWER_DUE_AT = byProcess("answerDueAt", Date.class);

    // --- what the DPO's form shows (task-local, no personal data: counts and references only) ------------------------
    public static final ProcessVariable<String> REQUEST_REFERENCE = byProcess("requestReference", String.class);
    public static final ProcessVariable<String> REQUEST_KIND_LABEL = byProcess("requestKindLabel", String.class);
    public static final ProcessVariable<String> RECEIVED_LABEL = byProcess("receivedLabel", String.class);
    public static final ProcessVariable<String> DUE_LABEL = byProcess("dueLabel", String.class);
    public static final ProcessVariable<String> FINDINGS_SUMMARY = byProcess("findingsSummary", String.class);
    public static final ProcessVariable<String> EXPORT_URL = byProcess("exportUrl", String.class);

    // --- variables the DPO writes through the task's form -------------------------------------------------------------
    public static final ProcessVariable<String> OUTCOME = byForm("dsrOutcome", String.class);
    public static final ProcessVariable<String> OUTCOME_REASON = byForm("dsrReason", String.class);
    public static final ProcessVariable<String> CORRECTED_NAME = byForm("correctedName", String.class);
    public static final ProcessVariable<String> CORRECTED_EMAIL = byForm("correctedEmail", String.class);
    public static final ProcessVariable<String> CORRECTED_PHONE = byForm("correctedPhone", String.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .userTask(TASK_ANSWER_REQUEST, Forms.ANSWER_DATA_SUBJECT_REQUEST)
            .variables(REQUEST_ID, ANSWER_DUE_AT, REQUEST_REFERENCE, REQUEST_KIND_LABEL, RECEIVED_LABEL, DUE_LABEL,
                    FINDINGS_SUMMARY, EXPORT_URL, TaskDisplay.ORGANISATION_NAME, OUTCOME, OUTCOME_REASON, CORRECTED_NAME,
                    CORRECTED_EMAIL, CORRECTED_PHONE)
            .build();

    private DataSubjectRequestProcess() {
    }
}
