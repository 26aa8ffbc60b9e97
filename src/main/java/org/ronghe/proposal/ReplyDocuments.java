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
import org.ronghe.document.FontUnavailableException;
import org.ronghe.document.ReplyExtractor;
import org.ronghe.document.ReplyLetter;
import org.ronghe.document.ReplyLetters;
import org.ronghe.document.ReplyRenderer;
import org.ronghe.problem.Refusal;
import org.springframework.stereotype.Component;

/**
 * Renders stored replies as 公文 (GB/T 9704-2012) in DOCX, PDF or OFD, and pages of the PDF as images for the print
 * preview. The letter's layout comes from its text; the fields staff confirmed at import replace the extracted ones.
 * The fonts are the platform's ({@link FontRoles}, loaded at start-up); when one cannot be used, PDF, OFD and the
 * preview are refused with 503 naming its setting, while DOCX, which embeds no font, is still given.
 */
@Component
public class ReplyDocuments {

    private final ReplyExtractor extractor = new ReplyExtractor();
    private final ReplyRenderer renderer;

    ReplyDocuments(FontRoles fonts) {
        this.renderer = new ReplyRenderer(fonts);
    }

    /**
     * @param reply  a stored reply
     * @param format output format
     * @return the document's bytes
     * @throws org.ronghe.problem.Refusal 503 naming the font setting, if a PDF or OFD is asked
     *                                                        for and a font cannot be used
     * @throws UncheckedIOException if rendering fails
     */
    public byte[] render(StoredReply reply, ReplyRenderer.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.render(letter(reply), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontUnavailableException e) {
            throw Refusal.unavailable("暂时无法生成 PDF、OFD 公文和打印预览。" + e.publicMessage()
                    + "。请系统管理员改正或删除该设置后重启平台；Word（DOCX）格式不需要字体文件，仍可下载。");
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
}
