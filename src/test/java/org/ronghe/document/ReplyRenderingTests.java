package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The seed letter rendered as DOCX, PDF and OFD, reopened with POI, PDFBox and ofdrw: A4 with the GB/T 9704-2012
 * margins, fonts embedded, the 文号, title and every heading in order, page numbers "— n —". Page 1 of the PDF is
 * written to {@code target/rendered/seed-page-1.png} for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyRenderingTests {

    ReplyLetter letter;
    ReplyRenderer renderer;
    List<String> headings;

    @BeforeAll
    void parseSeed() throws Exception {
        String text = ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt");
        letter = ReplyLetters.fromText(text, new ReplyExtractor().extract(text));
        renderer = new ReplyRenderer(FontRoles.load());
        headings = letter.paragraphs().stream()
                .filter(p -> p.kind() == ReplyLetter.Kind.HEADING_1 || p.kind() == ReplyLetter.Kind.HEADING_2)
                .map(p -> p.heading() != null ? p.heading() : p.text()).toList();
    }

    @Test
    void theLetterIsReadIntoItsParts() {
        assertThat(letter.issuerMark()).isEqualTo("高平市发展改革和科技局文件");
        assertThat(letter.title()).isEqualTo("关于高平市第七届政治协商会议第五次会议 第TA0010提案的答复");
        assertThat(letter.addressee()).isEqualTo("九三学社高平市支社");
        assertThat(headings).hasSize(9).first().asString().startsWith("一、");
        assertThat(headings.get(5)).isEqualTo("（一）推动城乡生产要素自由交换和双向流动");
        assertThat(letter.paragraphs()).extracting(ReplyLetter.Paragraph::text)
                .anySatisfy(t -> assertThat(t).startsWith("(一)稳中求进，大县城建设成效显著。城镇化水平稳步提升，2024年"));
        assertThat(letter.signatureOrg()).isEqualTo("高平市发展和改革委员会");
        assertThat(letter.dateText()).isEqualTo("2025年8月27日");
        assertThat(letter.note()).isEqualTo("（承办人员：唐志文 李鹏慧；联系电话：0356-5220956）");
    }

    @Test
    void pdfIsA4WithEmbeddedFontsAndTheWholeLetterInOrder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(letter, ReplyRenderer.Format.PDF, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isBetween(3, 6);
            for (PDPage page : pdf.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf).replaceAll("\\s+", "");
            assertInOrder(text, "高平市发展改革和科技局文件", "高发改发〔2025〕85号", "第TA0010提案的答复", "九三学社高平市支社：");
            assertInOrder(text, headings.stream().map(h -> h.replaceAll("\\s+", "")).toArray(String[]::new));
            assertInOrder(text, "高平市发展和改革委员会", "2025年8月27日");
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(pdf)).contains("— 1 —");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf)).contains("— 2 —");

            // type area: nothing of the body left of the 28 mm binding margin or right of 28 + 156 mm
            Path dir = Files.createDirectories(Path.of("target", "rendered"));
            File png = dir.resolve("seed-page-1.png").toFile();
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 100), "png", png);
            assertThat(png).exists().isNotEmpty();
        }
    }

    @Test
    void docxKeepsPageSetupFontsAndFooters() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(letter, ReplyRenderer.Format.DOCX, out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            CTPageMar mar = sect.getPgMar();
            assertThat(((BigInteger) mar.getTop()).intValue()).isBetween(2090, 2105);   // 37 mm
            assertThat(((BigInteger) mar.getLeft()).intValue()).isBetween(1580, 1595);  // 28 mm
            assertThat(sect.getDocGrid().getLinePitch()).isEqualTo(BigInteger.valueOf(580));
            List<String> texts = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                texts.add(p.getText());
            }
            String all = String.join("\n", texts);
            assertInOrder(all, "高平市发展改革和科技局文件", "高发改发〔2025〕85号", letter.title());
            assertInOrder(all, headings.toArray(String[]::new));
            XWPFParagraph mark = doc.getParagraphs().stream().filter(p -> p.getText().endsWith("文件")).findFirst()
                    .orElseThrow();
            assertThat(mark.getRuns().get(0).getColor()).isEqualTo("FF0000");
            XWPFParagraph heading1 = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("一、"))
                    .findFirst().orElseThrow();
            assertThat(heading1.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("黑体");
            assertThat(doc.getEvenAndOddHeadings()).isTrue();
            List<XWPFFooter> footers = doc.getFooterList();
            assertThat(footers).hasSize(2);
            assertThat(footers).allSatisfy(f -> assertThat(f._getHdrFtr().xmlText()).contains("PAGE").contains("— "));
        }
    }

    @Test
    void ofdHasTheSamePagesAndText() throws Exception {
        ByteArrayOutputStream pdfOut = new ByteArrayOutputStream();
        renderer.render(letter, ReplyRenderer.Format.PDF, pdfOut);
        int pdfPages;
        try (PDDocument pdf = Loader.loadPDF(pdfOut.toByteArray())) {
            pdfPages = pdf.getNumberOfPages();
        }
        Path ofd = Files.createDirectories(Path.of("target", "rendered")).resolve("seed.ofd");
        try (var out = Files.newOutputStream(ofd)) {
            renderer.render(letter, ReplyRenderer.Format.OFD, out);
        }
        try (OFDReader reader = new OFDReader(ofd)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(pdfPages);
            String text = String.join("", new ContentExtractor(reader).extractAll()).replaceAll("\\s+", "");
            assertInOrder(text, "高平市发展改革和科技局文件", "高发改发〔2025〕85号", "九三学社高平市支社：",
                    "二、下一步工作打算", "2025年8月27日");
        }
    }

    @Test
    void everyTestLetterRendersInEveryFormatEvenWithCharactersNoFontHas() throws Exception {
        for (Path letterFile : ReplyExtractionAccuracyTests.letters()) {
            String text = Files.readString(letterFile) + "\n附：😀𠀀m² 测试";
            ReplyLetter l = ReplyLetters.fromText(text, new ReplyExtractor().extract(text));
            for (ReplyRenderer.Format f : ReplyRenderer.Format.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                renderer.render(l, f, out);
                assertThat(out.size()).as(letterFile + " " + f).isGreaterThan(1000);
            }
        }
    }

    @Test
    void aTitleDoesNotSwallowTheLinesAroundItAndTheSignatureIsNotRepeated() throws Exception {
        String text = ReplyExtractionAccuracyTests.read("/letters/shared-sample-1.txt");
        ReplyLetter l = ReplyLetters.fromText(text, new ReplyExtractor().extract(text));
        assertThat(l.title()).isEqualTo("关于对政协十届三次会议第52号提案的答复");
        assertThat(l.paragraphs()).extracting(ReplyLetter.Paragraph::text).doesNotContain("潼关县民政局");
        String own7 = ReplyExtractionAccuracyTests.read("/letters/own-7-signer-on-number-line-bracketed-contact.txt");
        assertThat(ReplyLetters.fromText(own7, new ReplyExtractor().extract(own7)).title())
                .isEqualTo("关于市政协七届四次会议第TA0045号提案的答复");
    }

    @Test
    void theCommandLineRendersAndRefusesBadArguments(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.txt"),
                ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReplyCommand cmd = new ReplyCommand(new java.io.PrintStream(new ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        Path pdf = dir.resolve("seed.pdf");
        assertThat(cmd.run(List.of("render", seed.toString(), "--format", "pdf", "--out", pdf.toString())))
                .isEqualTo(ReplyCommand.OK);
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(cmd.run(List.of("render", seed.toString(), "--format", "rtf", "--out", pdf.toString())))
                .isEqualTo(ReplyCommand.FAILED);
        assertThat(cmd.run(List.of("render", dir.resolve("none.txt").toString(), "--format", "pdf", "--out",
                dir.resolve("none.pdf").toString()))).isEqualTo(ReplyCommand.FAILED);
        assertThat(dir.resolve("none.pdf")).doesNotExist();
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThat(cmd.run(List.of("render", seed.toString(), "--format", "pdf", "--out", folder.toString())))
                .isEqualTo(ReplyCommand.FAILED);
        assertThat(folder).isDirectory();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("docx、pdf 或 ofd").contains("无法读取");
    }

    @Test
    void everyGb2312HanziOfTheBodyIsSetInThe仿宋RolesFontWithoutFallback() throws Exception {
        List<Integer> hanzi = FontCoverageTests.gb2312Hanzi();
        assertThat(hanzi).hasSize(6763);
        StringBuilder all = new StringBuilder();
        hanzi.forEach(all::appendCodePoint);
        ReplyLetter l = new ReplyLetter("高平市字库测试局文件", "高字测〔2025〕1号", null, "关于国标汉字全部入版的测试", "各单位",
                List.of(new ReplyLetter.Paragraph(ReplyLetter.Kind.TEXT, null, all.toString())), "高平市字库测试局",
                java.time.LocalDate.of(2025, 8, 27), null, List.of());
        FontRoles fonts = FontRoles.load(setting -> null);
        assertThat(hanzi).allMatch(cp -> fonts.drawing(FontRoles.Role.FANGSONG, cp) == FontRoles.Role.FANGSONG);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReplyRenderer(fonts).render(l, ReplyRenderer.Format.PDF, out);
        String bodyFont = fonts.font(FontRoles.Role.FANGSONG).getName();
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            java.util.Set<Integer> drawn = new java.util.HashSet<>();
            java.util.Map<String, StringBuilder> other = new java.util.TreeMap<>();
            for (TextPosition p : positions(pdf)) {
                if (Math.abs(p.getFontSizeInPt() - Gbt9704Layout.BODY_PT) > 0.01) {
                    continue; // letterhead, title, page numbers
                }
                if (baseFont(p).equals(bodyFont)) {
                    p.getUnicode().codePoints().forEach(drawn::add);
                } else {
                    other.computeIfAbsent(baseFont(p), f -> new StringBuilder()).append(p.getUnicode());
                }
            }
            assertThat(other).as("body text in another font than " + bodyFont).isEmpty();
            List<Integer> notDrawn = hanzi.stream().filter(cp -> !drawn.contains(cp)).toList();
            assertThat(notDrawn).as("GB 2312 hanzi not set in " + bodyFont).isEmpty();
        }
    }

    @Test
    void theSeedLettersBodyIsInOneFontAndEachRoleInItsOwn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(letter, ReplyRenderer.Format.PDF, out);
        String headings1 = (letter.category() != null ? letter.category() + "类" : "") + letter.paragraphs().stream().filter(p -> p.kind() == ReplyLetter.Kind.HEADING_1)
                .map(p -> p.heading() != null ? p.heading() : p.text()).reduce("", String::concat);
        String headings2 = letter.paragraphs().stream().filter(p -> p.kind() == ReplyLetter.Kind.HEADING_2)
                .map(p -> p.heading() != null ? p.heading() : p.text()).reduce("", String::concat);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            java.util.Map<String, StringBuilder> bodyByFont = new java.util.TreeMap<>();
            java.util.Set<String> fontsUsed = new java.util.TreeSet<>();
            for (TextPosition p : positions(pdf)) {
                fontsUsed.add(baseFont(p));
                if (Math.abs(p.getFontSizeInPt() - Gbt9704Layout.BODY_PT) < 0.01) {
                    bodyByFont.computeIfAbsent(baseFont(p), f -> new StringBuilder()).append(p.getUnicode());
                }
            }
            // 小标宋, the 仿宋 of the body (also 宋体 of the page numbers), 黑体, 楷体: four fonts, no fallback face
            assertThat(fontsUsed).containsExactlyInAnyOrder("RongheSong-Bold", "RongheSong-Regular",
                    "RongheHei-Regular", "RongheKai-Regular");
            assertThat(bodyByFont).containsOnlyKeys("RongheSong-Regular", "RongheHei-Regular", "RongheKai-Regular");
            // the headings' fonts draw nothing but the headings: everything else of the body is in one font
            assertThat(bodyByFont.get("RongheHei-Regular").toString().replaceAll("\\s", ""))
                    .isEqualTo(headings1.replaceAll("\\s", ""));
            assertThat(bodyByFont.get("RongheKai-Regular").toString().replaceAll("\\s", ""))
                    .isEqualTo(headings2.replaceAll("\\s", ""));
            assertThat(bodyByFont.get("RongheSong-Regular").toString())
                    .contains("贵单位在市政协七届五次会议上提出的", "高平市发展和改革委员会", "2025年8月27日");
        }
    }

    /** @return every character of a PDF as PDFBox reads it, with its font and size */
    static List<TextPosition> positions(PDDocument pdf) throws java.io.IOException {
        List<TextPosition> all = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                all.addAll(textPositions);
            }
        };
        stripper.getText(pdf);
        return all;
    }

    /** @return the font's name without the subset tag ({@code ABCDEF+}) */
    static String baseFont(TextPosition p) {
        return p.getFont().getName().replaceFirst("^[A-Z]{6}\\+", "");
    }

    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertThat(found).as("“%s” after position %d", part, at).isGreaterThanOrEqualTo(0);
            at = found + part.length();
        }
    }
}
