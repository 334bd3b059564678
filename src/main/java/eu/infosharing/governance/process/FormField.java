package eu.infosharing.governance.process;

import java.util.List;

/**
 * One field of a Camunda Form as the trust boundary sees it: what a person may send for it. A field that is only
 * shown (read-only in the form) is filled in by the process and never taken from a submission.
 */
public record FormField(String key, Kind kind, boolean shownOnly, boolean required, int maxLength, List<String> choices) {

    /** The form-js component a field is, and so the value it submits. */
    public enum Kind {
        /** textfield: one line of text. */
        TEXT,
        /** textarea: free text, newlines and tabs allowed. */
        TEXT_AREA,
        /** select or radio: one of the listed values. */
        CHOICE,
        /** checkbox: true or false. */
        CHECKBOX,
        /** number: a whole number. */
        NUMBER,
        /** datetime with subtype date: an ISO date, YYYY-MM-DD. */
        DATE,
        /** read-only in the form: shown, never submitted to the process. */
        SHOWN
    }

    public FormField {
        choices = List.copyOf(choices);
    }

    static FormField shown(String key) {
        return new FormField(key, Kind.SHOWN, true, false, 0, List.of());
    }

    static FormField text(String key, boolean required, int maxLength) {
        return new FormField(key, Kind.TEXT, false, required, maxLength, List.of());
    }

    static FormField textArea(String key, boolean required, int maxLength) {
        return new FormField(key, Kind.TEXT_AREA, false, required, maxLength, List.of());
    }

    static FormField choice(String key, boolean required, String... choices) {
        return new FormField(key, Kind.CHOICE, false, required, 0, List.of(choices));
    }

    static FormField checkbox(String key, boolean required) {
        return new FormField(key, Kind.CHECKBOX, false, required, 0, List.of());
    }

    static FormField number(String key, boolean required) {
        return new FormField(key, Kind.NUMBER, false, required, 0, List.of());
    }

    static FormField date(String key, boolean required) {
        return new FormField(key, Kind.DATE, false, required, 0, List.of());
    }
}
