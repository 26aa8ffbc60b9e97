package org.ronghe.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes laid-out pages ({@link Gbt9704Layout}) as PDF with Apache PDFBox. Every font used is embedded (subset),
 * so the file prints the same everywhere; roles that share one font (by default 仿宋, 宋体 and the fallback) share
 * one embedded font ({@link PdfFonts}).
 */
public final class PdfReplyWriter {

    private static final float PT_PER_MM = (float) (72 / 25.4);

    private final FontRoles fonts;

    /** @param fonts the fonts the layout used */
    public PdfReplyWriter(FontRoles fonts) {
        this.fonts = fonts;
    }

    /**
     * @param pages laid-out pages
     * @param title document title for the PDF metadata
     * @param out   where the PDF goes (not closed)
     * @throws IOException if writing fails
     */
    public void write(List<Gbt9704Layout.Page> pages, String title, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Ronghe 融合");
            PdfFonts pdfFonts = new PdfFonts(doc, fonts);
            for (Gbt9704Layout.Page page : pages) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                doc.addPage(pdPage);
                float height = pdPage.getMediaBox().getHeight();
                try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
                    for (Gbt9704Layout.Rule r : page.rules()) {
                        cs.setStrokingColor(new java.awt.Color(r.color()));
                        cs.setLineWidth((float) r.thicknessMm() * PT_PER_MM);
                        cs.moveTo((float) r.x1() * PT_PER_MM, height - (float) r.y1() * PT_PER_MM);
                        cs.lineTo((float) r.x2() * PT_PER_MM, height - (float) r.y2() * PT_PER_MM);
                        cs.stroke();
                    }
                    for (Gbt9704Layout.Text t : page.texts()) {
                        PDType0Font font = pdfFonts.font(t.role());
                        cs.beginText();
                        cs.setNonStrokingColor(new java.awt.Color(t.color()));
                        cs.setFont(font, (float) t.sizePt());
                        cs.setCharacterSpacing((float) t.spacingMm() * PT_PER_MM);
                        cs.newLineAtOffset((float) t.x() * PT_PER_MM, height - (float) t.baseline() * PT_PER_MM);
                        cs.showText(t.text());
                        cs.endText();
                    }
                }
            }
            doc.save(out);
        }
    }
}
