package org.ronghe.land;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ronghe.document.FontRoles;
import org.ronghe.document.LineBreaker;

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
         * Lays out a paragraph by the documents module's line breaking ({@link LineBreaker}): Latin letter-and-digit
         * runs (a credit code, a contract number) kept whole, closing punctuation never starting a line.
         */
        void paragraph(String text, float size, boolean centred) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            if (text.isEmpty()) {
                y -= size * 1.6f;
                return;
            }
            StringBuilder drawable = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                drawable.append(encodable(new String(Character.toChars(cp))));
                i += Character.charCount(cp);
            }
            List<String> lines = LineBreaker.wrap(drawable.toString(), width, 0, true, unit -> width(unit, size));
            for (int i = 0; i < lines.size(); i++) {
                boolean last = i == lines.size() - 1;
                show(lines.get(i), size, Math.min(width(lines.get(i), size), width), width, centred && last);
            }
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

        private float width(String s, float size) {
            try {
                return font.getStringWidth(s) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
