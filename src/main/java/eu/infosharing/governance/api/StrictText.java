package eu.infosharing.governance.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every piece of text a person sends must meet, whatever the door (our API, a Tasklist form, engine
 * REST): no control characters (free text keeps newlines and tabs), no bidirectional overrides that reverse what
 * others read, no line breaks in names and subjects, strict ISO dates and one address per e-mail field; and a value made
 * only of invisible characters (no-break or zero-width spaces) counts as empty ({@link #clean}). Each check answers why
 * a value is refused, for a message that names the field.
 */
public final class StrictText {

    /** One address: a local part, one @, a domain with a dot; no spaces, commas, semicolons or angle brackets. */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
    private static final Pattern ISO_DATE_SHAPE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private StrictText() {
    }

    /** A name, label or subject: one line. */
    public static Optional<String> singleLineProblem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\u2028') >= 0 || value.indexOf('\u2029') >= 0) {
            return Optional.of("must be on one line");
        }
        return common(value, false);
    }

    /** Free text (reasons, evidence, statements): newlines and tabs are fine. */
    public static Optional<String> freeTextProblem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return common(value, true);
    }

    private static Optional<String> common(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedWhitespace = c == '\t' || (multiLine && (c == '\n' || c == '\r'));
            if (Character.isISOControl(c) && !allowedWhitespace) {
                return Optional.of("contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
            if (isBidiControl(c)) {
                return Optional.of("contains a bidirectional override character (U+" + String.format("%04X", (int) c)
                        + ") that would change how others read it");
            }
            if (Character.isSurrogate(c) && !validSurrogate(value, i)) {
                return Optional.of("contains an invalid character");
            }
        }
        return Optional.empty();
    }

    /** Blank the way a reader sees it: spaces of every kind (no-break too) and invisible format characters only. */
    public static boolean isBlank(String value) {
        if (value == null) {
            return true;
        }
        return value.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0);
    }

    /** Trims the spaces a reader does not see at either end (no-break and zero-width included); null when blank. */
    public static String clean(String value) {
        if (value == null || isBlank(value)) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && invisibleEdge(value.charAt(start))) {
            start++;
        }
        while (end > start && invisibleEdge(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean invisibleEdge(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** U+202A..U+202E (embeddings, overrides) and U+2066..U+2069 (isolates): they reorder the text around them. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * Free text from a request field: cleaned (invisible ends trimmed, null when blank), or null with a problem naming
     * the field when it breaks a rule, is missing though required, or is longer than max.
     */
    public static String freeText(String field, String label, String value, int max, String requiredWhy,
                                  java.util.List<FieldProblem> problems) {
        return text(field, label, value, max, requiredWhy, problems, freeTextProblem(value));
    }

    /** A one-line value (a label, a code, an address), the same way as {@link #freeText}. */
    public static String singleLine(String field, String label, String value, int max, String requiredWhy,
                                    java.util.List<FieldProblem> problems) {
        return text(field, label, value, max, requiredWhy, problems, singleLineProblem(value));
    }

    private static String text(String field, String label, String value, int max, String requiredWhy,
                               java.util.List<FieldProblem> problems, Optional<String> refused) {
        if (refused.isPresent()) {
            problems.add(new FieldProblem(field, label, refused.get()));
            return null;
        }
        String cleaned = clean(value);
        if (cleaned == null) {
            if (requiredWhy != null) {
                problems.add(new FieldProblem(field, label, requiredWhy));
            }
            return null;
        }
        if (cleaned.length() > max) {
            problems.add(new FieldProblem(field, label, "is too long: at most " + max + " characters"));
            return null;
        }
        return cleaned;
    }

    /** Throws the problems, if any, as one refusal that names every field. */
    public static void refuseIfAny(java.util.List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Exactly one e-mail address, or why not. */
    public static Optional<String> emailProblem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            return Optional.of("must be exactly one e-mail address, such as name@example.org");
        }
        return Optional.empty();
    }

    /** A calendar date written exactly as YYYY-MM-DD (nothing before or after it), or empty when it is not one. */
    public static Optional<LocalDate> isoDate(String value) {
        if (value == null || !ISO_DATE_SHAPE.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
