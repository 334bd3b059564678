package eu.infosharing.governance.organisation;

import java.util.Locale;

/** Languages the Belgian communities work in. */
public enum Language {
    nl, fr, en, de;

    public Locale locale() {
        return Locale.forLanguageTag(name());
    }
}
