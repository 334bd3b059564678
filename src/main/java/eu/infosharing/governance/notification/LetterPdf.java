package eu.infosharing.governance.notification;

import eu.infosharing.governance.notification.NotificationLetter.Fact;
import eu.infosharing.governance.notification.NotificationLetter.Facts;
import eu.infosharing.governance.notification.NotificationLetter.Letter;
import eu.infosharing.governance.notification.NotificationLetter.Paragraph;
import eu.infosharing.governance.notification.NotificationLetter.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Puts a composed notification letter on A4 paper: each part's look, the particulars as a table of labels and values,
 * the reference and page number at the foot of every page, and document information that identifies the letter. No
 * clock and no random identifier: the same letter always gives the same bytes.
 */
final class LetterPdf {

    private static final float MARGIN_LEFT = 70;
    private static final float MARGIN_RIGHT = 70;
    private static final float MARGIN_TOP = 60;
    private static final float MARGIN_BOTTOM = 72;
    private static final float FOOTER_Y = 40;
    private static final float FOOTER_SIZE = 8;
    private static final float LEADING = 1.35f;
    private static final float FACT_LABEL_WIDTH = 145;

    /** How a part of the letter looks on paper. */
    private record Look(boolean bold, float size, float spaceBefore) {
    }

    private static final Look TEXT = new Look(false, 10.5f, 10);

    private static Look look(Part part) {
        return switch (part) {
            case BRAND -> new Look(true, 15, 0);
            case HEADER -> new Look(false, 9, 2);
            case ADDRESSEE -> new Look(true, 11, 24);
            case TITLE -> new Look(true, 12.5f, 24);
            case TEXT -> TEXT;
            // room to sign a printed copy
            case SIGNATORY -> new Look(false, 10.5f, 36);
        };
    }

    /** The zone of the letter's issue date ({@code governance.notification.zone}). */
    private final ZoneId zone;

    LetterPdf(ZoneId zone) {
        this.zone = zone;
    }

    byte[] render(Letter letter, LetterContent c) {
        try (PDDocument doc = new PDDocument()) {
            PdfPages pages = new PdfPages(doc, MARGIN_TOP, MARGIN_BOTTOM);
            for (NotificationLetter.Block block : letter.blocks()) {
                if (block instanceof Paragraph p) {
                    paragraph(pages, p.text(), look(p.part()), MARGIN_LEFT, PdfPages.WIDTH - MARGIN_RIGHT);
                } else if (block instanceof Facts f) {
                    facts(pages, f.rows());
                }
            }
            pages.close();
            footers(doc, pages.regular(), letter, c.reference());

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(letter.subject());
            info.setSubject(c.reference());
            info.setKeywords(c.reference());
            info.setCreator(NotificationLetter.PRODUCT);
            GregorianCalendar created = GregorianCalendar.from(c.issuedOn().atStartOfDay(zone));
            info.setCreationDate(created);
            // PDFBox derives the file identifier from this instead of the clock: same content, same bytes
            doc.setDocumentId(created.getTimeInMillis());
            return PdfPages.bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the notification letter " + c.reference(), e);
        }
    }

    private static void paragraph(PdfPages pages, String text, Look look, float left, float right) throws IOException {
        PDFont font = pages.font(look.bold());
        List<String> lines = PdfPages.lines(text, font, look.size(), right - left);
        float lineHeight = look.size() * LEADING;
        // keep a short paragraph together instead of leaving its first line alone at the bottom of a page
        if (pages.room(look.spaceBefore() + lineHeight * Math.min(lines.size(), 2))) {
            pages.down(look.spaceBefore());
        }
        for (String line : lines) {
            pages.room(lineHeight);
            pages.down(lineHeight);
            pages.show(line, font, look.size(), left);
        }
    }

    private static void facts(PdfPages pages, List<Fact> rows) throws IOException {
        float size = TEXT.size();
        float lineHeight = size * LEADING;
        float left = MARGIN_LEFT + 12;
        float valueLeft = left + FACT_LABEL_WIDTH;
        float right = PdfPages.WIDTH - MARGIN_RIGHT;
        if (pages.room(TEXT.spaceBefore() + lineHeight)) {
            pages.down(TEXT.spaceBefore());
        }
        for (Fact row : rows) {
            List<String> labels = PdfPages.lines(row.label(), pages.bold(), size, FACT_LABEL_WIDTH - 8);
            List<String> values = PdfPages.lines(row.value(), pages.regular(), size, right - valueLeft);
            int height = Math.max(labels.size(), values.size());
            pages.room(lineHeight * Math.min(height, 3) + 3);
            pages.down(3);
            for (int i = 0; i < height; i++) {
                pages.room(lineHeight);
                pages.down(lineHeight);
                if (i < labels.size()) {
                    pages.show(labels.get(i), pages.bold(), size, left);
                }
                if (i < values.size()) {
                    pages.show(values.get(i), pages.regular(), size, valueLeft);
                }
            }
        }
    }

    private static void footers(PDDocument doc, PDFont font, Letter letter, String reference) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            String footer = PdfPages.encodable(font, letter.footer(reference, i + 1, total));
            try (PDPageContentStream cs = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                PdfPages.show(cs, footer, font, FOOTER_SIZE, MARGIN_LEFT, FOOTER_Y);
            }
        }
    }
}
