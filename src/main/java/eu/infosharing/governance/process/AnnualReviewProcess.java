package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract of bpmn/annual-review.bpmn (business key = membership id): the yearly confirmation of a membership's
 * data. Only the product starts it, when a membership becomes active.
 */
public final class AnnualReviewProcess {

    public static final String KEY = "annual-review";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_MEMBERSHIP_ACTIVE = "StartEvent_MembershipActive";
    public static final String GATEWAY_NEXT_YEAR = "Gateway_NextYear";
    public static final String TIMER_CATCH_ANNIVERSARY = "TimerCatch_Anniversary";
    public static final String GATEWAY_ASK_AGAIN = "Gateway_AskAgain";
    public static final String TASK_CONFIRM_REVIEW = "Task_ConfirmReview";
    public static final String BOUNDARY_EVENT_REVIEW_REMINDER = "BoundaryEvent_ReviewReminder";
    public static final String BOUNDARY_EVENT_NO_ANSWER = "BoundaryEvent_NoAnswer";
    public static final String SERVICE_TASK_REMIND_REVIEW = "ServiceTask_RemindReview";
    public static final String END_EVENT_REVIEW_REMINDED = "EndEvent_ReviewReminded";
    public static final String TASK_DECIDE_UNANSWERED_REVIEW = "Task_DecideUnansweredReview";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String SERVICE_TASK_LAPSE_FOR_REVIEW = "ServiceTask_LapseForReview";
    public static final String END_EVENT_REVIEW_LAPSED = "EndEvent_ReviewLapsed";
    public static final String GATEWAY_NEW_AUTHORITIES = "Gateway_NewAuthorities";
    public static final String CALL_ACTIVITY_NOTIFY_NEW_AUTHORITIES = "CallActivity_NotifyNewAuthorities";
    public static final String GATEWAY_MERGE_NOTIFIED = "Gateway_MergeNotified";
    public static final String GATEWAY_AUTHORITIES_NO_LONGER_NAMED = "Gateway_AuthoritiesNoLongerNamed";
    public static final String SUB_PROCESS_AUTHORITY_NO_LONGER_NAMED = "SubProcess_AuthorityNoLongerNamed";
    public static final String START_EVENT_AUTHORITY_NO_LONGER_NAMED = "StartEvent_AuthorityNoLongerNamed";
    public static final String TASK_DECIDE_AUTHORITY_NO_LONGER_NAMED = "Task_DecideAuthorityNoLongerNamed";
    public static final String GATEWAY_CONCERN_DECISION = "Gateway_ConcernDecision";
    public static final String CALL_ACTIVITY_TELL_CONCERN_ENDED = "CallActivity_TellConcernEnded";
    public static final String END_EVENT_AUTHORITY_TOLD = "EndEvent_AuthorityTold";
    public static final String END_EVENT_AUTHORITY_KEPT_INFORMED = "EndEvent_AuthorityKeptInformed";
    public static final String GATEWAY_MERGE_NO_LONGER_NAMED = "Gateway_MergeNoLongerNamed";
    public static final String SERVICE_TASK_SCHEDULE_NEXT_REVIEW = "ServiceTask_ScheduleNextReview";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> MEMBERSHIP_ID = byProcess("membershipId", Long.class);
    public static final ProcessVariable<Date> NEXT_REVIEW_AT = byProcess("nextReviewAt", Date.class);
    public static final ProcessVariable<Integer> REVIEW_YEAR = byProcess("reviewYear", Integer.class);
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<List> NEW_NOTIFICATION_REFERENCES = byProcess("newNotificationReferences", List.class);

    /** Authorities told of the participation that the confirmed data no longer names: one decision each. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<List> AUTHORITIES_NO_LONGER_NAMED = byProcess("authoritiesNoLongerNamed", List.class);
    /** The element of that multi-instance: one authority's code. */
    public static final ProcessVariable<String> NO_LONGER_NAMED_AUTHORITY = byProcess("noLongerNamedAuthority", String.class);
    /** The letter telling that authority, local to its branch. */
    public static final ProcessVariable<String> CONCERN_NOTIFICATION_REFERENCE = byProcess("concernNotificationReference", String.class);

    // --- variables people write through a task's form ----------------------------------------------------------------
    public static final ProcessVariable<String> CONCERN_DECISION = byForm("concernDecision", String.class);
    public static final ProcessVariable<String> CONCERN_REASON = byForm("concernReason", String.class);
    public static final ProcessVariable<String> REVIEW_DECISION = byForm("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_DECISION_REASON = byForm("reviewDecisionReason", String.class);

    /** The review form shows the data on file in these fields for the member to confirm or correct. */
    static final String[] REVIEWED_DATA = Stream.concat(Stream.of(ApplicationFields.NIS2_STATUS, ApplicationFields.NIS2_SECTOR,
                    ApplicationFields.DORA_ENTITY_TYPE, ApplicationFields.DORA_LICENCE, ApplicationFields.SUPERVISORY_ID,
                    ApplicationFields.LEI),
            ApplicationFields.CONTACTS.stream().flatMap(c -> Stream.of(c.name(), c.email(), c.phone())))
            .map(ProcessVariable::name).toArray(String[]::new);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .userTask(TASK_CONFIRM_REVIEW, Forms.CONFIRM_ANNUAL_REVIEW, REVIEWED_DATA)
            .userTask(TASK_DECIDE_UNANSWERED_REVIEW, Forms.DECIDE_UNANSWERED_REVIEW)
            .userTask(TASK_DECIDE_AUTHORITY_NO_LONGER_NAMED, Forms.DECIDE_AUTHORITY_NO_LONGER_NAMED)
            .variables(MEMBERSHIP_ID, NEXT_REVIEW_AT, REVIEW_YEAR, NEW_NOTIFICATION_REFERENCES, NotificationProcess.REFERENCE,
                    REVIEW_DECISION, REVIEW_DECISION_REASON, AUTHORITIES_NO_LONGER_NAMED, NO_LONGER_NAMED_AUTHORITY,
                    CONCERN_NOTIFICATION_REFERENCE, CONCERN_DECISION, CONCERN_REASON,
                    ApplicationFields.NIS2_STATUS, ApplicationFields.DORA_ENTITY_TYPE,
                    ApplicationFields.DORA_LICENCE)
            .variables(Stream.concat(ApplicationFields.all().stream(), TaskDisplay.all().stream())
                    .toArray(ProcessVariable<?>[]::new))
            .build();

    private AnnualReviewProcess() {
    }
}
