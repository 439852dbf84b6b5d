package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.local.cli.CommandRun;
import org.junit.jupiter.api.Test;

class RenderBenchmarkTest {

    @Test
    void run_reportsEmailsPerSecondForAlertAndDigest() {
        CommandRun run = CommandRun.of("bench", "render", "--seconds", "0.05", "--warmup", "0");

        String out = run.out();
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out).containsPattern("alert, 10 postings +\\d+ emails/s")
                .containsPattern("digest, 50 postings +\\d+ emails/s");
    }
}
