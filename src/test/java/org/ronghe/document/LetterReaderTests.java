package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Letters in every supported file type give the same fields as their plain text. */
class LetterReaderTests {

    static final File CJK_TRUETYPE = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    final LetterReader reader = new LetterReader();
    final ReplyExtractor extractor = new ReplyExtractor();

    @TempDir
    Path dir;

    @Test
    void plainTextInUtf8WithBomAndInGbk() throws Exception {
        String seed = ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt");
        byte[] bom = ("\uFEFF" + seed).getBytes(StandardCharsets.UTF_8);
        assertThat(extractor.extract(reader.read("a.txt", bom)).docNumber()).isEqualTo("高发改发〔2025〕85号");
        byte[] gbk = seed.getBytes(Charset.forName("GB18030"));
        assertThat(extractor.extract(reader.read("a.TXT", gbk)).issuer()).isEqualTo("高平市发展改革和科技局");
    }

    @Test
    void wordDocument() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt").split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        ExtractedReply r = extractor.extract(reader.read("reply.docx", out.toByteArray()));
        assertThat(r.docNumber()).isEqualTo("高发改发〔2025〕85号");
        assertThat(r.date()).isEqualTo("2025-08-27");
        assertThat(r.commitmentsCount()).isEqualTo(4);
    }

    @Test
    void pdfWithATextLayer() throws Exception {
        assertThat(CJK_TRUETYPE).as("fonts-wqy-zenhei (installed by .ci/run)").exists();
        String[] lines = {"潼关县民政局文件", "潼民发【2024】275号", "关于对政协十届三次会议第52号提案的答复",
                "孙红、钱芳等委员：", "您提出的“关于进一步推进城乡居民养老服务体系建设的建议”收悉，现答复如下：",
                "下一步我局将加快日间照料中心建设。", "潼关县民政局", "2024年6月27日"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(CJK_TRUETYPE)) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiZenHei"), true);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 740;
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(50, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 24;
                }
            }
            doc.save(out);
        }
        ExtractedReply r = extractor.extract(reader.read("reply.pdf", out.toByteArray()));
        assertThat(r.docNumber()).isEqualTo("潼民发【2024】275号");
        assertThat(r.proposalNumber()).isEqualTo("第52号");
        assertThat(r.proposer()).isEqualTo("孙红、钱芳等");
        assertThat(r.date()).isEqualTo("2024-06-27");
    }

    @Test
    void savedWebPageKeepsBlocksOnTheirOwnLinesAndDropsScripts() throws Exception {
        String html = """
                <html><head><title>答复</title><script>var t = "发布时间：2030年1月1日";</script></head><body>
                <div class="crumb">首页 &gt; 建议提案 &gt; 正文</div>
                <div>发布时间：2024-09-11 11:23</div>
                <h1>关于对政协十届三次会议第52号提案的答复</h1>
                <p>孙红、钱芳等委员：</p><p>您提出的“关于进一步推进城乡居民养老服务体系建设的建议”收悉，现答复如下：</p>
                <p>我县共建设养老机构3家。</p><p>潼关县民政局<br>2024年6月27日</p></body></html>""";
        ExtractedReply r = extractor.extract(reader.read("page.html", html.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.date()).as("the letter's date, not the page's").isEqualTo("2024-06-27");
        assertThat(r.issuer()).isEqualTo("潼关县民政局");
        assertThat(r.proposalTitle()).isEqualTo("关于进一步推进城乡居民养老服务体系建设的建议");
    }

    @Test
    void badFilesAreRefusedWithAReason() throws Exception {
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.txt"))).hasMessageContaining("无法读取");
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        assertThatThrownBy(() -> reader.read(empty)).hasMessageContaining("为空");
        Path big = dir.resolve("big.txt");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), LetterReader.MAX_BYTES);
        }
        assertThatThrownBy(() -> reader.read(big)).hasMessageContaining("20 MB");
        assertThatThrownBy(() -> reader.read("scan.png", new byte[] {1, 2, 3})).hasMessageContaining("不支持");
        assertThatThrownBy(() -> reader.read("broken.docx", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("损坏");
        assertThatThrownBy(() -> reader.read("broken.pdf", "%PDF-1.4 nonsense".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableLetterException.class);
        assertThatThrownBy(() -> reader.read("binary.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80}))
                .isInstanceOf(UnreadableLetterException.class);
    }
}
