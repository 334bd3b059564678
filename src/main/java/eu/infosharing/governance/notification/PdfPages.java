package eu.infosharing.governance.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text written top to bottom over as many A4 pages as it takes, in Helvetica: a new page when the next lines do not
 * fit, text wrapped to a width and reduced to what the font can show. The notification letter ({@link LetterPdf}) and
 * the audit's evidence pack lay their pages out with it.
 */
public final class PdfPages implements AutoCloseable {

    public static final float WIDTH = PDRectangle.A4.getWidth();

    private final PDDocument doc;
    private final float marginTop;
    private final float marginBottom;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream cs;
    private float y;

    /** The first page starts with the first text that asks for room. */
    public PdfPages(PDDocument doc, float marginTop, float marginBottom) {
        this.doc = doc;
        this.marginTop = marginTop;
        this.marginBottom = marginBottom;
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    public PDFont font(boolean strong) {
        return strong ? bold : regular;
    }

    /** Starts a new page unless the height still fits on this one above the bottom margin; true when it fitted. */
    public boolean room(float height) throws IOException {
        if (cs != null && y - height >= marginBottom) {
            return true;
        }
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - marginTop;
        return false;
    }

    /** Moves the baseline down the page. */
    public void down(float height) {
        y -= height;
    }

    /** One line of text, already wrapped and encodable, on the current baseline. */
    public void show(String line, PDFont font, float size, float x) throws IOException {
        show(cs, line, font, size, x, y);
    }

    /** One line of text at a place on a page: what every page's footer needs once the pages are laid out. */
    public static void show(PDPageContentStream cs, String line, PDFont font, float size, float x, float baseline)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(line);
        cs.endText();
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    /** The document as bytes. */
    public static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /**
     * The text as the font can show it. Helvetica only knows WinAnsi, and names may be written in any script: a letter
     * with an accent the font lacks keeps its base letter (ź -> z), a sign it lacks a stand-in it has (→ -> "->"), anything
     * else becomes '?', so rendering never fails.
     * The e-mail and the PDF document information keep the exact text.
     */
    public static String encodable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (canEncode(font, Character.toString(cp))) {
                out.appendCodePoint(cp);
            } else if (STAND_INS.containsKey(cp) && canEncode(font, STAND_INS.get(cp))) {
                out.append(STAND_INS.get(cp));
            } else {
                String base = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!base.isEmpty() && canEncode(font, base) ? base : "?");
            }
        });
        return out.toString();
    }

    /**
     * Signs our texts and people's input use that WinAnsi lacks, written with characters it has: the arrow between
     * two states, comparison signs, the minus and non-breaking hyphens.
     */
    private static final Map<Integer, String> STAND_INS = Map.ofEntries(
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x2194, "<->"), Map.entry(0x21D2, "=>"),
            Map.entry(0x2264, "<="), Map.entry(0x2265, ">="), Map.entry(0x2260, "/="), Map.entry(0x2212, "-"),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2032, "'"),
            Map.entry(0x2033, "\""), Map.entry(0x2713, "v"), Map.entry(0x2715, "x"));

    /** Whether the font prints every character of the text as it is (no stand-in, no '?'). */
    public static boolean prints(PDFont font, String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp)
                || canEncode(font, Character.toString(cp)));
    }

    private static boolean canEncode(PDFont font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The text made encodable and wrapped to the width. */
    public static List<String> lines(String text, PDFont font, float size, float width) throws IOException {
        return wrap(encodable(font, text), font, size, width);
    }

    /** Breaks at spaces; a word wider than the line (a long identifier) is cut where it has to be. */
    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
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
