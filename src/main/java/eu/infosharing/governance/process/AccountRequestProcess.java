package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;

/**
 * The contract of bpmn/account-request.bpmn (business key = "account-" + the request's id): a person who applied on the
 * public Apply to join page and verified their e-mail address waits for a coordinator, who accepts the request (the
 * account is opened and a single-use link to set a password is mailed) or refuses it with a reason (which is mailed).
 * Only the product starts it, once the address is verified; the applicant's details stay in our table and are shown
 * to the coordinator as task-local values.
 */
public final class AccountRequestProcess {

    public static final String KEY = "account-request";

    /** The business key of a request's process. */
    public static String businessKey(Long requestId) {
        return "account-" + requestId;
    }

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_ADDRESS_VERIFIED = "StartEvent_AddressVerified";
    public static final String TASK_REVIEW_ACCOUNT_REQUEST = "Task_ReviewAccountRequest";
    public static final String GATEWAY_ACCOUNT_DECISION = "Gateway_AccountDecision";
    public static final String SERVICE_TASK_OPEN_ACCOUNT = "ServiceTask_OpenAccount";
    public static final String END_EVENT_ACCOUNT_OPENED = "EndEvent_AccountOpened";
    public static final String SERVICE_TASK_SEND_REFUSAL = "ServiceTask_SendRefusal";
    public static final String END_EVENT_ACCOUNT_REFUSED = "EndEvent_AccountRefused";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> ACCOUNT_REQUEST_ID = byProcess("accountRequestId", Long.class);
    /** When the coordinators' decision is due (governance.join.review-period after the address was verified). */
    public static final ProcessVariable<Date> REVIEW_DUE_AT = byProcess("reviewDueAt", Date.class);

    // --- what the coordinator's form shows (task-local) --------------------------------------------------------------
    public static final ProcessVariable<String> APPLICANT_NAME = byProcess("applicantName", String.class);
    public static final ProcessVariable<String> APPLICANT_EMAIL = byProcess("applicantEmail", String.class);
    public static final ProcessVariable<String> REQUESTED_LABEL = byProcess("requestedLabel", String.class);

    // --- what the coordinator writes through the task's form ----------------------------------------------------------
    public static final ProcessVariable<String> DECISION = byForm("accountDecision", String.class);
    public static final ProcessVariable<String> REFUSAL_REASON = byForm("accountRefusalReason", String.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .userTask(TASK_REVIEW_ACCOUNT_REQUEST, Forms.REVIEW_ACCOUNT_REQUEST)
            .variables(ACCOUNT_REQUEST_ID, REVIEW_DUE_AT, APPLICANT_NAME, APPLICANT_EMAIL, REQUESTED_LABEL,
                    TaskDisplay.ORGANISATION_NAME, DECISION, REFUSAL_REASON)
            .build();

    private AccountRequestProcess() {
    }
}
