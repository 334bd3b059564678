package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.FormField.checkbox;
import static eu.infosharing.governance.process.FormField.choice;
import static eu.infosharing.governance.process.FormField.date;
import static eu.infosharing.governance.process.FormField.number;
import static eu.infosharing.governance.process.FormField.shown;
import static eu.infosharing.governance.process.FormField.text;
import static eu.infosharing.governance.process.FormField.textArea;

/**
 * Every Camunda Form of forms/, field by field, as the trust boundary enforces it: a submission carries only the
 * input fields, with their kind, allowed values and length. FormContractsTest keeps this in step with the files.
 */
public final class Forms {

    private Forms() {
    }

    /** What every review of an application shows first: who applies, for what, under which regimes, with whom. */
    private static final FormField[] APPLICATION_SUMMARY = {shown("organisationName"), shown("arrangementName"),
            shown("participantTypeLabel"), shown("identifiersDisplay"), shown("regimesDisplay"), shown("contactsDisplay"),
            shown("sponsorsDisplay"), shown("motivation"), shown("informationRequestsDisplay")};

    /** What every task on a notification shows first: who tells which authority of what, by when, under which law. */
    private static final FormField[] NOTIFICATION_SUMMARY = {shown("organisationName"), shown("arrangementName"),
            shown("authorityName"), shown("authorityChannel"), shown("notificationReference"), shown("eventLabel"),
            shown("effectiveDate"), shown("dueDateLabel"), shown("legalBasis"), shown("letterUrl")};

    public static final FormContract REVIEW_ACCOUNT_REQUEST = FormContract.of("review-account-request",
            shown("applicantName"),
            shown("organisationName"),
            shown("applicantEmail"),
            shown("requestedLabel"),
            choice("accountDecision", true, "ACCEPT", "REFUSE"),
            textArea("accountRefusalReason", true, 2000));

    public static final FormContract ACCEPT_RULES_REVISION = FormContract.of("accept-rules-revision",
            shown("organisationName"),
            shown("arrangementName"),
            shown("rulesVersion"),
            shown("changeSummary"),
            shown("rulesText"),
            checkbox("rulesAccepted", true));

    public static final FormContract ACCEPT_RULES = FormContract.of("accept-rules",
            shown("organisationName"),
            shown("arrangementName"),
            shown("rulesVersion"),
            shown("rulesText"),
            checkbox("rulesAccepted", true));

    public static final FormContract AMEND_APPLICATION = FormContract.of("amend-application",
            APPLICATION_SUMMARY,
            shown("latestQuestion"),
            text("legalName", true, 200),
            text("legalForm", true, 50),
            text("lei", false, 0),
            text("contact1Name", true, 120),
            text("contact1Email", true, 254),
            text("contact1Phone", true, 0),
            text("contact2Name", false, 120),
            text("contact2Email", false, 254),
            text("contact2Phone", false, 0),
            textArea("amendmentResponse", true, 2000));

