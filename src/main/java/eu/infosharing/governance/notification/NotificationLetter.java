package eu.infosharing.governance.notification;

import eu.infosharing.governance.organisation.DoraEntityType;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Writes the letter by which a member notifies its competent authority that it entered or left an information-sharing
 * arrangement (NIS2 Art. 29(4), DORA Art. 45(3)), in the member's language: an e-mail subject and body, and the same
 * letter as a PDF that is kept as evidence of what was notified. The same content always gives the same letter. This
 * class says what the letter says, in which words and parts; {@link LetterPdf} puts the parts on paper.
 */
@Component
public class NotificationLetter {

    static final String PRODUCT = "Arrangement Governance";

    private final LetterPdf paper;

    public NotificationLetter(NotificationSettings settings) {
        this.paper = new LetterPdf(settings.getZone());
    }

    /** What a paragraph is in the letter; the PDF gives each its look, the e-mail body only keeps the text. */
    enum Part {
        BRAND, HEADER, ADDRESSEE, TITLE, TEXT, SIGNATORY;

        /** Set apart from what comes before it: the e-mail body puts a blank line before it. */
        boolean setApart() {
            return this != BRAND && this != HEADER;
        }
    }

    sealed interface Block permits Paragraph, Facts {
    }

    record Paragraph(String text, Part part) implements Block {
    }

    record Fact(String label, String value) {
    }

    record Facts(List<Fact> rows) implements Block {
    }

    /** The letter in its language, laid out once so that e-mail and PDF say the same thing. */
    record Letter(String subject, List<Block> blocks, String attachment, ResourceBundle texts, Locale locale) {

        /** What the foot of every page says: the reference, and which page of how many. */
        String footer(String reference, int page, int pages) {
            return text(texts, locale, "footer", reference, Integer.toString(page), Integer.toString(pages));
        }
    }

    public String subject(LetterContent c) {
        return compose(c).subject();
    }

    public String body(LetterContent c) {
        Letter letter = compose(c);
        StringBuilder out = new StringBuilder();
        for (Block block : letter.blocks()) {
            if (block instanceof Paragraph p) {
                if (!out.isEmpty() && p.part().setApart()) {
                    out.append('\n');
                }
                out.append(p.text()).append('\n');
            } else if (block instanceof Facts f) {
                out.append('\n');
                for (Fact row : f.rows()) {
                    out.append(text(letter.texts(), letter.locale(), "fact.line", row.label(), row.value())).append('\n');
                }
            }
        }
        return out.append('\n').append(letter.attachment()).append('\n').toString();
    }

    public byte[] pdf(LetterContent c) {
        return paper.render(compose(c), c);
    }

