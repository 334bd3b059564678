package eu.infosharing.governance.onboarding;

import java.util.Map;

/** What a check of membership-onboarding found, and the facts the eligibility and competition decisions need. */
public record CheckOutcome(boolean passed, String reason, int requiredSponsors, Map<String, Object> decisionInputs) {
}
