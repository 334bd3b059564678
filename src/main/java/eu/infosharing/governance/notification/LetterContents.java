package eu.infosharing.governance.notification;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.EnterpriseNumber;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Lei;
import eu.infosharing.governance.organisation.Organisation;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the letter of one notification says, taken from its membership, its authority and the settings; and the letter
 * rendered once and kept with the notification as evidence.
 */
@Component
public class LetterContents {

    private final NotificationSettings settings;
    private final OrganiserSettings organiser;
    private final NotificationLetter letters;

    public LetterContents(NotificationSettings settings, OrganiserSettings organiser, NotificationLetter letters) {
        this.settings = settings;
        this.organiser = organiser;
        this.letters = letters;
    }

    /**
     * What the letter says. A letter already kept is evidence: its legal basis stays as printed. A letter still to be
     * rendered cites the provision of the authority's regime for the event, in the letter's language.
     */
    LetterContent of(AuthorityNotification n, CompetentAuthority authority) {
        Membership m = n.getMembership();
        Organisation o = m.getOrganisation();
        String legalBasis = n.getDocument() != null ? n.getLegalBasis()
                : legalBasis(authority, m, n.getEvent(), n.getEffectiveDate(), n.getLanguage());
        return new LetterContent(n.getReference(), n.getEvent(), n.getLanguage(), authority.getName(), o.getLegalName(),
                o.getCountry(), o.getEnterpriseNumber() == null ? null : EnterpriseNumber.format(o.getEnterpriseNumber()),
                o.getForeignRegisterId(), o.getLei() == null ? null : Lei.format(o.getLei()),
                m.getArrangement().getName(), m.getArrangement().getCode(), n.getEffectiveDate(), legalBasis,
                settings.dateOf(n.getCreatedAt()), n.getMode() == NotificationMode.SEND_ON_BEHALF,
                // the participation began at validation, even when this authority's concern began later
                m.getValidatedAt() == null ? null : settings.dateOf(m.getValidatedAt()),
                new LetterContent.Particulars(organiser.organiser(), o.getNis2Status(), o.getNis2Sector(),
                        o.getDoraEntityType(), contactPersons(o), o.getSupervisoryId()));
    }

    /** Renders and keeps the letter unless it is kept already (a second run keeps the first); answers what it says. */
    LetterContent keep(AuthorityNotification n, CompetentAuthority authority) {
        LetterContent letter = of(n, authority);
        if (n.getDocument() == null) {
            n.attachDocument(letters.pdf(letter), letter.legalBasis());
        }
        return letter;
    }

    /**
     * The provision of this authority's regime for this event (NIS2 Art. 29(4), DORA Art. 45(3)) in the letter's
     * language, not the wording of the rule that selected the authority at entry.
     */
    String legalBasis(CompetentAuthority authority, Membership m, NotificationEvent event, LocalDate effectiveDate,
                      Language language) {
        return LegalBasis.of(authority.getRegime(), LegalBasis.occasion(event, concernedLater(m, effectiveDate)), language);
    }

    /** An entry this authority learns of after the membership was validated: a yearly review made it competent. */
    private boolean concernedLater(Membership m, LocalDate effectiveDate) {
        return m.getValidatedAt() != null && settings.dateOf(m.getValidatedAt()).isBefore(effectiveDate);
    }

    /** The member's language when the authority accepts it, otherwise the authority's first language. */
    static Language language(CompetentAuthority authority, Organisation o) {
        List<String> accepted = authority.getLanguages();
        String preferred = o.getPreferredLanguage().name();
        return Language.valueOf(accepted.contains(preferred) ? preferred : accepted.get(0));
    }

    /** The member's contact persons as a supervisor reaches them: name, e-mail, phone. */
    public static String contactPersons(Organisation o) {
        return o.getContacts().stream().map(c -> c.details().display()).collect(Collectors.joining("; "));
    }
}
