package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronghe.document.FontRoles.Role;

/**
 * Fonts chosen with {@code ronghe.font.<role>}: a font file that cannot be used is reported by its setting, never
 * thrown at loading; PDF and OFD are refused, DOCX reads no font at all; a collection member works, and a file
 * several roles use is read once.
 */
class FontSettingsTests {

    /** WenQuanYi Zen Hei, a TrueType collection the letter-reading tests also use (Debian fonts-wqy-zenhei). */
    static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAProblemNamingItsSettingAndOnlyWhatNeedsItIsRefused() {
        Path missing = dir.resolve("fzfs.ttf");
        FontRoles fonts = FontRoles.load(Map.of("ronghe.font.fangsong", missing.toString(), "ronghe.font.kaiti", " ")::get);
        assertThat(fonts.problems()).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(Role.FANGSONG);
            assertThat(p.reason()).isEqualTo("文件不存在");
            assertThat(p.message()).contains("仿宋", "ronghe.font.fangsong", missing.toString());
            assertThat(p.publicMessage()).contains("仿宋", "ronghe.font.fangsong", "文件不存在")
                    .doesNotContain(dir.toString());
        });
        assertThat(fonts.isShipped(Role.KAITI)).as("a blank setting is no setting").isTrue();
        assertThat(fonts.isShipped(Role.FANGSONG)).isFalse();
        assertThat(fonts.family(Role.FANGSONG)).isNull();
        assertThat(fonts.has(Role.FANGSONG, '一')).isFalse();
        assertThat(fonts.require(Role.KAITI, Role.HEITI)).isSameAs(fonts);
        assertThatThrownBy(fonts::require).isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("ronghe.font.fangsong")
                .satisfies(e -> assertThat(((FontUnavailableException) e).publicMessage())
                        .contains("ronghe.font.fangsong").doesNotContain(dir.toString()));
    }

    @Test
    void aFileThatIsNoTrueTypeFontAndAnAbsentCollectionMemberAreProblems() throws Exception {
        Path text = Files.writeString(dir.resolve("fzfs.ttf"), "这不是字体文件");
        FontRoles fonts = FontRoles.load(Map.of("ronghe.font.fangsong", text.toString(),
                "ronghe.font.heiti", dir.toString())::get);
        assertThat(fonts.problems()).extracting(FontRoles.Problem::role, FontRoles.Problem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.FANGSONG, "不是 TrueType 字体文件"),
                        org.assertj.core.groups.Tuple.tuple(Role.HEITI, "不是可读的文件"));
        assertThat(WQY).as("fonts-wqy-zenhei (installed by .ci/run)").isRegularFile();
        FontRoles member = FontRoles.load(Map.of("ronghe.font.kaiti", WQY + "#NoSuchFont")::get);
        assertThat(member.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("NoSuchFont"));
    }

    @Test
    void anOpenTypeFontWithPostScriptOutlinesIsAProblem() {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
        assertThat(noto).as("fonts-noto-cjk (installed by .ci/run)").isRegularFile();
        FontRoles fonts = FontRoles.load(Map.of("ronghe.font.fangsong", noto + "#NotoSerifCJKsc-Regular")::get);
        assertThat(fonts.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("不是 TrueType 轮廓"));
    }

    @Test
    void aCollectionMemberReplacesTheShippedFontAndIsReadOnceForSeveralRoles() throws Exception {
        assertThat(WQY).as("fonts-wqy-zenhei (installed by .ci/run)").isRegularFile();
        String zenhei = WQY + "#WenQuanYiZenHei";
        FontRoles fonts = FontRoles.load(Map.of("ronghe.font.fangsong", zenhei, "ronghe.font.songti", zenhei)::get);
        assertThat(fonts.problems()).isEmpty();
        assertThat(fonts.family(Role.FANGSONG)).isEqualTo("WenQuanYi Zen Hei");
        assertThat(fonts.font(Role.SONGTI)).isSameAs(fonts.font(Role.FANGSONG));
        assertThat(fonts.location(Role.FANGSONG)).isEqualTo(zenhei);

        String text = ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt");
        ReplyLetter letter = ReplyLetters.fromText(text, new ReplyExtractor().extract(text));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReplyRenderer(fonts).render(letter, ReplyRenderer.Format.PDF, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(ReplyRenderingTests.positions(pdf).stream().map(ReplyRenderingTests::baseFont).distinct())
                    .contains("WenQuanYiZenHei", "RongheSong-Bold");
        }
    }

    @Test
    void docxReadsNoFontWhilePdfAndOfdAreRefusedByTheSetting() throws Exception {
        String text = ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt");
        ReplyLetter letter = ReplyLetters.fromText(text, new ReplyExtractor().extract(text));
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        new ReplyRenderer(() -> {
            throw new AssertionError("DOCX asked for fonts");
        }).render(letter, ReplyRenderer.Format.DOCX, docx);
        assertThat(docx.size()).isGreaterThan(1000);

        ReplyRenderer broken = new ReplyRenderer(FontRoles.load(
                Map.of("ronghe.font.fangsong", dir.resolve("none.ttf").toString())::get));
        for (ReplyRenderer.Format f : List.of(ReplyRenderer.Format.PDF, ReplyRenderer.Format.OFD)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> broken.render(letter, f, out)).isInstanceOf(FontUnavailableException.class)
                    .hasMessageContaining("ronghe.font.fangsong");
            assertThat(out.size()).isZero();
        }
        broken.render(letter, ReplyRenderer.Format.DOCX, new ByteArrayOutputStream());
    }

    @Test
    void theCommandLineRefusesPdfAndOfdInOneLineNamingTheSettingAndStillWritesDocx() throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.txt"),
                ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt"));
        Path missing = dir.resolve("fonts").resolve("fzfs.ttf");
        String before = System.getProperty("ronghe.font.fangsong");
        System.setProperty("ronghe.font.fangsong", missing.toString());
        try {
            for (String format : List.of("pdf", "ofd")) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                ReplyCommand cmd = new ReplyCommand(new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                Path out = dir.resolve("seed." + format);
                assertThat(cmd.run(List.of("render", seed.toString(), "--format", format, "--out", out.toString())))
                        .isEqualTo(ReplyCommand.FAILED);
                assertThat(out).doesNotExist();
                assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                        .contains("ronghe.font.fangsong", missing.toString(), "仿宋", "DOCX");
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ReplyCommand cmd = new ReplyCommand(new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            Path docx = dir.resolve("seed.docx");
            assertThat(cmd.run(List.of("render", seed.toString(), "--format", "docx", "--out", docx.toString())))
                    .isEqualTo(ReplyCommand.OK);
            assertThat(Files.size(docx)).isGreaterThan(1000);
            assertThat(err.size()).isZero();
        } finally {
            if (before == null) {
                System.clearProperty("ronghe.font.fangsong");
            } else {
                System.setProperty("ronghe.font.fangsong", before);
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
