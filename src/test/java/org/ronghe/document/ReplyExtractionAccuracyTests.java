package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the extractor over every test letter ({@code src/test/resources/letters}: the seed, the four shared
 * samples and our own letters, one per layout) and compares each field with the letter's {@code *.expected.json}:
 * strings after whitespace normalisation, {@code proposalNumber} without 第/号. Prints field-level precision and
 * recall, and requires every field of every letter to be right.
 */
class ReplyExtractionAccuracyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReplyExtractor extractor = new ReplyExtractor();

    @Test
    void everyFieldOfEveryTestLetterIsRight() throws Exception {
        Map<String, int[]> counts = new TreeMap<>(); // field -> {tp, fp, fn}
        List<String> wrong = new ArrayList<>();
        List<Path> letters = letters();
        assertThat(letters).hasSizeGreaterThanOrEqualTo(11);
        for (Path letter : letters) {
            String name = letter.getFileName().toString().replace(".txt", "");
            ExtractedReply r = extractor.extract(Files.readString(letter, StandardCharsets.UTF_8));
            JsonNode expected = JSON.readTree(Files.readString(letter.resolveSibling(name + ".expected.json")));
            Map<String, Object> actual = actualFields(r);
            for (var entry : expected.properties()) {
                String field = entry.getKey();
                String want = normalise(field, entry.getValue());
                String got = normalise(field, actual.get(field));
                int[] c = counts.computeIfAbsent(field, k -> new int[3]);
                if (want != null && want.equals(got)) {
                    c[0]++;
                } else {
                    if (got != null) {
                        c[1]++;
                    }
                    if (want != null) {
                        c[2]++;
                    }
                    if (!(want == null && got == null)) {
                        wrong.add(name + " " + field + ": expected " + want + ", got " + got);
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("field             precision  recall\n");
        counts.forEach((field, c) -> table.append(String.format("%-17s %9s %7s%n", field,
                ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]))));
        System.out.println("Reply extraction over " + letters.size() + " letters:\n" + table);
        assertThat(wrong).as("fields extracted wrongly").isEmpty();
    }

    @Test
    void everyValueComesWithTheSpanItWasReadFrom() throws Exception {
        for (Path letter : letters()) {
            String text = Files.readString(letter, StandardCharsets.UTF_8);
            ExtractedReply r = extractor.extract(text);
            Map<String, Object> fields = actualFields(r);
            for (String field : List.of("docNumber", "issuerMark", "session", "proposalTitle", "addressee", "phone")) {
                Object value = fields.get(field);
                if (value != null) {
                    Span span = r.spans().get(field);
                    assertThat(span).as(letter + " " + field).isNotNull();
                    assertThat(text.substring(span.start(), span.end()).replaceAll("\\s+", ""))
                            .as(letter + " " + field).isEqualTo(value.toString().replaceAll("\\s+", ""));
                }
            }
        }
    }

    /** The fields as the command line prints them. */
    static Map<String, Object> actualFields(ExtractedReply r) {
        return ReplyCommand.asJson("", r);
    }

    private static String normalise(String field, Object value) {
        if (value instanceof JsonNode node) {
            if (node.isNull()) {
                return null;
            }
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(n -> items.add(n.asString().replaceAll("\\s+", " ").strip()));
                return items.toString();
            }
            return normalise(field, node.isNumber() ? node.asString() : node.asString());
        }
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(o -> o.toString().replaceAll("\\s+", " ").strip()).toList().toString();
        }
        String s = value.toString().replaceAll("\\s+", " ").strip();
        if (field.equals("proposalNumber")) {
            s = s.replaceAll("[第号號]", "");
        }
        return s;
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format("%.2f", (double) a / b);
    }

    static List<Path> letters() throws IOException, URISyntaxException {
        Path dir = Path.of(ReplyExtractionAccuracyTests.class.getResource("/letters").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static String read(String resource) throws IOException {
        try (InputStream in = ReplyExtractionAccuracyTests.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
