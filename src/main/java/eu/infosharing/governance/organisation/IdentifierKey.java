package eu.infosharing.governance.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Identifiers as a search compares them: people type an enterprise number as 0599799597, 0599.799.597, 0599 799 597
 * or BE0599799597 (its VAT number), an LEI in groups of four, a register id with dashes. Both sides are reduced to
 * their letters and digits, upper case, as {@link EnterpriseNumber#normalise} and {@link Lei#normalise} store them.
 */
public final class IdentifierKey {

    /** Shorter keys would match parts of too many identifiers (and "BE" every Belgian VAT number). */
    private static final int SHORTEST = 4;

    private IdentifierKey() {
    }

    /** The input without spaces, dots, dashes and slashes, in upper case; empty for null. */
    public static String of(String input) {
        return input == null ? "" : input.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
    }

    /** The organisation's identifiers as keys: enterprise number and its VAT form, register id, LEI, supervisory id. */
    public static List<String> keys(Organisation o) {
        return keys(o.getCountry(), o.getEnterpriseNumber(), o.getForeignRegisterId(), o.getLei(), o.getSupervisoryId());
    }

    static List<String> keys(String country, String enterpriseNumber, String foreignRegisterId, String lei, String supervisoryId) {
        List<String> keys = new ArrayList<>();
        if (enterpriseNumber != null) {
            String digits = of(enterpriseNumber);
            keys.add(digits);
            keys.add("BE" + digits);
        }
        if (foreignRegisterId != null && country != null) {
            keys.add(of(country + foreignRegisterId));
        }
        for (String id : new String[] {foreignRegisterId, lei, supervisoryId}) {
            if (id != null && !id.isBlank()) {
                keys.add(of(id));
            }
        }
        return keys;
    }

    /** What was typed as a key to look for inside identifiers; empty when too short to mean one. */
    public static String searchable(String typed) {
        String key = of(typed);
        return key.length() >= SHORTEST ? key : "";
    }

    /** Whether what was typed is (part of) one of the organisation's identifiers, however it was written. */
    public static boolean matches(Organisation o, String typed) {
        return matches(keys(o), typed);
    }

    static boolean matches(List<String> keys, String typed) {
        String key = of(typed);
        return key.length() >= SHORTEST && keys.stream().anyMatch(k -> k.contains(key));
    }
}
