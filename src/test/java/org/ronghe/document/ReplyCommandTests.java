package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code reply parse}: JSON Lines on standard output, one error line per bad file, exit code 2 if any. */
class ReplyCommandTests {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final ReplyCommand command = new ReplyCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void parsesEveryGoodFileAndReportsEveryBadOne() throws Exception {
        Path seed = dir.resolve("seed.txt");
        Files.writeString(seed, ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt"));
        Path sample = dir.resolve("sample.txt");
        Files.writeString(sample, ReplyExtractionAccuracyTests.read("/letters/shared-sample-3.txt"));
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path doc = Files.writeString(dir.resolve("old.doc"), "x");

        int code = command.run(List.of("parse", seed.toString(), dir.resolve("missing.txt").toString(),
                empty.toString(), doc.toString(), sample.toString()));

        assertThat(code).isEqualTo(ReplyCommand.FAILED);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
        assertThat(first.get("file").asString()).isEqualTo(seed.toString());
        assertThat(first.get("docNumber").asString()).isEqualTo("高发改发〔2025〕85号");
        assertThat(first.get("signatureOrg").asString()).isEqualTo("高平市发展和改革委员会");
        assertThat(first.get("commitmentsCount").asInt()).isEqualTo(4);
        assertThat(first.get("commitments")).hasSize(4);
        assertThat(first.get("category").isNull()).isTrue();
        assertThat(first.get("spans").get("docNumber").get(0).asInt()).isPositive();
        assertThat(first.get("indicators").toString()).contains("57.90", "199.3");
        JsonNode second = JsonMapper.builder().build().readTree(lines.get(1));
        assertThat(second.get("category").asString()).isEqualTo("A");
        assertThat(second.get("date").asString()).isEqualTo("2020-05-11");

        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).contains("missing.txt").contains("无法读取");
        assertThat(errors.get(1)).contains("empty.txt").contains("为空");
        assertThat(errors.get(2)).contains("old.doc").contains("不支持");
    }

    @Test
    void allGoodFilesExitZero() throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.txt"),
                ReplyExtractionAccuracyTests.read("/letters/seed-gaoping-2025-85.txt"));
        assertThat(command.run(List.of("parse", seed.toString()))).isEqualTo(ReplyCommand.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void wrongUsageExplainsItself() {
        assertThat(command.run(List.of())).isEqualTo(ReplyCommand.FAILED);
        assertThat(command.run(List.of("parse"))).isEqualTo(ReplyCommand.FAILED);
        assertThat(command.run(List.of("shred", "x"))).isEqualTo(ReplyCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法");
    }
}
