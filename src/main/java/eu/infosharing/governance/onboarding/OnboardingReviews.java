package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.onboarding.DecisionInput.required;
import static eu.infosharing.governance.onboarding.DecisionInput.requireReason;
import static eu.infosharing.governance.onboarding.DecisionInput.suffix;
import static eu.infosharing.governance.onboarding.DecisionInput.trimmed;
import static eu.infosharing.governance.onboarding.DecisionInput.unknown;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.onboarding.ReviewDecision.Decision;
import eu.infosharing.governance.onboarding.ReviewDecision.Stage;
import eu.infosharing.governance.organisation.ParticipantType;
import eu.infosharing.governance.process.OnboardingProcess;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviews of membership-onboarding: vetting, the GDPR check and the competition-law review (or its automatic pass),
 * each kept as a {@link ReviewDecision} with its reviewer and reason.
 */
@Service
@Transactional
public class OnboardingReviews {

    private final MembershipService memberships;
    private final ReviewDecisionRepository reviews;
    private final InformationRequestRepository informationRequests;
    private final CurrentUser currentUser;

    public OnboardingReviews(MembershipService memberships, ReviewDecisionRepository reviews,
                             InformationRequestRepository informationRequests, CurrentUser currentUser) {
        this.memberships = memberships;
        this.reviews = reviews;
        this.informationRequests = informationRequests;
        this.currentUser = currentUser;
    }

    /**
     * Records a reviewer's decision. A rejection takes effect at once, with the reviewer as actor; a request for
     * more information opens a question for the applicant.
     */
    public Decision recordReview(Long membershipId, Stage stage, String decisionValue, String reasonValue, String details) {
        Membership m = memberships.get(membershipId);
        String decisionField = switch (stage) {
            case VETTING -> OnboardingProcess.VETTING_DECISION.name();
            case GDPR -> OnboardingProcess.GDPR_DECISION.name();
            case COMPETITION_LAW -> OnboardingProcess.LEGAL_DECISION.name();
        };
        String reasonField = switch (stage) {
            case VETTING -> OnboardingProcess.VETTING_REASON.name();
            case GDPR -> OnboardingProcess.GDPR_REASON.name();
            case COMPETITION_LAW -> OnboardingProcess.LEGAL_REASON.name();
        };
        String reason = trimmed(reasonValue, reasonField, "Reason");
        Decision decision = switch (required(decisionValue, decisionField, "Decision")) {
            case "APPROVE" -> Decision.APPROVE;
            case "REJECT" -> Decision.REJECT;
            case "REQUEST_INFORMATION" -> {
                if (stage != Stage.VETTING) {
                    throw unknown(decisionField, "Decision", decisionValue);
                }
                yield Decision.REQUEST_INFORMATION;
            }
            default -> throw unknown(decisionField, "Decision", decisionValue);
        };
        if (decision == Decision.REJECT) {
            requireReason(reason, reasonField, "Reason", "is required to reject: the applicant is told why");
        }
        if (decision == Decision.REQUEST_INFORMATION) {
            requireReason(reason, reasonField, "Question for the applicant", "is required to ask for more information");
        }
        reviews.save(new ReviewDecision(m, stage, decision, reason, details, currentUser.id()));
        m.audit(currentUser.id(), "REVIEW_" + stage, stageName(stage) + ": " + decision
                + suffix(reason) + (details == null ? "" : " (" + details + ")"));
        switch (decision) {
            case REJECT -> m.transition(MembershipStatus.REJECTED, currentUser.id(), label(stage) + ": " + reason);
            case REQUEST_INFORMATION -> {
                informationRequests.save(new InformationRequest(m, reason, currentUser.id()));
                m.transition(MembershipStatus.INFORMATION_REQUESTED, currentUser.id(), "More information asked: " + reason);
            }
            case APPROVE -> {
                if (stage == Stage.VETTING) {
                    m.transition(MembershipStatus.AWAITING_RULES_ACCEPTANCE, currentUser.id(),
                            "Approved in vetting" + (reason == null ? "" : ": " + reason));
                }
            }
            default -> {
            }
        }
        return decision;
    }

    /**
     * The GDPR check cannot approve unless the checklist holds, and never on legitimate interest for a public body:
     * GDPR Art. 6(1), last subparagraph, excludes point (f) for processing by public authorities in the performance of
     * their tasks; they rely on a public task (point (e)) or a legal obligation (point (c)).
     */
    public Decision recordGdprCheck(Long membershipId, String decision, String reason, String lawfulBasis,
                                    boolean contactDataMinimal, boolean privacyNoticeProvided) {
        if ("APPROVE".equals(decision)) {
            List<FieldProblem> problems = new ArrayList<>();
            if (lawfulBasis == null || lawfulBasis.isBlank()) {
                problems.add(new FieldProblem(OnboardingProcess.LAWFUL_BASIS.name(), "Lawful basis", "is required to approve"));
            } else if ("LEGITIMATE_INTEREST".equals(lawfulBasis)
                    && memberships.get(membershipId).getOrganisation().getParticipantType() == ParticipantType.PUBLIC_BODY) {
                problems.add(new FieldProblem(OnboardingProcess.LAWFUL_BASIS.name(), "Lawful basis", "cannot be legitimate "
                        + "interest for a public body performing its tasks (GDPR Art. 6(1), last subparagraph): choose public "
                        + "task (Art. 6(1)(e)) or legal obligation (Art. 6(1)(c))"));
            }
            if (!contactDataMinimal) {
                problems.add(new FieldProblem(OnboardingProcess.CONTACT_DATA_MINIMAL.name(), "Minimal contact data", "must be confirmed to approve"));
            }
            if (!privacyNoticeProvided) {
                problems.add(new FieldProblem(OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), "Privacy notice", "must be confirmed to approve"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        String details = "Lawful basis: " + (lawfulBasis == null ? "-" : lawfulBasis)
                + "; contact data minimal: " + (contactDataMinimal ? "yes" : "no")
                + "; privacy notice provided: " + (privacyNoticeProvided ? "yes" : "no");
        return recordReview(membershipId, Stage.GDPR, decision, reason, details);
    }

    public void recordCompetitionPass(Long membershipId, String rationale) {
        Membership m = memberships.get(membershipId);
        reviews.save(new ReviewDecision(m, Stage.COMPETITION_LAW, Decision.AUTOMATIC_PASS, rationale,
                "Decided by the competition-law-screen decision table", CurrentUser.SYSTEM));
        m.audit(CurrentUser.SYSTEM, "REVIEW_" + Stage.COMPETITION_LAW, "Automatic pass by the competition-law-screen decision table: " + rationale);
    }

    /** Why the application was closed (rejected or expired), as recorded on the membership. */
    @Transactional(readOnly = true)
    public String closedReason(Long membershipId) {
        return memberships.get(membershipId).getClosedReason();
    }

    private static String stageName(Stage stage) {
        return switch (stage) {
            case VETTING -> "Vetting";
            case GDPR -> "GDPR check";
            case COMPETITION_LAW -> "Competition-law review";
        };
    }

    private static String label(Stage stage) {
        return switch (stage) {
            case VETTING -> "Rejected in vetting";
            case GDPR -> "Rejected in the GDPR check";
            case COMPETITION_LAW -> "Rejected in the competition-law review";
        };
    }
}
