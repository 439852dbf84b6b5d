package dev.jobalerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");

    @ParameterizedTest(name = "\"{0}\" -> {1} s")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "120 | 120",
            " 0 | 0",
            "Sun, 22 Nov 2026 20:01:30 GMT | 90",
            "Sun, 22 Nov 2026 19:00:00 GMT | 0",
            "99999999999999999999 | 999999999999",
            "soon | null",
            "-5 | null",
            "null | null",
    })
    void parse_readsSecondsOrHttpDate(String header, Long seconds) {
        Duration expected = seconds == null ? null : Duration.ofSeconds(seconds);
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
    }
}