    private Letter compose(LetterContent c) {
        Locale locale = c.language().locale();
        ResourceBundle texts = ResourceBundle.getBundle("letters/notification", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String event = c.event().name();
        String effective = date(c.effectiveDate(), locale);
        // the code in brackets, unless the name already carries it ("Governance, Risk & Compliance (GRC)")
        String code = blank(c.arrangementCode()) || c.arrangementName().contains("(" + c.arrangementCode() + ")") ? ""
                : " (" + c.arrangementCode() + ")";

        List<String> ids = new ArrayList<>();
        if (!blank(c.enterpriseNumber())) {
            ids.add(text(texts, locale, "identity.enterpriseNumber", c.enterpriseNumber()));
        }
        if (!blank(c.foreignRegisterId())) {
            ids.add(text(texts, locale, "identity.foreignRegisterId", c.foreignRegisterId()));
        }
        if (!blank(c.lei())) {
            ids.add(text(texts, locale, "identity.lei", c.lei()));
        }
        // the identifier the supervisor itself gives the entity (e.g. the BaFin-ID), where it has one
        String supervisoryId = c.particulars() == null ? null : c.particulars().supervisoryId();
        if (!blank(supervisoryId)) {
            ids.add(text(texts, locale, "identity.supervisoryId", supervisoryId));
        }
        String identity = ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")";

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(text(texts, locale, "fact.entity"), c.entityName()));
        if (!blank(c.entityCountry())) {
            facts.add(new Fact(text(texts, locale, "fact.country"), country(c.entityCountry(), locale)));
        }
        if (!blank(c.enterpriseNumber())) {
            facts.add(new Fact(text(texts, locale, "fact.enterpriseNumber"), c.enterpriseNumber()));
        }
        if (!blank(c.foreignRegisterId())) {
            facts.add(new Fact(text(texts, locale, "fact.foreignRegisterId"), c.foreignRegisterId()));
        }
        if (!blank(c.lei())) {
            facts.add(new Fact(text(texts, locale, "fact.lei"), c.lei()));
        }
        if (!blank(supervisoryId)) {
            facts.add(new Fact(text(texts, locale, "fact.supervisoryId"), supervisoryId));
        }
        LetterContent.Particulars p = c.particulars();
        if (p != null) {
            regimes(p, texts, locale, facts);
            if (!blank(p.contactPersons())) {
                facts.add(new Fact(text(texts, locale, "fact.contactPersons"), p.contactPersons()));
            }
        }
        facts.add(new Fact(text(texts, locale, "fact.arrangement"), c.arrangementName() + code));
        if (p != null && p.organiser() != null) {
            LetterContent.Organiser organiser = p.organiser();
            facts.add(new Fact(text(texts, locale, "fact.organiser"), blank(organiser.address()) ? organiser.name()
                    : organiser.name() + ", " + organiser.address()));
            if (!blank(organiser.contactPoint())) {
                facts.add(new Fact(text(texts, locale, "fact.organiserContact"), organiser.contactPoint()));
            }
        }
        facts.add(new Fact(text(texts, locale, "fact.event"), text(texts, locale, "event." + event)));
        if (c.joinedEarlier()) {
            facts.add(new Fact(text(texts, locale, "fact.participatingSince"), date(c.participatingSince(), locale)));
        }
        facts.add(new Fact(text(texts, locale, "fact.effectiveDate"), effective));
        facts.add(new Fact(text(texts, locale, "fact.legalBasis"), c.legalBasis()));
        facts.add(new Fact(text(texts, locale, "fact.reference"), c.reference()));

        String sender = c.sentOnBehalf() ? "onBehalf" : "self";
        List<Block> blocks = List.of(
                new Paragraph(PRODUCT, Part.BRAND),
                new Paragraph(text(texts, locale, "header.reference", c.reference()), Part.HEADER),
                new Paragraph(text(texts, locale, "header.date", date(c.issuedOn(), locale)), Part.HEADER),
                new Paragraph(c.authorityName(), Part.ADDRESSEE),
                new Paragraph(text(texts, locale, "title." + event), Part.TITLE),
                new Paragraph(text(texts, locale, "salutation"), Part.TEXT),
                // an entry told later (a new status found at a yearly review) says since when the entity participates
                new Paragraph(text(texts, locale, c.joinedEarlier() ? "statement.ENTRY_EARLIER" : "statement." + event,
                        c.entityName(), identity, c.arrangementName(), code, effective,
                        c.joinedEarlier() ? date(c.participatingSince(), locale) : ""), Part.TEXT),
                new Paragraph(text(texts, locale, "particulars"), Part.TEXT),
                new Facts(facts),
                new Paragraph(text(texts, locale, "sender." + sender, c.entityName()), Part.TEXT),
                new Paragraph(text(texts, locale, "reply", c.reference()), Part.TEXT),
                new Paragraph(text(texts, locale, "availability"), Part.TEXT),
                new Paragraph(text(texts, locale, "closing"), Part.TEXT),
                new Paragraph(text(texts, locale, "signatory." + sender, c.entityName(), c.arrangementName()),
                        Part.SIGNATORY));
        return new Letter(text(texts, locale, "subject." + event, c.entityName(), c.reference()), blocks,
                text(texts, locale, "attachment"), texts, locale);
    }

    /**
     * The entity's NIS2 status and sector (Annex I or II) and its DORA entity type with its point of Art. 2(1), named in
     * the letter's language; English falls back to the enums' own labels.
     */
    private static void regimes(LetterContent.Particulars p, ResourceBundle texts, Locale locale, List<Fact> facts) {
        if (p.nis2Status() != null && p.nis2Status().inScope()) {
            String status = label(texts, locale, "nis2Status." + p.nis2Status().name(), p.nis2Status().label());
            String sector = p.nis2Sector() == null ? null
                    : label(texts, locale, "nis2Sector." + p.nis2Sector().name(), p.nis2Sector().label());
            facts.add(new Fact(text(texts, locale, "fact.nis2"), sector == null ? status
                    : text(texts, locale, "nis2.statusAndSector", status, sector)));
        }
        if (p.doraEntityType() != null) {
            DoraEntityType type = p.doraEntityType();
            String name = label(texts, locale, "dora." + type.name(), type.label().substring(4));
            facts.add(new Fact(text(texts, locale, "fact.dora"),
                    text(texts, locale, "dora.point", type.name().toLowerCase(Locale.ROOT), name)));
        }
    }

    private static String label(ResourceBundle texts, Locale locale, String key, String fallback) {
        return texts.containsKey(key) ? text(texts, locale, key) : fallback;
    }

    /** Arguments are all strings: MessageFormat would otherwise group numbers and format dates its own way. */
    private static String text(ResourceBundle texts, Locale locale, String key, String... args) {
        return new MessageFormat(texts.getString(key), locale).format(args);
    }

    private static String date(LocalDate date, Locale locale) {
        // "en" alone formats the US way (March 16, 2026); European authorities read day, month, year
        Locale dateLocale = locale.getLanguage().equals("en") ? Locale.UK : locale;
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dateLocale).format(date);
    }

    /** "Belgium (BE)" in the letter's language; the code alone when it is not a region the JDK knows. */
    private static String country(String code, Locale locale) {
        try {
            String name = new Locale.Builder().setRegion(code.trim()).build().getDisplayCountry(locale);
            return name.isBlank() || name.equalsIgnoreCase(code.trim()) ? code : name + " (" + code.trim() + ")";
        } catch (IllformedLocaleException e) {
            return code;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
