package eu.infosharing.governance.notification;

import eu.infosharing.governance.organisation.Language;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The provision a notification letter is made under, in the letter's language: chosen by the authority's regime and the
 * event, never taken from a string frozen when the membership entered.
 *
 * <ul>
 *   <li>NIS2 (Directive 2022/2555) Art. 29(4): notify the participation "upon entering into such arrangements", or the
 *   "withdrawal from such arrangements, once the withdrawal takes effect";</li>
 *   <li>DORA (Regulation 2022/2554) Art. 45(3): notify the participation "upon validation of their membership", or "the
 *   cessation of their membership, once it takes effect".</li>
 * </ul>
 *
 * An entry told to an authority that became competent after the entity joined (a yearly review found a new status) cites
 * the participation without the moment of entering, which lies before the authority's concern: neither provision names
 * a moment for that case (see docs/regulatory-traceability.md).
 */
public final class LegalBasis {

    /** Which obligation of the provision the letter fulfils. */
    public enum Occasion {
        /** Entering, or validation of the membership. */
        ENTRY,
        /** Withdrawal, or cessation of the membership, once it takes effect. */
        CESSATION,
        /** A participation that began before this authority became competent. */
        LATER,
        /** A participation told earlier that no longer concerns this authority: no provision asks for the letter. */
        CONCERN_ENDED
    }

    private LegalBasis() {
    }

    public static Occasion occasion(NotificationEvent event, boolean concernedLater) {
        if (event == NotificationEvent.CESSATION) {
            return Occasion.CESSATION;
        }
        if (event == NotificationEvent.CONCERN_ENDED) {
            return Occasion.CONCERN_ENDED;
        }
        return concernedLater ? Occasion.LATER : Occasion.ENTRY;
    }

    /** The sentence the letter prints as its legal basis, in the letter's language. */
    public static String of(CompetentAuthority.Regime regime, Occasion occasion, Language language) {
        ResourceBundle texts = ResourceBundle.getBundle("letters/notification", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(texts.getString("legalBasis." + regime.name() + "." + occasion.name()), language.locale())
                .format(new Object[0]);
    }
}
