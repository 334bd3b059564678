package eu.infosharing.governance.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The product's mail texts: resource bundles under mail/ with a subject and a body per template, in nl, fr, en and
 * de, formatted with MessageFormat (so a single quote is written twice). Only {@link MemberMailer} renders them, from a
 * typed {@link MemberMail} that knows its template's order.
 */
final class MailTemplates {

    private MailTemplates() {
    }

    record Text(String subject, String body) {
    }

    /** E.g. render("mail/cessation", "destruction-reminder", locale, args); no fallback to another language. */
    static Text render(String bundle, String template, Locale locale, Object... args) {
        ResourceBundle texts = ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Text(new MessageFormat(texts.getString(template + ".subject"), locale).format(args),
                new MessageFormat(texts.getString(template + ".body"), locale).format(args));
    }
}
