package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.onboarding.DecisionInput.required;
import static eu.infosharing.governance.onboarding.DecisionInput.requireReason;
import static eu.infosharing.governance.onboarding.DecisionInput.suffix;
import static eu.infosharing.governance.onboarding.DecisionInput.trimmed;
import static eu.infosharing.governance.onboarding.DecisionInput.unknown;

import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.process.OnboardingProcess;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sponsors of membership-onboarding: feeds the endorsement multi-instance, records each sponsor's answer and the
 * coordinators' follow-up of a silent one, and decides whether enough sponsors vouched.
 */
@Service("sponsorshipService")
@Transactional(readOnly = true)
public class SponsorshipService {

    private final SponsorshipRepository sponsorships;
    private final MembershipService memberships;
    private final CurrentUser currentUser;

    public SponsorshipService(SponsorshipRepository sponsorships, MembershipService memberships, CurrentUser currentUser) {
        this.sponsorships = sponsorships;
        this.memberships = memberships;
        this.currentUser = currentUser;
    }

    /** The sponsorships still awaiting an answer: one endorsement task each. */
    public List<Long> openSponsorshipIds(Long membershipId) {
        return sponsorships.findByMembershipIdOrderById(membershipId).stream()
                .filter(s -> s.getStatus() == Sponsorship.Status.REQUESTED)
                .map(Sponsorship::getId)
                .toList();
    }

    /** The group of the sponsor organisation's representatives, who answer for it. */
    public String sponsorGroup(Long sponsorshipId) {
        Sponsorship s = sponsorship(sponsorshipId);
        return s.getSponsor().getRepresentativesGroup()
                .orElseThrow(() -> new IllegalStateException(s.getSponsor().getLegalName() + " has no representatives group"));
    }

    @Transactional
    public void recordEndorsement(Long sponsorshipId, String decision, String reason) {
        Sponsorship s = sponsorship(sponsorshipId);
        String why = trimmed(reason, OnboardingProcess.ENDORSEMENT_REASON.name(), "Reason");
        Sponsorship.Status outcome = switch (required(decision, OnboardingProcess.ENDORSEMENT_DECISION.name(), "Your answer")) {
            case "ENDORSE" -> Sponsorship.Status.ENDORSED;
            case "DECLINE" -> {
                requireReason(why, OnboardingProcess.ENDORSEMENT_REASON.name(), "Reason", "is required when you do not vouch for the applicant");
                yield Sponsorship.Status.DECLINED;
            }
            default -> throw unknown(OnboardingProcess.ENDORSEMENT_DECISION.name(), "Your answer", decision);
        };
        s.decide(outcome, currentUser.id(), why);
        s.getMembership().audit(currentUser.id(), "SPONSOR_" + outcome, s.getSponsor().getLegalName() + " "
                + outcome.name().toLowerCase(Locale.ROOT) + " the application" + suffix(why));
    }

    @Transactional
    public void recordFollowUp(Long sponsorshipId, String decision, String reason) {
        Sponsorship s = sponsorship(sponsorshipId);
        String why = trimmed(reason, OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "Reason");
        switch (required(decision, OnboardingProcess.SPONSOR_FOLLOW_UP_DECISION.name(), "Decision")) {
            case "REMIND" -> {
                // the sponsor gets its task again with a new deadline; nothing is decided yet
            }
            case "WAIVE" -> {
                requireReason(why, OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "Reason", "is required to waive an endorsement");
                s.decide(Sponsorship.Status.WAIVED, currentUser.id(), why);
            }
            case "DECLINE" -> {
                requireReason(why, OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "Reason", "is required to count the sponsor as declined");
                s.decide(Sponsorship.Status.DECLINED, currentUser.id(), why);
            }
            default -> throw unknown(OnboardingProcess.SPONSOR_FOLLOW_UP_DECISION.name(), "Decision", decision);
        }
        s.getMembership().audit(currentUser.id(), "SPONSOR_FOLLOW_UP", decision + " for " + s.getSponsor().getLegalName()
                + suffix(why));
    }

    /** Enough sponsors vouched (an endorsement waived by a coordinator counts) or the reason why not. */
    public CheckOutcome evaluateEndorsements(Long membershipId) {
        Membership m = memberships.get(membershipId);
        List<Sponsorship> all = sponsorships.findByMembershipIdOrderById(membershipId);
        long vouched = all.stream().filter(s -> s.getStatus() == Sponsorship.Status.ENDORSED
                || s.getStatus() == Sponsorship.Status.WAIVED).count();
        int required = m.getArrangement().getRequiredSponsors();
        if (vouched >= required) {
            return new CheckOutcome(true, null, required, Map.of());
        }
        String declined = all.stream().filter(s -> s.getStatus() == Sponsorship.Status.DECLINED)
                .map(s -> s.getSponsor().getLegalName() + (s.getReason() == null ? "" : " (" + s.getReason() + ")"))
                .collect(Collectors.joining(", "));
        return new CheckOutcome(false, m.getArrangement().getName() + " requires " + required
                + " endorsement(s); " + vouched + " received" + (declined.isEmpty() ? "" : "; declined by " + declined),
                required, Map.of());
    }

    private Sponsorship sponsorship(Long id) {
        return sponsorships.findById(id).orElseThrow(() -> new IllegalStateException("No sponsorship " + id));
    }
}
