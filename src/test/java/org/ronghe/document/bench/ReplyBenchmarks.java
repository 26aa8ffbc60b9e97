package org.ronghe.document.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ronghe.document.ExtractedReply;
import org.ronghe.document.FontRoles;
import org.ronghe.document.ReplyExtractor;
import org.ronghe.document.ReplyLetter;
import org.ronghe.document.ReplyLetters;
import org.ronghe.document.ReplyRenderer;

/**
 * JMH benchmarks of the document module, run by {@code scripts/bench.sh} (not part of the test suite): extraction
 * throughput on the seed letter (letters per second, one thread) and the time to render it in each format.
 */
@State(Scope.Benchmark)
public class ReplyBenchmarks {

    String seed;
    ReplyExtractor extractor;
    ReplyLetter letter;
    ReplyRenderer renderer;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = ReplyBenchmarks.class.getResourceAsStream("/letters/seed-gaoping-2025-85.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        extractor = new ReplyExtractor();
        letter = ReplyLetters.fromText(seed, extractor.extract(seed));
        renderer = new ReplyRenderer(FontRoles.load());
    }

    /** Letters per second through {@link ReplyExtractor#extract}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ExtractedReply extractSeed() {
        return extractor.extract(seed);
    }

    /** Milliseconds to render the seed as PDF. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int renderPdf() throws IOException {
        return render(ReplyRenderer.Format.PDF);
    }

    /** Milliseconds to render the seed as DOCX. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int renderDocx() throws IOException {
        return render(ReplyRenderer.Format.DOCX);
    }

    /** Milliseconds to render the seed as OFD. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int renderOfd() throws IOException {
        return render(ReplyRenderer.Format.OFD);
    }

    private int render(ReplyRenderer.Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(letter, format, out);
        return out.size();
    }
}
