package org.ronghe.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text of a letter file: plain text ({@code .txt}; UTF-8, with or without BOM, or GB18030/GBK as Chinese
 * Windows saves it), Word ({@code .docx}, Apache POI), PDF with a text layer ({@code .pdf}, Apache PDFBox) and saved
 * web pages ({@code .html}, {@code .htm}, jsoup; block elements become line breaks). The libraries for DOCX, PDF
 * and HTML are loaded only when such a file is read.
 */
public final class LetterReader {

    /** Largest accepted file: 20 MB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /**
     * @param file a letter file
     * @return its text
     * @throws UnreadableLetterException if the file is missing, unreadable, empty, over {@link #MAX_BYTES}, of an
     *                                   unsupported type, damaged, or (PDF) has no text layer
     */
    public String read(Path file) throws UnreadableLetterException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnreadableLetterException("无法读取文件（不存在或没有读取权限）");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableLetterException("无法读取文件：" + e.getMessage());
        }
        if (size == 0) {
            throw new UnreadableLetterException("文件为空");
        }
        if (size > MAX_BYTES) {
            throw new UnreadableLetterException("文件超过 20 MB（" + size / 1024 / 1024 + " MB）");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableLetterException("无法读取文件：" + e.getMessage());
        }
        return read(file.getFileName().toString(), bytes);
    }

    /**
     * @param fileName name of the file (its extension selects the format)
     * @param bytes    its content, at most {@link #MAX_BYTES}
     * @return the text
     * @throws UnreadableLetterException as for {@link #read(Path)}
     */
    public String read(String fileName, byte[] bytes) throws UnreadableLetterException {
        if (bytes.length == 0) {
            throw new UnreadableLetterException("文件为空");
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableLetterException("文件超过 20 MB");
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        String text;
        try {
            if (name.endsWith(".txt") || name.endsWith(".text")) {
                text = plainText(bytes);
            } else if (name.endsWith(".docx")) {
                text = Docx.text(bytes);
            } else if (name.endsWith(".pdf")) {
                text = Pdf.text(bytes);
            } else if (name.endsWith(".html") || name.endsWith(".htm")) {
                text = Html.text(bytes);
            } else {
                throw new UnreadableLetterException("不支持的文件类型（支持 .txt、.docx、.pdf、.html）");
            }
        } catch (IOException | RuntimeException e) {
            if (e.getClass().getSimpleName().equals("InvalidPasswordException")) {
                throw new UnreadableLetterException("PDF 已加密，无法读取其文字");
            }
            String kind = name.endsWith(".docx") ? "Word（.docx）" : name.endsWith(".pdf") ? "PDF" : "网页";
            throw new UnreadableLetterException("文件已损坏，或不是有效的" + kind + "文件");
        }
        if (text.isBlank()) {
            throw new UnreadableLetterException(name.endsWith(".pdf") ? "PDF 没有文字层（可能是扫描件）" : "文件中没有文字");
        }
        return text;
    }

    private static String plainText(byte[] bytes) throws UnreadableLetterException {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030")}) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            } catch (CharacterCodingException e) {
                // try the next encoding
            }
        }
        throw new UnreadableLetterException("文本文件既不是 UTF-8 也不是 GB18030/GBK 编码");
    }

    /** Word documents, through Apache POI (loaded on first use). */
    private static final class Docx {
        static String text(byte[] bytes) throws IOException {
            try (InputStream in = new ByteArrayInputStream(bytes);
                 org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in);
                 org.apache.poi.xwpf.extractor.XWPFWordExtractor extractor =
                         new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
                return extractor.getText();
            }
        }
    }

    /** PDF text layers, through Apache PDFBox (loaded on first use). */
    private static final class Pdf {
        static String text(byte[] bytes) throws IOException {
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setSortByPosition(true);
                return stripper.getText(doc);
            }
        }
    }

    /** Saved web pages, through jsoup (loaded on first use): scripts dropped, blocks on lines of their own. */
    private static final class Html {
        static String text(byte[] bytes) throws IOException {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
            doc.select("script, style, noscript, template").remove();
            doc.select("br").after("\n");
            doc.select("p, div, h1, h2, h3, h4, h5, h6, li, tr, table, section, article, header, footer, td, th, "
                    + "blockquote, pre, dd, dt").after("\n");
            return doc.body() == null ? "" : doc.body().wholeText().replace('\u00A0', ' ');
        }
    }
}
