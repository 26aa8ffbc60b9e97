package org.ronghe.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.ronghe.document.FontRoles.Role;

/**
 * Writes a {@link ReplyLetter} as a Word document (DOCX, Apache POI) that keeps the GB/T 9704-2012 layout when
 * edited: A4 with the standard margins, a 22-line × 28-character document grid, red letterhead and red rule under
 * the document number, headings in 黑体 and 楷体, body in 仿宋 with a two-character indent, and page numbers
 * "— 1 —" in separate odd (right) and even (left) footers.
 *
 * <p>The document names the fonts Chinese offices have in Word and WPS: 方正小标宋简体, 仿宋_GB2312, 黑体,
 * 楷体_GB2312 and 宋体 (override with {@code -Dronghe.docx-font.<role>=name}, roles as in {@link FontRoles}); where
 * they are missing the word processor substitutes its own.
 */
public final class DocxReplyWriter {

    private static long twips(double mm) {
        return Math.round(mm * 1440 / 25.4);
    }
    private static final int LINE_PITCH_TWIPS = (int) Math.round(Gbt9704Layout.PITCH / 25.4 * 1440);

    /** Creates the writer; it needs no font files, only names. */
    public DocxReplyWriter() {
    }

    /**
     * @param letter the letter
     * @param out    where the DOCX goes (not closed)
     * @throws IOException if writing fails
     */
    public void write(ReplyLetter letter, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);
            if (letter.category() != null) {
                XWPFParagraph cat = paragraph(doc, ParagraphAlignment.RIGHT);
                run(cat, Role.HEITI, Gbt9704Layout.BODY_PT, null, letter.category() + "类");
            }
            XWPFParagraph mark = paragraph(doc, ParagraphAlignment.CENTER);
            spacing(mark, (int) twips(35), 0, true);
            run(mark, Role.XIAOBIAOSONG, Gbt9704Layout.letterheadPt(letter.issuerMark()), "FF0000", letter.issuerMark());
            XWPFParagraph number = paragraph(doc, ParagraphAlignment.CENTER);
            spacing(number, 2 * LINE_PITCH_TWIPS, 0, false);
            run(number, Role.FANGSONG, Gbt9704Layout.BODY_PT, null,
                    letter.docNumber() == null ? "" : letter.docNumber());
            border(number, false, "FF0000", 12, 11);
            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER);
            spacing(title, 2 * LINE_PITCH_TWIPS, 0, true);
            run(title, Role.XIAOBIAOSONG, Gbt9704Layout.TITLE_PT, null, letter.title());
            XWPFParagraph addressee = paragraph(doc, ParagraphAlignment.LEFT);
            spacing(addressee, LINE_PITCH_TWIPS, 0, false);
            run(addressee, Role.FANGSONG, Gbt9704Layout.BODY_PT, null, letter.addressee() + "：");
            for (ReplyLetter.Paragraph p : letter.paragraphs()) {
                XWPFParagraph para = paragraph(doc, ParagraphAlignment.BOTH);
                if (p.kind() != ReplyLetter.Kind.FLUSH_LEFT) {
                    indentChars(para, 200, 0, 0);
                }
                Role headRole = p.kind() == ReplyLetter.Kind.HEADING_1 ? Role.HEITI
                        : p.kind() == ReplyLetter.Kind.HEADING_2 ? Role.KAITI : Role.FANGSONG;
                String head = p.heading() != null ? p.heading() : headRole != Role.FANGSONG ? p.text() : "";
                if (!head.isEmpty()) {
                    run(para, headRole, Gbt9704Layout.BODY_PT, null, head);
                }
                if (head.length() < p.text().length()) {
                    run(para, Role.FANGSONG, Gbt9704Layout.BODY_PT, null, p.text().substring(head.length()));
                }
            }
            signature(doc, letter);
            if (letter.note() != null) {
                XWPFParagraph note = paragraph(doc, ParagraphAlignment.LEFT);
                spacing(note, LINE_PITCH_TWIPS, 0, false);
                indentChars(note, 200, 0, 0);
                run(note, Role.FANGSONG, Gbt9704Layout.BODY_PT, null, letter.note());
            }
            if (!letter.copyTo().isEmpty()) {
                XWPFParagraph copy = paragraph(doc, ParagraphAlignment.LEFT);
                spacing(copy, 2 * LINE_PITCH_TWIPS, 0, false);
                indentChars(copy, 0, 100, 100);
                border(copy, true, "000000", 4, 1);
                border(copy, false, "000000", 4, 1);
                run(copy, Role.FANGSONG, Gbt9704Layout.SMALL_PT, null, "抄送：" + String.join("，", letter.copyTo()) + "。");
            }
            pageNumbers(doc);
            doc.write(out);
        }
    }

    private void signature(XWPFDocument doc, ReplyLetter letter) {
        String org = letter.signatureOrg() == null ? "" : letter.signatureOrg();
        String date = letter.dateText();
        double orgChars = chars(org);
        double dateChars = chars(date);
        // GB/T 9704-2012 7.3.5.2: signature two characters from the right, the date's first character two further
        // right than the signature's; a longer date sits two from the right and pushes the signature left
        double orgRight = 2;
        double dateRight = orgChars - dateChars;
        if (dateRight < 2) {
            dateRight = 2;
            orgRight = 4 + dateChars - orgChars;
        }
        XWPFParagraph o = paragraph(doc, ParagraphAlignment.RIGHT);
        spacing(o, 2 * LINE_PITCH_TWIPS, 0, false);
        indentChars(o, 0, 0, (int) Math.round(orgRight * 100));
        run(o, Role.FANGSONG, Gbt9704Layout.BODY_PT, null, org);
        XWPFParagraph d = paragraph(doc, ParagraphAlignment.RIGHT);
        indentChars(d, 0, 0, (int) Math.round(dateRight * 100));
        run(d, Role.FANGSONG, Gbt9704Layout.BODY_PT, null, date);
    }

    private static double chars(String s) {
        double n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) < 0x2E80 ? 0.5 : 1;
        }
        return n;
    }

    private void pageNumbers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        footer(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        footer(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    /** "— PAGE —" in 宋体 四号, one character in from the outer side (GB/T 9704-2012, 7.5). */
    private void footer(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(side);
        if (side == ParagraphAlignment.RIGHT) {
            indentChars(p, 0, 0, 100);
        } else {
            indentChars(p, 0, 100, 0);
        }
        run(p, Role.SONGTI, Gbt9704Layout.SMALL_PT, null, "— ");
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        XWPFRun number = new XWPFRun(field.addNewR(), p);
        style(number, Role.SONGTI, Gbt9704Layout.SMALL_PT, null);
        number.setText("1");
        run(p, Role.SONGTI, Gbt9704Layout.SMALL_PT, null, " —");
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(twips(Gbt9704Layout.TOP)));
        mar.setBottom(BigInteger.valueOf(twips(Gbt9704Layout.PAGE_H - Gbt9704Layout.TOP - Gbt9704Layout.TYPE_H)));
        mar.setLeft(BigInteger.valueOf(twips(Gbt9704Layout.LEFT)));
        mar.setRight(BigInteger.valueOf(twips(Gbt9704Layout.PAGE_W - Gbt9704Layout.LEFT - Gbt9704Layout.TYPE_W)));
        mar.setFooter(BigInteger.valueOf(twips(22)));
        mar.setHeader(BigInteger.valueOf(twips(15)));
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        // a line grid of 22 lines; characters are not snapped to a character grid, which word processors interpret
        // differently (LibreOffice spreads them), and 16 pt text in the 156 mm type area gives the 28 per line
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH_TWIPS));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        CTSpacing spacing = p.getCTP().getPPr().isSetSpacing() ? p.getCTP().getPPr().getSpacing()
                : p.getCTP().getPPr().addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE_PITCH_TWIPS));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        return p;
    }

    private static void spacing(XWPFParagraph p, int beforeTwips, int afterTwips, boolean autoLine) {
        CTSpacing spacing = p.getCTP().getPPr().getSpacing();
        spacing.setBefore(BigInteger.valueOf(beforeTwips));
        spacing.setAfter(BigInteger.valueOf(afterTwips));
        if (autoLine) {
            spacing.setLineRule(STLineSpacingRule.AUTO);
            spacing.setLine(BigInteger.valueOf(240));
        }
    }

    private static void indentChars(XWPFParagraph p, int firstLineChars100, int leftChars100, int rightChars100) {
        CTInd ind = p.getCTP().getPPr().isSetInd() ? p.getCTP().getPPr().getInd() : p.getCTP().getPPr().addNewInd();
        // characters for Word and WPS, and the same in twips (16 pt = 320 twips a character) for others
        if (firstLineChars100 > 0) {
            ind.setFirstLineChars(BigInteger.valueOf(firstLineChars100));
            ind.setFirstLine(BigInteger.valueOf(firstLineChars100 * 320L / 100));
        }
        if (leftChars100 > 0) {
            ind.setLeftChars(BigInteger.valueOf(leftChars100));
            ind.setLeft(BigInteger.valueOf(leftChars100 * 320L / 100));
        }
        if (rightChars100 > 0) {
            ind.setRightChars(BigInteger.valueOf(rightChars100));
            ind.setRight(BigInteger.valueOf(rightChars100 * 320L / 100));
        }
    }

    private static void border(XWPFParagraph p, boolean top, String color, int eighthsOfPoint, int spacePt) {
        CTPBdr bdr = p.getCTP().getPPr().isSetPBdr() ? p.getCTP().getPPr().getPBdr() : p.getCTP().getPPr().addNewPBdr();
        CTBorder b = top ? bdr.addNewTop() : bdr.addNewBottom();
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(eighthsOfPoint));
        b.setSpace(BigInteger.valueOf(spacePt));
        b.setColor(color);
    }

    private void run(XWPFParagraph p, Role role, double sizePt, String color, String text) {
        XWPFRun r = p.createRun();
        style(r, role, sizePt, color);
        r.setText(text);
    }

    /**
     * @param role a typeface role
     * @return the font name the document asks for
     */
    static String family(Role role) {
        String standard = switch (role) {
            case XIAOBIAOSONG -> "方正小标宋简体";
            case FANGSONG -> "仿宋_GB2312";
            case HEITI, FALLBACK -> "黑体";
            case KAITI -> "楷体_GB2312";
            case SONGTI -> "宋体";
        };
        return System.getProperty("ronghe.docx-font." + role.name().toLowerCase(java.util.Locale.ROOT), standard);
    }

    private void style(XWPFRun r, Role role, double sizePt, String color) {
        String family = family(role);
        r.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(family, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(family, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(sizePt);
        if (color != null) {
            r.setColor(color);
        }
    }
}
