package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MatchBenchmarkTest {

    private static String run(int expectedCode, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = MatchBenchmark.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(expectedCode);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_smallRun_printsTableAndFullAgreement() {
        String out = run(0, "--searches", "2000", "--postings", "300", "--scan-postings", "40", "--lucene-postings", "20");

        assertThat(out).contains("| SearchIndex |", "| one-by-one scan |", "| Lucene Monitor 9.11.1 |")
                .contains("index vs. scan on the first 40 postings:").contains("(0 differ); 40 of 40 postings identical")
                .contains("index vs. Lucene on the first 20 postings:").contains("(0 differ); 20 of 20 postings identical");
    }

    @Test
    void run_whenArgumentsAreBad_exits2WithUsage() {
        assertThat(run(2, "--searches", "many")).contains("--searches must be a positive whole number").contains("usage:");
        assertThat(run(2, "--fast", "1")).contains("unknown argument --fast");
        assertThat(run(2, "--postings")).contains("--postings needs a value");
    }
}
