package eu.infosharing.governance.organisation;

import java.util.Optional;

/**
 * Belgian enterprise number (KBO/BCE): ten digits, the first 0 or 1, the last two equal to
 * 97 - (first eight mod 97). Dots and spaces are formatting only; we store the ten digits.
 */
public final class EnterpriseNumber {

    private EnterpriseNumber() {
    }

    /** Removes formatting (dots, spaces) and returns the ten digits, or the input stripped when it cannot be. */
    public static String normalise(String input) {
        return input == null ? null : input.replaceAll("[.\\s]", "");
    }

    /** Why the input is not a valid enterprise number, or empty when it is. */
    public static Optional<String> problem(String input) {
        String digits = normalise(input);
        if (digits == null || digits.isEmpty()) {
            return Optional.of("is required");
        }
        if (!digits.matches("\\d{10}")) {
            return Optional.of("must be 10 digits (dots and spaces allowed), e.g. 0599.799.597");
        }
        if (digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            return Optional.of("must start with 0 or 1");
        }
        long base = Long.parseLong(digits.substring(0, 8));
        int check = Integer.parseInt(digits.substring(8));
        if (97 - base % 97 != check) {
            return Optional.of("has a wrong check number: the last two digits must equal 97 - (first eight digits mod 97)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String input) {
        return problem(input).isEmpty();
    }

    /** 0599799597 -> 0599.799.597 */
    public static String format(String digits) {
        if (digits == null || digits.length() != 10) {
            return digits;
        }
        return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
    }
}
