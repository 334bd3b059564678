package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.api.InvalidInputException;

/** The rules every decision form of membership-onboarding follows: a choice is required, a reason is stripped and bounded. */
final class DecisionInput {

    private DecisionInput() {
    }

    static String required(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, label, "is required");
        }
        return value.strip();
    }

    static String trimmed(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > ApplicationValidator.MAX_TEXT) {
            throw new InvalidInputException(field, label, "is too long: at most " + ApplicationValidator.MAX_TEXT + " characters");
        }
        return t;
    }

    static void requireReason(String reason, String field, String label, String message) {
        if (reason == null) {
            throw new InvalidInputException(field, label, message);
        }
    }

    static InvalidInputException unknown(String field, String label, String value) {
        return new InvalidInputException(field, label, "has an unknown value '" + value + "'");
    }

    /** ": reason", or nothing when there is none, for audit summaries. */
    static String suffix(String reason) {
        return reason == null || reason.isEmpty() ? "" : ": " + reason;
    }
}
