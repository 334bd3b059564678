package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;
import static eu.infosharing.governance.process.ProcessVariable.byProcess;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The contract of bpmn/membership-onboarding.bpmn (business key = membership id): an application, started by a
 * person through the application form (or by our API), through checks, sponsors, vetting, acceptance and reviews
 * to an active membership.
 */
public final class OnboardingProcess {

    public static final String KEY = "membership-onboarding";

    // --- element ids ------------------------------------------------------------------------------------------------
    public static final String START_EVENT_APPLICATION_SUBMITTED = "StartEvent_ApplicationSubmitted";
    /** The applicant's mails: at submission, on each request addressed to it, at activation (rejection and expiry below). */
    public static final String SERVICE_TASK_CONFIRM_APPLICATION = "ServiceTask_ConfirmApplication";
    public static final String SERVICE_TASK_ASK_APPLICANT_FOR_INFORMATION = "ServiceTask_AskApplicantForInformation";
    public static final String SERVICE_TASK_ASK_APPLICANT_TO_ACCEPT_RULES = "ServiceTask_AskApplicantToAcceptRules";
    public static final String SERVICE_TASK_TELL_APPLICANT_ACTIVE = "ServiceTask_TellApplicantActive";
    public static final String SERVICE_TASK_RUN_AUTOMATED_CHECKS = "ServiceTask_RunAutomatedChecks";
    public static final String GATEWAY_CHECKS_PASSED = "Gateway_ChecksPassed";
    public static final String BUSINESS_RULE_TASK_DECIDE_ELIGIBILITY = "BusinessRuleTask_DecideEligibility";
    public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
    public static final String GATEWAY_SPONSORS_REQUIRED = "Gateway_SponsorsRequired";
    public static final String SUB_PROCESS_SPONSOR_ENDORSEMENT = "SubProcess_SponsorEndorsement";
    public static final String START_EVENT_SPONSOR_ENDORSEMENT_STARTED = "StartEvent_SponsorEndorsementStarted";
    public static final String GATEWAY_MERGE_ENDORSEMENT = "Gateway_MergeEndorsement";
    public static final String TASK_ENDORSE_APPLICATION = "Task_EndorseApplication";
    public static final String BOUNDARY_EVENT_SPONSOR_SILENT = "BoundaryEvent_SponsorSilent";
    public static final String TASK_FOLLOW_UP_SPONSOR = "Task_FollowUpSponsor";
    public static final String GATEWAY_FOLLOW_UP_DECISION = "Gateway_FollowUpDecision";
    public static final String END_EVENT_SPONSOR_ANSWERED = "EndEvent_SponsorAnswered";
    public static final String END_EVENT_SPONSORSHIP_SETTLED = "EndEvent_SponsorshipSettled";
    public static final String SERVICE_TASK_EVALUATE_ENDORSEMENTS = "ServiceTask_EvaluateEndorsements";
    public static final String GATEWAY_ENDORSEMENTS_SUFFICIENT = "Gateway_EndorsementsSufficient";
    public static final String GATEWAY_MERGE_VETTING = "Gateway_MergeVetting";
    public static final String TASK_VET_APPLICATION = "Task_VetApplication";
    public static final String GATEWAY_VETTING_DECISION = "Gateway_VettingDecision";
    public static final String TASK_AMEND_APPLICATION = "Task_AmendApplication";
    public static final String TASK_ACCEPT_RULES = "Task_AcceptRules";
    public static final String BOUNDARY_EVENT_ACCEPTANCE_EXPIRED = "BoundaryEvent_AcceptanceExpired";
    public static final String BOUNDARY_EVENT_ACCEPTANCE_REMINDER = "BoundaryEvent_AcceptanceReminder";
    public static final String SERVICE_TASK_REMIND_APPLICANT = "ServiceTask_RemindApplicant";
    public static final String END_EVENT_REMINDER_SENT = "EndEvent_ReminderSent";
    public static final String SERVICE_TASK_EXPIRE_APPLICATION = "ServiceTask_ExpireApplication";
    public static final String SERVICE_TASK_NOTIFY_APPLICANT_OF_EXPIRY = "ServiceTask_NotifyApplicantOfExpiry";
    public static final String END_EVENT_APPLICATION_EXPIRED = "EndEvent_ApplicationExpired";
    public static final String TASK_CHECK_GDPR = "Task_CheckGdpr";
    public static final String GATEWAY_GDPR_DECISION = "Gateway_GdprDecision";
    public static final String BUSINESS_RULE_TASK_SCREEN_COMPETITION_LAW = "BusinessRuleTask_ScreenCompetitionLaw";
    public static final String GATEWAY_LEGAL_REVIEW_NEEDED = "Gateway_LegalReviewNeeded";
    public static final String TASK_REVIEW_COMPETITION_LAW = "Task_ReviewCompetitionLaw";
    public static final String SERVICE_TASK_RECORD_COMPETITION_PASS = "ServiceTask_RecordCompetitionPass";
    public static final String GATEWAY_LEGAL_DECISION = "Gateway_LegalDecision";
    public static final String GATEWAY_MERGE_COMPETITION_CLEARED = "Gateway_MergeCompetitionCleared";
    public static final String SERVICE_TASK_VALIDATE_MEMBERSHIP = "ServiceTask_ValidateMembership";
    public static final String SERVICE_TASK_ACTIVATE_MEMBERSHIP = "ServiceTask_ActivateMembership";
    public static final String CALL_ACTIVITY_NOTIFY_AUTHORITIES = "CallActivity_NotifyAuthorities";
    public static final String END_EVENT_MEMBERSHIP_ACTIVE = "EndEvent_MembershipActive";
    public static final String GATEWAY_MERGE_REJECTION = "Gateway_MergeRejection";
    public static final String SERVICE_TASK_REJECT_APPLICATION = "ServiceTask_RejectApplication";
    public static final String SERVICE_TASK_NOTIFY_APPLICANT_OF_REJECTION = "ServiceTask_NotifyApplicantOfRejection";
    public static final String END_EVENT_APPLICATION_REJECTED = "EndEvent_ApplicationRejected";

