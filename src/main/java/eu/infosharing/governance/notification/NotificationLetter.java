package eu.infosharing.governance.notification;

import eu.infosharing.governance.organisation.DoraEntityType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * Writes the letter by which a member notifies its competent authority that it entered or left an information-sharing
 * arrangement (NIS2 Art. 29(4), DORA Art. 45(3)), in the member's language: an e-mail subject and body, and the same
 * letter as a PDF that is kept as evidence of what was notified. The same content always gives the same letter.
 */
@Component
public class NotificationLetter {

    public NotificationLetter(NotificationSettings settings) {
        this.zone = settings.getZone();
    }

    /** The zone of the letter's issue date ({@code governance.notification.zone}). */
    private final ZoneId zone;

    private static final String PRODUCT = "Arrangement Governance";

    private static final float MARGIN_LEFT = 70;
    private static final float MARGIN_RIGHT = 70;
    private static final float MARGIN_TOP = 60;
    private static final float MARGIN_BOTTOM = 72;
    private static final float FOOTER_Y = 40;
    private static final float LEADING = 1.35f;
    private static final float FACT_LABEL_WIDTH = 145;

    /** How a paragraph looks on paper; the e-mail body only keeps the text. */
    private enum Style {
        BRAND(Weight.BOLD, 15, 0), HEADER(Weight.REGULAR, 9, 2), ADDRESSEE(Weight.BOLD, 11, 24),
        TITLE(Weight.BOLD, 12.5f, 24), TEXT(Weight.REGULAR, 10.5f, 10),
        // room to sign a printed copy
        SIGNATORY(Weight.REGULAR, 10.5f, 36);

        final Weight font;
        final float size;
        final float spaceBefore;

        Style(Weight font, float size, float spaceBefore) {
            this.font = font;
            this.size = size;
            this.spaceBefore = spaceBefore;
        }
    }

    private enum Weight { REGULAR, BOLD }

    private sealed interface Block permits Paragraph, Facts {
    }

    private record Paragraph(String text, Style style) implements Block {
    }

    private record Fact(String label, String value) {
    }

    private record Facts(List<Fact> rows) implements Block {
    }

    /** The letter in its language, laid out once so that e-mail and PDF say the same thing. */
    private record Letter(String subject, List<Block> blocks, String attachment, ResourceBundle texts, Locale locale) {
    }

    public String subject(LetterContent c) {
        return compose(c).subject();
    }

    public String body(LetterContent c) {
        Letter letter = compose(c);
        StringBuilder out = new StringBuilder();
        for (Block block : letter.blocks()) {
            if (block instanceof Paragraph p) {
                if (!out.isEmpty() && p.style().spaceBefore > 2) {
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
        Letter letter = compose(c);
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            Pages pages = new Pages(doc, regular, bold);
            for (Block block : letter.blocks()) {
                if (block instanceof Paragraph p) {
                    pages.paragraph(p.text(), p.style(), MARGIN_LEFT, PDRectangle.A4.getWidth() - MARGIN_RIGHT);
                } else if (block instanceof Facts f) {
                    pages.facts(f.rows());
                }
            }
            pages.close();
            footers(doc, regular, letter, c.reference());

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(letter.subject());
            info.setSubject(c.reference());
            info.setKeywords(c.reference());
            info.setCreator(PRODUCT);
            GregorianCalendar created = GregorianCalendar.from(c.issuedOn().atStartOfDay(zone));
            info.setCreationDate(created);
            // PDFBox derives the file identifier from this instead of the clock: same content, same bytes
            doc.setDocumentId(created.getTimeInMillis());

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the notification letter " + c.reference(), e);
        }
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
                new Paragraph(PRODUCT, Style.BRAND),
                new Paragraph(text(texts, locale, "header.reference", c.reference()), Style.HEADER),
                new Paragraph(text(texts, locale, "header.date", date(c.issuedOn(), locale)), Style.HEADER),
                new Paragraph(c.authorityName(), Style.ADDRESSEE),
                new Paragraph(text(texts, locale, "title." + event), Style.TITLE),
                new Paragraph(text(texts, locale, "salutation"), Style.TEXT),
                // an entry told later (a new status found at a yearly review) says since when the entity participates
                new Paragraph(text(texts, locale, c.joinedEarlier() ? "statement.ENTRY_EARLIER" : "statement." + event,
                        c.entityName(), identity, c.arrangementName(), code, effective,
                        c.joinedEarlier() ? date(c.participatingSince(), locale) : ""), Style.TEXT),
                new Paragraph(text(texts, locale, "particulars"), Style.TEXT),
                new Facts(facts),
                new Paragraph(text(texts, locale, "sender." + sender, c.entityName()), Style.TEXT),
                new Paragraph(text(texts, locale, "reply", c.reference()), Style.TEXT),
                new Paragraph(text(texts, locale, "availability"), Style.TEXT),
                new Paragraph(text(texts, locale, "closing"), Style.TEXT),
                new Paragraph(text(texts, locale, "signatory." + sender, c.entityName(), c.arrangementName()),
                        Style.SIGNATORY));
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

    private static void footers(PDDocument doc, PDFont font, Letter letter, String reference) throws IOException {
        int total = doc.getNumberOfPages();
        float size = 8;
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            String footer = encodable(font, text(letter.texts(), letter.locale(), "footer", reference,
                    Integer.toString(i + 1), Integer.toString(total)));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(MARGIN_LEFT, FOOTER_Y);
                cs.showText(footer);
                cs.endText();
            }
        }
    }

