package org.ronghe.land;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ronghe.document.FontRoles;

/**
 * A transfer contract as PDF (Apache PDFBox): A4, 2.8 cm margins, title at 18 pt, text at 12 pt, wrapped by the
 * glyphs' widths, in the Song font the documents module uses (AR PL SungtiL GB, which covers GB 2312; configurable as
 * {@code ronghe.font.xiaobiaosong}). The contract number and the text's SHA-256 close the last page.
 */
final class ContractPdf {

    private static final float MARGIN = 2.8f / 2.54f * 72;
    private static final float BODY = 12;
    private static final float TITLE = 18;

    private ContractPdf() {
    }

    static byte[] write(String text, String number, String sha256) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, new File(FontRoles.Role.XIAOBIAOSONG.location().replaceFirst("#.*$", "")));
            Writer w = new Writer(doc, font);
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                w.paragraph(lines[i].strip(), i == 0 ? TITLE : BODY, i == 0);
            }
            w.paragraph("", BODY, false);
            w.paragraph("合同编号 " + number + "  文本摘要 SHA-256 " + sha256, 8, false);
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Punctuation that closes and so never starts a line. */
    private static final java.util.Set<String> CLOSING = java.util.Set.of("，", "。", "；", "：", "、", "）", "」", "』", "！", "？",
            "％", "%", ")", ",", ".", ";", ":");

    /** Lays out paragraphs line by line, starting new pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /**
         * Lays out a paragraph: a run of Latin letters and digits (a credit code, a contract number) is kept whole
         * unless longer than a line, and closing punctuation never starts a line but hangs at its end (the usual rule of
         * Chinese typesetting).
         */
        void paragraph(String text, float size, boolean centred) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            if (text.isEmpty()) {
                y -= size * 1.6f;
                return;
            }
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (String unit : units(text)) {
                float w = width(unit, size);
                if (w > width) { // a run longer than a line is cut where it must
                    for (int i = 0; i < unit.length(); i++) {
                        String ch = unit.substring(i, i + 1);
                        float cw = width(ch, size);
                        if (used + cw > width && line.length() > 0) {
                            show(line.toString(), size, used, width, false);
                            line.setLength(0);
                            used = 0;
                        }
                        line.append(ch);
                        used += cw;
                    }
                    continue;
                }
                if (used + w > width && line.length() > 0 && !CLOSING.contains(unit)) {
                    show(line.toString(), size, used, width, false);
                    line.setLength(0);
                    used = 0;
                }
                line.append(unit);
                used += w;
            }
            show(line.toString(), size, Math.min(used, width), width, centred);
        }

        /** @return the text as units to lay out: Latin letter-and-digit runs whole, every other character alone */
        private List<String> units(String text) {
            List<String> out = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = encodable(new String(Character.toChars(cp)));
                if (cp < 128 && Character.isLetterOrDigit(cp)) {
                    run.append(ch);
                } else {
                    if (run.length() > 0) {
                        out.add(run.toString());
                        run.setLength(0);
                    }
                    out.add(ch);
                }
                i += Character.charCount(cp);
            }
            if (run.length() > 0) {
                out.add(run.toString());
            }
            return out;
        }

        /** @return the character, or □ when the font lacks it */
        private String encodable(String ch) {
            try {
                font.getStringWidth(ch);
                return ch;
            } catch (IllegalArgumentException | IOException e) {
                return "□";
            }
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        private void show(String line, float size, float used, float width, boolean centred) throws IOException {
            if (y - size * 1.6f < MARGIN) {
                newPage();
            }
            y -= size * 1.6f;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + (centred ? (width - used) / 2 : 0), y);
            stream.showText(line);
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
