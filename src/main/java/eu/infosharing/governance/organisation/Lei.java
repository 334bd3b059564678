package eu.infosharing.governance.organisation;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Legal Entity Identifier (ISO 17442): 18 alphanumeric characters and two check digits,
 * verified with ISO 7064 MOD 97-10 (letters A=10 ... Z=35; the whole number mod 97 equals 1).
 */
public final class Lei {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Lei() {
    }

    public static String normalise(String input) {
        return input == null ? null : input.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** Why the input is not a valid LEI, or empty when it is. */
    public static Optional<String> problem(String input) {
        String lei = normalise(input);
        if (lei == null || lei.isEmpty()) {
            return Optional.of("is required");
        }
        if (!lei.matches("[0-9A-Z]{18}[0-9]{2}")) {
            return Optional.of("must be 20 characters: 18 letters or digits followed by 2 check digits");
        }
        StringBuilder numeric = new StringBuilder(40);
        for (char c : lei.toCharArray()) {
            numeric.append(Character.getNumericValue(c)); // '0'..'9' -> 0..9, 'A'..'Z' -> 10..35
        }
        if (!new BigInteger(numeric.toString()).mod(NINETY_SEVEN).equals(BigInteger.ONE)) {
            return Optional.of("has wrong check digits (ISO 7064 MOD 97-10)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String input) {
        return problem(input).isEmpty();
    }

    /** Groups of four for reading aloud: 5493 0084 UKLV MY22 DS16. */
    public static String format(String lei) {
        if (lei == null || lei.length() != 20) {
            return lei;
        }
        return String.join(" ", lei.substring(0, 4), lei.substring(4, 8), lei.substring(8, 12),
                lei.substring(12, 16), lei.substring(16));
    }
}
