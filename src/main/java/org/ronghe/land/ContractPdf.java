package org.ronghe.land;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.ronghe.document.FontRoles;
import org.ronghe.document.FontRoles.Role;
import org.ronghe.document.LineBreaker;
import org.ronghe.document.PdfFonts;

/**
 * A transfer contract as PDF (Apache PDFBox): A4, 2.8 cm margins, title at 18 pt, text at 12 pt, wrapped by the
 * glyphs' widths, in the platform's 公文 fonts ({@link FontRoles}) set as the Word copy ({@link ContractDocx}) names
 * them: the title in 小标宋, the articles' first lines (第一条 …) in 黑体, the text in the 仿宋 body font, so a
 * county that configures a licensed 仿宋 ({@code ronghe.font.fangsong}) gets its contracts in it like its 公文.
 * The shipped body font covers all of GBK, so the rarer characters of people's names print; a character no font
 * has prints as □. The contract number and the text's SHA-256 close the last page.
 */
final class ContractPdf {

    /** The roles a contract is drawn with: its own three, and 宋体 and the fallback for characters they lack. */
    static final Role[] ROLES = {Role.XIAOBIAOSONG, Role.HEITI, Role.FANGSONG, Role.SONGTI, Role.FALLBACK};

    private static final float MARGIN = 2.8f / 2.54f * 72;
    private static final float BODY = 12;
    private static final float TITLE = 18;

    private ContractPdf() {
    }

    /**
     * @param fonts  the platform's fonts
     * @param text   the contract's text (first line the title, articles starting with 第…条)
     * @param number the contract number
     * @param sha256 the text's hash
     * @return the PDF's bytes
     * @throws org.ronghe.document.FontUnavailableException if a font the contract needs cannot be used
     */
    static byte[] write(FontRoles fonts, String text, String number, String sha256) {
        fonts.require(ROLES);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(doc, fonts);
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                Role role = i == 0 ? Role.XIAOBIAOSONG
                        : line.matches("第[一二三四五六七八九十]+条.*") ? Role.HEITI : Role.FANGSONG;
                w.paragraph(line, role, i == 0 ? TITLE : BODY, i == 0);
            }
            w.paragraph("", Role.FANGSONG, BODY, false);
            w.paragraph("合同编号 " + number + "  文本摘要 SHA-256 " + sha256, Role.FANGSONG, 8, false);
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
        private final FontRoles roles;
        private final PdfFonts fonts;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, FontRoles roles) throws IOException {
            this.doc = doc;
            this.roles = roles;
            this.fonts = new PdfFonts(doc, roles);
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
        void paragraph(String text, Role role, float size, boolean centred) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            if (text.isEmpty()) {
                y -= size * 1.6f;
                return;
            }
            StringBuilder drawable = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (roles.drawing(role, cp) != null) {
                    drawable.appendCodePoint(cp);
                } else if (!Character.isISOControl(cp)) {
                    drawable.append('□');
                }
            });
            List<String> lines = LineBreaker.wrap(drawable.toString(), width, 0, true, unit -> width(role, unit, size));
            for (int i = 0; i < lines.size(); i++) {
                boolean last = i == lines.size() - 1;
                show(lines.get(i), role, size, Math.min(width(role, lines.get(i), size), width), width,
                        centred && last);
            }
        }

        private float width(Role role, String s, float size) {
            try {
                return fonts.width(role, s, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void show(String line, Role role, float size, float used, float width, boolean centred)
                throws IOException {
            if (y - size * 1.6f < MARGIN) {
                newPage();
            }
            y -= size * 1.6f;
            stream.beginText();
            stream.newLineAtOffset(MARGIN + (centred ? (width - used) / 2 : 0), y);
            for (PdfFonts.Run run : fonts.runs(role, line)) {
                stream.setFont(fonts.font(run.role()), size);
                stream.showText(run.text());
            }
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