    // --- variables the process sets ---------------------------------------------------------------------------------
    public static final ProcessVariable<Long> MEMBERSHIP_ID = byProcess("membershipId", Long.class);
    /** Who submitted the application (camunda:initiator). */
    public static final ProcessVariable<String> APPLICANT = byProcess("applicant", String.class);
    public static final ProcessVariable<String> APPLICANT_GROUP = byProcess("applicantGroup", String.class);
    public static final ProcessVariable<Integer> REQUIRED_SPONSORS = byProcess("requiredSponsors", Integer.class);
    public static final ProcessVariable<Boolean> AUTOMATED_CHECKS_PASSED = byProcess("automatedChecksPassed", Boolean.class);
    public static final ProcessVariable<String> REJECTION_REASON = byProcess("rejectionReason", String.class);
    public static final ProcessVariable<Boolean> ENDORSEMENTS_SUFFICIENT = byProcess("endorsementsSufficient", Boolean.class);
    /** The sponsorship one branch of the endorsement multi-instance asks about. */
    public static final ProcessVariable<Long> SPONSORSHIP_ID = byProcess("sponsorshipId", Long.class);
    public static final ProcessVariable<Boolean> ADMITTED_BY_ARRANGEMENT = byProcess("admittedByArrangement", Boolean.class);
    public static final ProcessVariable<Boolean> ARRANGEMENT_ADMITS_COMPETITORS =
            byProcess("arrangementAdmitsCompetitors", Boolean.class);
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> ELIGIBILITY = byProcess("eligibility", Map.class);
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> COMPETITION_SCREEN = byProcess("competitionScreen", Map.class);
    /** The exact rules version the acceptance task shows (task-local). */
    public static final ProcessVariable<Long> RULES_VERSION_ID = byProcess("rulesVersionId", Long.class);
    public static final ProcessVariable<String> MAIL_TEMPLATE = byProcess("mailTemplate", String.class);
    /** The entry notifications created at activation, one authority-notification instance each. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<List> NOTIFICATION_REFERENCES = byProcess("notificationReferences", List.class);

    // --- variables people write through a task's form ----------------------------------------------------------------
    public static final ProcessVariable<String> VETTING_DECISION = byForm("vettingDecision", String.class);
    public static final ProcessVariable<String> VETTING_REASON = byForm("vettingReason", String.class);
    public static final ProcessVariable<String> GDPR_DECISION = byForm("gdprDecision", String.class);
    public static final ProcessVariable<String> GDPR_REASON = byForm("gdprReason", String.class);
    public static final ProcessVariable<String> LAWFUL_BASIS = byForm("lawfulBasis", String.class);
    public static final ProcessVariable<Boolean> CONTACT_DATA_MINIMAL = byForm("contactDataMinimal", Boolean.class);
    public static final ProcessVariable<Boolean> PRIVACY_NOTICE_PROVIDED = byForm("privacyNoticeProvided", Boolean.class);
    public static final ProcessVariable<String> LEGAL_DECISION = byForm("legalDecision", String.class);
    public static final ProcessVariable<String> LEGAL_REASON = byForm("legalReason", String.class);
    public static final ProcessVariable<String> ENDORSEMENT_DECISION = byForm("endorsementDecision", String.class);
    public static final ProcessVariable<String> ENDORSEMENT_REASON = byForm("endorsementReason", String.class);
    public static final ProcessVariable<String> SPONSOR_FOLLOW_UP_DECISION = byForm("sponsorFollowUpDecision", String.class);
    public static final ProcessVariable<String> SPONSOR_FOLLOW_UP_REASON = byForm("sponsorFollowUpReason", String.class);
    public static final ProcessVariable<String> AMENDMENT_RESPONSE = byForm("amendmentResponse", String.class);
    public static final ProcessVariable<Boolean> RULES_ACCEPTED = byForm("rulesAccepted", Boolean.class);

    public static final ProcessContract CONTRACT = ProcessContract.builder(KEY)
            .startForm(Forms.APPLICATION)
            .userTask(TASK_ENDORSE_APPLICATION, Forms.ENDORSE_APPLICATION)
            .userTask(TASK_FOLLOW_UP_SPONSOR, Forms.FOLLOW_UP_SPONSOR)
            .userTask(TASK_VET_APPLICATION, Forms.VET_APPLICATION)
            .userTask(TASK_AMEND_APPLICATION, Forms.AMEND_APPLICATION, "legalName", "legalForm", "lei", "contact1Name",
                    "contact1Email", "contact1Phone", "contact2Name", "contact2Email", "contact2Phone")
            .userTask(TASK_ACCEPT_RULES, Forms.ACCEPT_RULES)
            .userTask(TASK_CHECK_GDPR, Forms.CHECK_GDPR)
            .userTask(TASK_REVIEW_COMPETITION_LAW, Forms.REVIEW_COMPETITION_LAW)
            .variables(MEMBERSHIP_ID, APPLICANT, APPLICANT_GROUP, REQUIRED_SPONSORS, AUTOMATED_CHECKS_PASSED,
                    REJECTION_REASON, ENDORSEMENTS_SUFFICIENT, SPONSORSHIP_ID, ApplicationFields.PARTICIPANT_TYPE,
                    ADMITTED_BY_ARRANGEMENT, ApplicationFields.DORA_ENTITY_TYPE, ApplicationFields.DORA_LICENCE, ApplicationFields.NIS2_STATUS,
                    ARRANGEMENT_ADMITS_COMPETITORS, ELIGIBILITY, COMPETITION_SCREEN, RULES_VERSION_ID, MAIL_TEMPLATE,
                    NOTIFICATION_REFERENCES, NotificationProcess.REFERENCE,
                    VETTING_DECISION, VETTING_REASON, GDPR_DECISION, GDPR_REASON, LAWFUL_BASIS, CONTACT_DATA_MINIMAL,
                    PRIVACY_NOTICE_PROVIDED, LEGAL_DECISION, LEGAL_REASON, ENDORSEMENT_DECISION, ENDORSEMENT_REASON,
                    SPONSOR_FOLLOW_UP_DECISION, SPONSOR_FOLLOW_UP_REASON, AMENDMENT_RESPONSE, RULES_ACCEPTED)
            .variables(Stream.concat(ApplicationFields.all().stream(), TaskDisplay.all().stream())
                    .toArray(ProcessVariable<?>[]::new))
            .build();

    private OnboardingProcess() {
    }
}
