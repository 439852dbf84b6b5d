package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.local.cli.CommandRun;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a small window (it starts DynamoDB Local, hence an IT). */
class PreviewBenchmarkIT {

    @Test
    void run_reportsTheWindowReadAndThePreviewTimes() {
        CommandRun run = CommandRun.of("bench", "preview", "--postings", "60", "--description-chars", "500", "--reads", "2", "--previews", "30",
                "--warmup", "5");

        String out = run.out();
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out).containsPattern("\\| 1 \\| 60 \\| \\d+ \\| [\\d.,]+ \\|")
                .containsPattern("\\| wall time per preview \\| [\\d.]+ ms \\| [\\d.]+ ms")
                .containsPattern("\\| CPU time per preview \\| [\\d.]+ ms")
                .contains("30 previews");
    }

    @Test
    void percentile_picksTheNearestRank() {
        long[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
        assertThat(PreviewBenchmark.percentile(values, 50)).isEqualTo(5);
        assertThat(PreviewBenchmark.percentile(values, 99)).isEqualTo(10);
    }
}
