package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.Date;

/**
 * The contract of bpmn/rules-revision.bpmn (business key rules-{version id}): a new version of the rules of conduct,
 * asked of every active member through one {@link RulesAcceptanceProcess} instance each, started in batches. Only the
 * product starts it, when a coordinator publishes through our API, and only the product sends its message.
 *
 * <p>Instances of its first version, which asked every member in a multi-instance subprocess of this one instance,
 * may still run: their acceptance tasks keep the ids and the form of {@link RulesAcceptanceProcess}'s, so the contract
 * keeps them as former user tasks.
 */
public final class RulesRevisionProcess {

    public static final String KEY = "rules-revision";
    public static final String BUSINESS_KEY_PREFIX = "rules-";
    /** Sent by the last member's acceptance to settle, correlated by the revision's business key. */
    public static final String MEMBERS_SETTLED_MESSAGE = "rules-revision-members-settled";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_REVISION_PUBLISHED = "StartEvent_RevisionPublished";
    public static final String GATEWAY_SPLIT = "Gateway_Split";
    public static final String GATEWAY_ANY_MEMBERS = "Gateway_AnyMembers";
    public static final String SERVICE_TASK_ASK_MEMBERS = "ServiceTask_AskMembers";
    public static final String MESSAGE_CATCH_MEMBERS_SETTLED = "MessageCatch_MembersSettled";
    public static final String GATEWAY_MERGE_MEMBERS = "Gateway_MergeMembers";
    public static final String TIMER_CATCH_RULES_EFFECTIVE = "TimerCatch_RulesEffective";
    public static final String SERVICE_TASK_ADOPT_RULES = "ServiceTask_AdoptRules";
    public static final String GATEWAY_JOIN = "Gateway_Join";
    public static final String END_EVENT_REVISION_SETTLED = "EndEvent_RevisionSettled";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> RULES_VERSION_ID = byProcess("rulesVersionId", Long.class);
    public static final ProcessVariable<Date> EFFECTIVE_AT = byProcess("effectiveAt", Date.class);
    public static final ProcessVariable<String> REMINDER_CYCLE = byProcess("reminderCycle", String.class);
    public static final ProcessVariable<String> FINAL_PERIOD = byProcess("finalPeriod", String.class);
    /** How many members were asked: every member active at publication. */
    public static final ProcessVariable<Integer> MEMBERS_ASKED = byProcess("membersAsked", Integer.class);
    /** The element of the batches' multi-instance: one batch of members, local to its job. */
    public static final ProcessVariable<Integer> BATCH_NUMBER = byProcess("batchNumber", Integer.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .formerUserTask(RulesAcceptanceProcess.TASK_ACCEPT_REVISION, Forms.ACCEPT_RULES_REVISION)
            .formerUserTask(RulesAcceptanceProcess.TASK_ACCEPT_REVISION_LATE, Forms.ACCEPT_RULES_REVISION)
            .messages(MEMBERS_SETTLED_MESSAGE)
            .variables(RULES_VERSION_ID, EFFECTIVE_AT, REMINDER_CYCLE, FINAL_PERIOD, MEMBERS_ASKED, BATCH_NUMBER)
            .build();

    public static String businessKey(long rulesVersionId) {
        return BUSINESS_KEY_PREFIX + rulesVersionId;
    }

    private RulesRevisionProcess() {
    }
}
