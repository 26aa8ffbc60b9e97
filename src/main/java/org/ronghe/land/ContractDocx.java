package org.ronghe.land;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * A transfer contract as a Word document (.docx, Apache POI): the title centred in 小标宋 (宋体 where missing),
 * chapter headings (第一条 …) in 黑体, the text in 仿宋 at 16 pt (三号), and the contract number and SHA-256 of the
 * text in the footer line, so the printed copy can be matched with the record.
 */
final class ContractDocx {

    private ContractDocx() {
    }

    /**
     * @param text   the contract's text (first line the title, chapters starting with 第…条)
     * @param number the contract number
     * @param sha256 the text's hash
     * @return the document's bytes
     */
    static byte[] write(String text, String number, String sha256) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                if (i == 0) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                    font(run, "方正小标宋简体", 22);
                } else if (line.matches("第[一二三四五六七八九十]+条.*")) {
                    font(run, "黑体", 16);
                } else {
                    font(run, "仿宋_GB2312", 16);
                }
                run.setText(line);
            }
            XWPFParagraph foot = doc.createParagraph();
            foot.setAlignment(ParagraphAlignment.RIGHT);
            XWPFRun run = foot.createRun();
            font(run, "仿宋_GB2312", 10);
            run.setText("合同编号 " + number + "　文本摘要 SHA-256 " + sha256);
            a4(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4 portrait (210 × 297 mm) with 25 mm margins, so that it prints as the service hall expects. */
    private static void a4(XWPFDocument doc) {
        var body = doc.getDocument().getBody();
        var sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(java.math.BigInteger.valueOf(11906));
        size.setH(java.math.BigInteger.valueOf(16838));
        var margin = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        java.math.BigInteger mm25 = java.math.BigInteger.valueOf(1417);
        margin.setTop(mm25);
        margin.setBottom(mm25);
        margin.setLeft(mm25);
        margin.setRight(mm25);
    }

    private static void font(XWPFRun run, String family, int points) {
        run.setFontFamily(family);
        run.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(points);
    }
}
