package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.local.cli.CommandRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExtractionBenchmarkTest {
    /** The last run's output. */
    private CommandRun last;

    private int run(String... args) {
        last = CommandRun.of(Stream.concat(Stream.of("bench", "extract"), Stream.of(args)).toArray(String[]::new));
        return last.code();
    }

    @Test
    void run_onTheFixtureCorpus_printsThroughputTable() {
        int code = run("--dir", "../functions/src/test/resources/fixtures", "--warmup", "0.2", "--seconds", "0.6");
        String report = last.out();
        assertThat(code).isZero();
        assertThat(report).contains("parse MB/s", "extract MB/s", "HTML", "goal: extraction <= 1.5x the bare parse time on HTML pages over 20 KB");
    }

    @Test
    void run_whenDirectoryMissing_exitsTwo() {
        assertThat(run("--dir", "no/such/dir")).isEqualTo(2);
        assertThat(last.err()).contains("cannot read corpus");
    }

    @Test
    void run_onUnknownArgument_exitsTwoWithUsage() {
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(last.err()).contains("unknown option for bench extract: --fast").contains("(see: bench extract --help)");
    }
}
