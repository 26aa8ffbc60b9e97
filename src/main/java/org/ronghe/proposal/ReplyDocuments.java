package org.ronghe.proposal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ronghe.document.FontRoles;
import org.ronghe.document.ReplyExtractor;
import org.ronghe.document.ReplyLetter;
import org.ronghe.document.ReplyLetters;
import org.ronghe.document.ReplyRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders stored replies as 公文 (GB/T 9704-2012) in DOCX, PDF or OFD, and pages of the PDF as images for the print
 * preview. The letter's layout comes from its text; the fields staff confirmed at import replace the extracted ones.
 * Fonts are loaded on first use.
 */
@Component
public class ReplyDocuments {

    private final ReplyExtractor extractor = new ReplyExtractor();
    private volatile ReplyRenderer renderer;

    /**
     * @param reply  a stored reply
     * @param format output format
     * @return the document's bytes
     * @throws UncheckedIOException if the fonts are missing or rendering fails
     */
    public byte[] render(StoredReply reply, ReplyRenderer.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer().render(letter(reply), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param reply a stored reply
     * @return number of pages of its 公文
     */
    public int pageCount(StoredReply reply) {
        try (PDDocument pdf = Loader.loadPDF(render(reply, ReplyRenderer.Format.PDF))) {
            return pdf.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param reply a stored reply
     * @param page  1-based page number
     * @return the page as PNG at 96 dpi, or {@code null} if there is no such page
     */
    public byte[] pagePng(StoredReply reply, int page) {
        try (PDDocument pdf = Loader.loadPDF(render(reply, ReplyRenderer.Format.PDF))) {
            if (page < 1 || page > pdf.getNumberOfPages()) {
                return null;
            }
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page - 1, 96);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReplyLetter letter(StoredReply r) {
        ReplyLetter parsed = ReplyLetters.fromText(r.letterText(), extractor.extract(r.letterText()));
        String mark = r.issuerMark() != null ? r.issuerMark() : r.issuer() + "文件";
        return new ReplyLetter(mark, r.docNumber(), r.category(), parsed.title(),
                r.addressee() != null ? r.addressee() : parsed.addressee(), parsed.paragraphs(),
                r.signatureOrg() != null ? r.signatureOrg() : r.issuer(), r.replyDate(), parsed.note(), r.copyTo());
    }

    private ReplyRenderer renderer() throws IOException {
        ReplyRenderer r = renderer;
        if (r == null) {
            synchronized (this) {
                if (renderer == null) {
                    renderer = new ReplyRenderer(FontRoles.load());
                }
                r = renderer;
            }
        }
        return r;
    }
}
