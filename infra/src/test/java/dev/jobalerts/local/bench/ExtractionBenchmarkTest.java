package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExtractionBenchmarkTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExtractionBenchmark.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_onTheFixtureCorpus_printsThroughputTable() {
        int code = run("--dir", "../functions/src/test/resources/fixtures", "--warmup", "0.2", "--seconds", "0.6");
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(report).contains("parse MB/s", "extract MB/s", "HTML", "goal: extraction <= 1.5x the bare parse time on HTML pages over 20 KB");
    }

    @Test
    void run_whenDirectoryMissing_exitsTwo() {
        assertThat(run("--dir", "no/such/dir")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cannot read corpus");
    }

    @Test
    void run_onUnknownArgument_exitsTwoWithUsage() {
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: bench extract");
    }
}
