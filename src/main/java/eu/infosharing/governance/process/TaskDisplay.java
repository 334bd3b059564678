package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.List;

/**
 * What the read-only fields of the task forms show: read from our tables by each model's
 * {@code engine.TaskFormContext} when the form is read, never stored in the engine (ADR 10). A person never writes
 * them (a submission that carries one has them set aside).
 */
public final class TaskDisplay {

    public static final ProcessVariable<String> ORGANISATION_NAME = byProcess("organisationName", String.class);
    public static final ProcessVariable<String> ARRANGEMENT_NAME = byProcess("arrangementName", String.class);
    public static final ProcessVariable<String> PARTICIPANT_TYPE_LABEL = byProcess("participantTypeLabel", String.class);
    public static final ProcessVariable<String> IDENTIFIERS = byProcess("identifiersDisplay", String.class);
    public static final ProcessVariable<String> REGIMES = byProcess("regimesDisplay", String.class);
    public static final ProcessVariable<String> CONTACTS = byProcess("contactsDisplay", String.class);
    public static final ProcessVariable<String> SPONSORS = byProcess("sponsorsDisplay", String.class);
    public static final ProcessVariable<String> INFORMATION_REQUESTS = byProcess("informationRequestsDisplay", String.class);
    public static final ProcessVariable<String> LATEST_QUESTION = byProcess("latestQuestion", String.class);
    public static final ProcessVariable<String> SPONSOR_NAME = byProcess("sponsorName", String.class);
    public static final ProcessVariable<String> SCREEN_RATIONALE = byProcess("screenRationale", String.class);
    public static final ProcessVariable<String> RULES_VERSION = byProcess("rulesVersion", String.class);
    public static final ProcessVariable<String> RULES_TEXT = byProcess("rulesText", String.class);
    public static final ProcessVariable<String> CHANGE_SUMMARY = byProcess("changeSummary", String.class);
    public static final ProcessVariable<String> CESSATION_REASON = byProcess("cessationReason", String.class);
    public static final ProcessVariable<String> BREACH_EVIDENCE = byProcess("breachEvidence", String.class);
    public static final ProcessVariable<String> MEMBER_RESPONSE = byProcess("memberResponseDisplay", String.class);
    public static final ProcessVariable<String> EFFECTIVE_DATE_LABEL = byProcess("effectiveDateLabel", String.class);
    public static final ProcessVariable<String> AUTHORITY_NAME = byProcess("authorityName", String.class);
    public static final ProcessVariable<String> AUTHORITY_CHANNEL = byProcess("authorityChannel", String.class);
    public static final ProcessVariable<String> EVENT_LABEL = byProcess("eventLabel", String.class);
    public static final ProcessVariable<String> EFFECTIVE_DATE = byProcess("effectiveDate", String.class);
    public static final ProcessVariable<String> DUE_DATE_LABEL = byProcess("dueDateLabel", String.class);
    public static final ProcessVariable<String> LEGAL_BASIS = byProcess("legalBasis", String.class);
    public static final ProcessVariable<String> LETTER_URL = byProcess("letterUrl", String.class);
    public static final ProcessVariable<String> SENT_ON_LABEL = byProcess("sentOnLabel", String.class);

    private TaskDisplay() {
    }

    static List<ProcessVariable<?>> all() {
        return List.of(ORGANISATION_NAME, ARRANGEMENT_NAME, PARTICIPANT_TYPE_LABEL, IDENTIFIERS, REGIMES, CONTACTS, SPONSORS,
                INFORMATION_REQUESTS, LATEST_QUESTION, SPONSOR_NAME, SCREEN_RATIONALE, RULES_VERSION, RULES_TEXT,
                CHANGE_SUMMARY, CESSATION_REASON, BREACH_EVIDENCE, MEMBER_RESPONSE, EFFECTIVE_DATE_LABEL, AUTHORITY_NAME,
                AUTHORITY_CHANNEL, EVENT_LABEL, EFFECTIVE_DATE, DUE_DATE_LABEL, LEGAL_BASIS, LETTER_URL, SENT_ON_LABEL);
    }
}
