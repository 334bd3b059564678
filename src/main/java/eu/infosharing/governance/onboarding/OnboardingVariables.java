package eu.infosharing.governance.onboarding;

/** Names of the process variables of membership-onboarding, in one place. */
public final class OnboardingVariables {

    public static final String PROCESS_KEY = "membership-onboarding";

    public static final String MEMBERSHIP_ID = "membershipId";
    public static final String APPLICANT_GROUP = "applicantGroup";
    public static final String REQUIRED_SPONSORS = "requiredSponsors";
    public static final String AUTOMATED_CHECKS_PASSED = "automatedChecksPassed";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String ENDORSEMENTS_SUFFICIENT = "endorsementsSufficient";
    public static final String SPONSORSHIP_ID = "sponsorshipId";

    // inputs of the eligibility and competition-law decisions
    public static final String PARTICIPANT_TYPE = "participantType";
    public static final String ADMITTED_BY_ARRANGEMENT = "admittedByArrangement";
    public static final String DORA_ENTITY_TYPE = "doraEntityType";
    public static final String NIS2_STATUS = "nis2Status";
    public static final String ARRANGEMENT_ADMITS_COMPETITORS = "arrangementAdmitsCompetitors";
    public static final String COMPETITION_SCREEN = "competitionScreen";

    // decisions entered in forms
    public static final String VETTING_DECISION = "vettingDecision";
    public static final String VETTING_REASON = "vettingReason";
    public static final String GDPR_DECISION = "gdprDecision";
    public static final String GDPR_REASON = "gdprReason";
    public static final String LEGAL_DECISION = "legalDecision";
    public static final String LEGAL_REASON = "legalReason";
    public static final String ENDORSEMENT_DECISION = "endorsementDecision";
    public static final String ENDORSEMENT_REASON = "endorsementReason";
    public static final String SPONSOR_FOLLOW_UP_DECISION = "sponsorFollowUpDecision";
    public static final String SPONSOR_FOLLOW_UP_REASON = "sponsorFollowUpReason";
    public static final String AMENDMENT_RESPONSE = "amendmentResponse";
    public static final String RULES_ACCEPTED = "rulesAccepted";
    public static final String RULES_VERSION_ID = "rulesVersionId";
    public static final String MAIL_TEMPLATE = "mailTemplate";
    /** The entry notifications created at activation, one authority-notification instance each. */
    public static final String NOTIFICATION_REFERENCES = "notificationReferences";

    private OnboardingVariables() {
    }
}
