package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RenderBenchmarkTest {

    @Test
    void run_reportsEmailsPerSecondForAlertAndDigest() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RenderBenchmark.run(new String[] {"--seconds", "0.05", "--warmup", "0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("alert, 10 postings +\\d+ emails/s")
                .containsPattern("digest, 50 postings +\\d+ emails/s");
    }
}
