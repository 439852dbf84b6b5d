package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.local.cli.CommandRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MatchBenchmarkTest {

    /** What {@code bench match ARGS} printed: its output when it ran, its error when it refused. */
    private static String run(int expectedCode, String... args) {
        CommandRun run = CommandRun.of(Stream.concat(Stream.of("bench", "match"), Stream.of(args)).toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isEqualTo(expectedCode);
        return expectedCode == 0 ? run.out() : run.err();
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
        assertThat(run(2, "--searches", "many")).contains("--searches must be a positive whole number").contains("(see: bench match --help)");
        assertThat(run(2, "--fast", "1")).contains("unknown option for bench match: --fast");
        assertThat(run(2, "--postings")).contains("--postings needs a value");
    }
}