    public static final FormContract APPLICATION = FormContract.of("application",
            choice("arrangementCode", true, "APPSEC", "AWARENESS", "CLOUD", "CRYPTO", "CIDR", "HOSPITALS", "ESA", "GRC", "IAM", "OTICS", "PRIVACY", "REGSTD"),
            text("legalName", true, 200),
            text("legalForm", true, 50),
            choice("country", true, "BE", "NL", "LU", "FR", "DE", "AT", "BG", "CY", "CZ", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT", "LT", "LV", "MT", "PL", "PT", "RO", "SE", "SI", "SK"),
            text("enterpriseNumber", true, 0),
            text("foreignRegisterId", true, 40),
            text("lei", false, 0),
            choice("participantType", true, "PRIVATE_COMPANY", "ICT_THIRD_PARTY_PROVIDER", "PUBLIC_BODY", "ACADEMIC", "HEALTHCARE_PROVIDER", "NON_PROFIT"),
            choice("preferredLanguage", true, "nl", "fr", "en", "de"),
            choice("nis2Status", true, "ESSENTIAL", "IMPORTANT", "NOT_IN_SCOPE"),
            choice("nis2Sector", true, "ENERGY", "TRANSPORT", "BANKING", "FINANCIAL_MARKET_INFRASTRUCTURES", "HEALTH", "DRINKING_WATER", "WASTE_WATER", "DIGITAL_INFRASTRUCTURE", "ICT_SERVICE_MANAGEMENT", "PUBLIC_ADMINISTRATION", "SPACE", "POSTAL_AND_COURIER", "WASTE_MANAGEMENT", "CHEMICALS", "FOOD", "MANUFACTURING", "DIGITAL_PROVIDERS", "RESEARCH"),
            choice("doraEntityType", true, "NONE", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"),
            choice("doraLicence", false, "SIGNIFICANT_CREDIT_INSTITUTION", "LESS_SIGNIFICANT_CREDIT_INSTITUTION", "STOCKBROKING_FIRM", "PORTFOLIO_MANAGEMENT_FIRM", "CRYPTO_ASSET_SERVICE_PROVIDER", "ASSET_REFERENCED_TOKEN_ISSUER", "DRSP_SUPERVISED_BY_ESMA", "DRSP_SUPERVISED_NATIONALLY"),
            text("supervisoryId", false, 40),
            text("contact1Name", true, 120),
            text("contact1Email", true, 254),
            text("contact1Phone", true, 0),
            text("contact1PgpFingerprint", false, 0),
            text("contact2Name", false, 120),
            text("contact2Email", false, 254),
            text("contact2Phone", false, 0),
            text("contact2PgpFingerprint", false, 0),
            text("sponsor1Identifier", false, 30),
            text("sponsor2Identifier", false, 30),
            choice("notificationMode", true, "SEND_ON_BEHALF", "PREPARE_ONLY"),
            textArea("motivation", false, 2000));

    public static final FormContract CHECK_GDPR = FormContract.of("check-gdpr",
            APPLICATION_SUMMARY,
            choice("lawfulBasis", true, "LEGITIMATE_INTEREST", "PUBLIC_TASK", "LEGAL_OBLIGATION", "CONSENT"),
            checkbox("contactDataMinimal", false),
            checkbox("privacyNoticeProvided", false),
            choice("gdprDecision", true, "APPROVE", "REJECT"),
            textArea("gdprReason", true, 2000));

    public static final FormContract CONFIRM_ANNUAL_REVIEW = FormContract.of("confirm-annual-review",
            shown("organisationName"),
            shown("identifiersDisplay"),
            choice("nis2Status", true, "ESSENTIAL", "IMPORTANT", "NOT_IN_SCOPE"),
            choice("nis2Sector", true, "ENERGY", "TRANSPORT", "BANKING", "FINANCIAL_MARKET_INFRASTRUCTURES", "HEALTH", "DRINKING_WATER", "WASTE_WATER", "DIGITAL_INFRASTRUCTURE", "ICT_SERVICE_MANAGEMENT", "PUBLIC_ADMINISTRATION", "SPACE", "POSTAL_AND_COURIER", "WASTE_MANAGEMENT", "CHEMICALS", "FOOD", "MANUFACTURING", "DIGITAL_PROVIDERS", "RESEARCH"),
            choice("doraEntityType", true, "NONE", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"),
            choice("doraLicence", false, "SIGNIFICANT_CREDIT_INSTITUTION", "LESS_SIGNIFICANT_CREDIT_INSTITUTION", "STOCKBROKING_FIRM", "PORTFOLIO_MANAGEMENT_FIRM", "CRYPTO_ASSET_SERVICE_PROVIDER", "ASSET_REFERENCED_TOKEN_ISSUER", "DRSP_SUPERVISED_BY_ESMA", "DRSP_SUPERVISED_NATIONALLY"),
            text("supervisoryId", false, 40),
            text("lei", false, 0),
            text("contact1Name", true, 120),
            text("contact1Email", true, 254),
            text("contact1Phone", true, 0),
            text("contact2Name", false, 120),
            text("contact2Email", false, 254),
            text("contact2Phone", false, 0));

    public static final FormContract CONFIRM_DESTRUCTION = FormContract.of("confirm-destruction",
            shown("organisationName"),
            shown("arrangementName"),
            shown("effectiveDateLabel"),
            checkbox("destructionConfirmed", true),
            textArea("destructionStatement", false, 2000));

    public static final FormContract CONFIRM_NOTIFICATION = FormContract.of("confirm-notification",
            NOTIFICATION_SUMMARY,
            text("memberReference", true, 200),
            date("memberSentOn", true));

    public static final FormContract DECIDE_ON_BREACH = FormContract.of("decide-on-breach",
            shown("organisationName"),
            shown("arrangementName"),
            shown("cessationReason"),
            shown("breachEvidence"),
            shown("memberResponseDisplay"),
            choice("breachDecision", true, "WARNING", "SUSPENSION", "EXPULSION"),
            textArea("breachDecisionReason", true, 2000));

    public static final FormContract ANSWER_DATA_SUBJECT_REQUEST = FormContract.of("answer-data-subject-request",
            shown("requestReference"),
            shown("requestKindLabel"),
            shown("organisationName"),
            shown("receivedLabel"),
            shown("dueLabel"),
            shown("findingsSummary"),
            shown("exportUrl"),
            choice("dsrOutcome", true, "ANSWER", "RECTIFY", "ERASE", "EXTEND", "REFUSE"),
            textArea("dsrReason", false, 2000),
            text("correctedName", false, 120),
            text("correctedEmail", false, 254),
            text("correctedPhone", false, 30));

    public static final FormContract DECIDE_UNANSWERED_REVIEW = FormContract.of("decide-unanswered-review",
            shown("organisationName"),
            shown("regimesDisplay"),
            choice("reviewDecision", true, "EXTEND", "SUSPEND", "LAPSE"),
            textArea("reviewDecisionReason", true, 2000));

    public static final FormContract ENDORSE_APPLICATION = FormContract.of("endorse-application",
            APPLICATION_SUMMARY,
            shown("sponsorName"),
            choice("endorsementDecision", true, "ENDORSE", "DECLINE"),
            textArea("endorsementReason", true, 2000));

    public static final FormContract DECIDE_AUTHORITY_NO_LONGER_NAMED = FormContract.of("decide-authority-no-longer-named",
            shown("organisationName"),
            shown("identifiersDisplay"),
            shown("regimesDisplay"),
            shown("authorityName"),
            choice("concernDecision", true, "TELL_AUTHORITY", "KEEP_INFORMED"),
            textArea("concernReason", true, 2000));

    public static final FormContract FIND_COMPETENT_AUTHORITY = FormContract.of("find-competent-authority",
            shown("organisationName"),
            shown("identifiersDisplay"),
            shown("regimesDisplay"),
            shown("eventLabel"),
            shown("effectiveDateLabel"),
            shown("knownAuthoritiesDisplay"),
            choice("authorityFinding", true, "AUTHORITY_FOUND", "NO_AUTHORITY_APPLIES"),
            text("authorityCode", false, 20),
            textArea("findingReason", true, 2000));

    public static final FormContract FOLLOW_UP_ACKNOWLEDGEMENT = FormContract.of("follow-up-acknowledgement",
            NOTIFICATION_SUMMARY,
            shown("sentOnLabel"),
            choice("acknowledgementDecision", true, "RECORD_ACKNOWLEDGEMENT", "CHASED", "NOT_EXPECTED"),
            textArea("acknowledgementNote", true, 2000),
            text("authorityReference", true, 200),
            date("acknowledgedOn", true));

    public static final FormContract FOLLOW_UP_DESTRUCTION = FormContract.of("follow-up-destruction",
            shown("organisationName"),
            shown("arrangementName"),
            shown("contactsDisplay"),
            textArea("followUpNote", true, 2000));

    public static final FormContract FOLLOW_UP_NOTIFICATION = FormContract.of("follow-up-notification",
            NOTIFICATION_SUMMARY,
            shown("contactsDisplay"),
            choice("followUpDecision", true, "CHASED", "RECORD_CONFIRMATION"),
            textArea("followUpNote", true, 2000),
            text("memberReference", true, 200),
            date("memberSentOn", true));

    public static final FormContract FOLLOW_UP_SPONSOR = FormContract.of("follow-up-sponsor",
            APPLICATION_SUMMARY,
            shown("sponsorName"),
            choice("sponsorFollowUpDecision", true, "REMIND", "WAIVE", "DECLINE"),
            textArea("sponsorFollowUpReason", true, 2000));

    public static final FormContract REQUEST_CESSATION = FormContract.of("request-cessation",
            number("membershipId", true),
            choice("cessationKind", true, "WITHDRAWAL", "BREACH", "LAPSE", "ORGANISATION_CEASED", "INELIGIBLE"),
            textArea("reason", true, 2000),
            textArea("evidence", false, 4000),
            date("date", false));

    public static final FormContract RESPOND_TO_BREACH = FormContract.of("respond-to-breach",
            shown("organisationName"),
            shown("arrangementName"),
            shown("cessationReason"),
            shown("breachEvidence"),
            textArea("breachResponse", true, 4000));

    public static final FormContract REVIEW_COMPETITION_LAW = FormContract.of("review-competition-law",
            APPLICATION_SUMMARY,
            shown("screenRationale"),
            choice("legalDecision", true, "APPROVE", "REJECT"),
            textArea("legalReason", true, 2000));

    public static final FormContract VET_APPLICATION = FormContract.of("vet-application",
            APPLICATION_SUMMARY,
            choice("vettingDecision", true, "APPROVE", "REQUEST_INFORMATION", "REJECT"),
            textArea("vettingReason", true, 2000));
}