    /**
     * The text as the font can show it. Helvetica only knows WinAnsi, and names may be written in any script: a letter
     * with an accent the font lacks keeps its base letter (ź -> z), anything else becomes '?', so rendering never fails.
     * The e-mail and the PDF document information keep the exact text.
     */
    public static String encodable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (canEncode(font, Character.toString(cp))) {
                out.appendCodePoint(cp);
            } else {
                String base = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!base.isEmpty() && canEncode(font, base) ? base : "?");
            }
        });
        return out.toString();
    }

    private static boolean canEncode(PDFont font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Lays text out top to bottom over as many A4 pages as it takes. */
    private static final class Pages {
        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream cs;
        private float y;

        Pages(PDDocument doc, PDFont regular, PDFont bold) {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
        }

        void paragraph(String text, Style style, float left, float right) throws IOException {
            PDFont font = font(style.font);
            List<String> lines = wrap(encodable(font, text), font, style.size, right - left);
            float lineHeight = style.size * LEADING;
            // keep a short paragraph together instead of leaving its first line alone at the bottom of a page
            if (room(style.spaceBefore + lineHeight * Math.min(lines.size(), 2))) {
                y -= style.spaceBefore;
            }
            for (String line : lines) {
                room(lineHeight);
                y -= lineHeight;
                show(line, font, style.size, left, y);
            }
        }

        void facts(List<Fact> rows) throws IOException {
            float size = Style.TEXT.size;
            float lineHeight = size * LEADING;
            float left = MARGIN_LEFT + 12;
            float valueLeft = left + FACT_LABEL_WIDTH;
            float right = PDRectangle.A4.getWidth() - MARGIN_RIGHT;
            if (room(Style.TEXT.spaceBefore + lineHeight)) {
                y -= Style.TEXT.spaceBefore;
            }
            for (Fact row : rows) {
                List<String> labels = wrap(encodable(bold, row.label()), bold, size, FACT_LABEL_WIDTH - 8);
                List<String> values = wrap(encodable(regular, row.value()), regular, size, right - valueLeft);
                int height = Math.max(labels.size(), values.size());
                room(lineHeight * Math.min(height, 3) + 3);
                y -= 3;
                for (int i = 0; i < height; i++) {
                    room(lineHeight);
                    y -= lineHeight;
                    if (i < labels.size()) {
                        show(labels.get(i), bold, size, left, y);
                    }
                    if (i < values.size()) {
                        show(values.get(i), regular, size, valueLeft, y);
                    }
                }
            }
        }

        /** Starts a new page unless the height still fits on this one; true when it fitted. */
        private boolean room(float height) throws IOException {
            if (cs != null && y - height >= MARGIN_BOTTOM) {
                return true;
            }
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
            return false;
        }

        private void show(String line, PDFont font, float size, float x, float baseline) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            cs.showText(line);
            cs.endText();
        }

        private PDFont font(Weight f) {
            return f == Weight.BOLD ? bold : regular;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }

    /** Breaks at spaces; a word wider than the line (a long identifier) is cut where it has to be. */
    public static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(font, size, word) > width) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, size, word.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }
}
