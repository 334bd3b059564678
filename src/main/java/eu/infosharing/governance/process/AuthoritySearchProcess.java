package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;
import java.util.List;

/**
 * The contract of bpmn/competent-authority-search.bpmn (business key = membership id): no rule names a competent
 * authority for an entity that is in a regime (a Member State or a licence the decision table does not know), so a
 * coordinator finds it instead of the product notifying nobody in silence. Only the product starts it.
 */
public final class AuthoritySearchProcess {

    public static final String KEY = "competent-authority-search";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_NO_AUTHORITY_FOUND = "StartEvent_NoAuthorityFound";
    public static final String TASK_FIND_COMPETENT_AUTHORITY = "Task_FindCompetentAuthority";
    public static final String GATEWAY_AUTHORITY_FOUND = "Gateway_AuthorityFound";
    public static final String CALL_ACTIVITY_NOTIFY_FOUND_AUTHORITY = "CallActivity_NotifyFoundAuthority";
    public static final String END_EVENT_AUTHORITY_NOTIFIED = "EndEvent_AuthorityNotified";
    public static final String END_EVENT_NO_AUTHORITY_APPLIES = "EndEvent_NoAuthorityApplies";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> MEMBERSHIP_ID = byProcess("membershipId", Long.class);
    /** ENTRY or CESSATION: what the authority is to be told of. */
    public static final ProcessVariable<String> EVENT = byProcess("notificationEvent", String.class);
    /** ISO date the event took effect: the notification's deadline runs from it. */
    public static final ProcessVariable<String> EFFECTIVE_ON = byProcess("effectiveOn", String.class);
    /** The country and regimes as they stood when the search began, and the regime searched: not searched twice. */
    public static final ProcessVariable<String> SEARCHED_REGIMES = byProcess("searchedRegimes", String.class);
    /** NIS2 or DORA: the regime no authority is named for (one search per regime). */
    public static final ProcessVariable<String> SEARCHED_REGIME = byProcess("searchedRegime", String.class);
    /** "<entity>, <country>, <regime>", for the task's name in Tasklist. */
    public static final ProcessVariable<String> SUBJECT = byProcess("searchSubject", String.class);
    public static final ProcessVariable<Date> DUE = byProcess("searchDue", Date.class);
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<List> NOTIFICATION_REFERENCES = byProcess("notificationReferences", List.class);
    public static final ProcessVariable<String> KNOWN_AUTHORITIES = byProcess("knownAuthoritiesDisplay", String.class);

    // --- variables people write through a task's form ----------------------------------------------------------------
    public static final ProcessVariable<String> FINDING = byForm("authorityFinding", String.class);
    public static final ProcessVariable<String> AUTHORITY_CODE = byForm("authorityCode", String.class);
    public static final ProcessVariable<String> FINDING_REASON = byForm("findingReason", String.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .userTask(TASK_FIND_COMPETENT_AUTHORITY, Forms.FIND_COMPETENT_AUTHORITY)
            .variables(MEMBERSHIP_ID, EVENT, EFFECTIVE_ON, SEARCHED_REGIMES, SEARCHED_REGIME, SUBJECT, DUE, NOTIFICATION_REFERENCES,
                    KNOWN_AUTHORITIES, FINDING, AUTHORITY_CODE, FINDING_REASON, NotificationProcess.REFERENCE)
            .variables(TaskDisplay.ORGANISATION_NAME, TaskDisplay.IDENTIFIERS, TaskDisplay.REGIMES, TaskDisplay.EVENT_LABEL,
                    TaskDisplay.EFFECTIVE_DATE_LABEL)
            .build();

    private AuthoritySearchProcess() {
    }
}
