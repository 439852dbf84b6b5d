package dev.jobalerts.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.pacing.Backoff.Jitter;
import dev.jobalerts.pacing.Backoff.Next;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    private static final Duration FAR = Duration.ofDays(1);

    @ParameterizedTest(name = "{0} jitter, {1} failed, unit {2} -> {3} ms")
    @CsvSource({
            // jitter, failed attempts, unit, expected millis (base 100 ms, cap 2 s)
            "FULL,  1, 0.0,   0",
            "FULL,  1, 0.5,   50",
            "FULL,  2, 0.5,   100",
            "FULL,  3, 0.99,  396",
            "FULL,  5, 0.5,   800",
            "FULL,  6, 0.5,   1000",
            "FULL,  40, 0.5,  1000",
            "EQUAL, 1, 0.0,   50",
            "EQUAL, 1, 0.5,   75",
            "EQUAL, 3, 0.0,   200",
            "EQUAL, 3, 0.5,   300",
            "EQUAL, 9, 0.0,   1000",
            "NONE,  1, 0.7,   100",
            "NONE,  4, 0.7,   800",
            "NONE,  5, 0.7,   1600",
            "NONE,  6, 0.7,   2000",
            "NONE,  0, 0.7,   100",
    })
    void delay_doublesPerFailureUpToTheCap(Jitter jitter, int failed, double unit, long millis) {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), jitter);

        assertThat(backoff.delay(failed, unit)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} failed attempts stay at the cap")
    @CsvSource({"30", "31", "62", "63", "64", "1000", "2147483647"})
    void delay_manyFailures_neitherOverflowsNorPassesTheCap(int failed) {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofDays(3650), Jitter.NONE);

        assertThat(backoff.delay(failed, 0)).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void delay_equalJitter_staysInTheUpperHalf() {
        Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(20).multipliedBy(1L << 20), Jitter.EQUAL);

        for (int failed = 1; failed <= 5; failed++) {
            long ceiling = 20L << (failed - 1);
            for (int i = 0; i < 50; i++) {
                Next next = backoff.next(failed, null, FAR);
                assertThat(next).isInstanceOf(Next.Wait.class);
                assertThat(next.delay()).isBetween(Duration.ofMillis(ceiling / 2), Duration.ofMillis(ceiling));
            }
        }
    }

    @ParameterizedTest(name = "back-off {0} ms, Retry-After {1}, {2} ms left -> {3} {4} ms")
    @CsvSource({
            // back-off (NONE jitter, base), Retry-After seconds (empty = none), left millis, outcome, delay millis
            "100,   , 1000,  Wait,         100",
            "100,   , 100,   Wait,         100",
            "100,   , 99,    PastDeadline, 100",
            "100,   , -1,    PastDeadline, 100",
            "100, 2,  5000,  Wait,         2000",
            "100, 2,  1999,  PastDeadline, 2000",
            "3000, 2, 5000,  Wait,         3000",
            "0,    , 0,     Wait,         0",
            "0,    , -1,    PastDeadline, 0",
    })
    void next_honoursRetryAfterAndRefusesAWaitPastTheDeadline(long baseMillis, Long retryAfterSeconds, long leftMillis,
            String outcome, long delayMillis) {
        Backoff backoff = new Backoff(Duration.ofMillis(baseMillis), Duration.ofMillis(baseMillis), Jitter.NONE);
        Duration retryAfter = retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds);

        Next next = backoff.next(1, retryAfter, Duration.ofMillis(leftMillis));

        assertThat(next.getClass().getSimpleName()).isEqualTo(outcome);
        assertThat(next.delay()).isEqualTo(Duration.ofMillis(delayMillis));
    }

    @Test
    void constructor_rejectsNegativeBaseAndCapBelowBase() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ZERO, Jitter.FULL)).hasMessageContaining("base");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Jitter.FULL)).hasMessageContaining("cap");
    }
    /** The formulas each caller wrote out before this class existed; the class must give what they gave. */
    @Test
    void delay_reproducesTheFormulasItReplaced() {
        Backoff ses = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), Jitter.FULL);
        Backoff pageStore = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Jitter.NONE);
        Backoff streamPoller = new Backoff(Duration.ofMillis(50), Duration.ofMillis(800), Jitter.NONE);
        for (int attempt = 1; attempt <= 40; attempt++) {
            for (double unit : new double[] {0, 0.25, 0.5, 0.999}) {
                long sesCeiling = Math.min(Duration.ofSeconds(5).toNanos(), Duration.ofMillis(100).toNanos() << Math.min(attempt - 1, 30));
                assertThat(ses.delay(attempt, unit).toNanos()).isEqualTo((long) (sesCeiling * unit));
            }
            assertThat(pageStore.delay(attempt, 0).toMillis()).isEqualTo(Math.min(1_000, 50L << Math.min(attempt - 1, 5)));
            assertThat(streamPoller.delay(attempt, 0).toMillis()).isEqualTo(Math.min(1000, 50L << Math.min(attempt - 1, 4)));
        }
    }

    /** Page fetches drew equal jitter in whole milliseconds from [base/2, base]; the range is the same, in nanoseconds. */
    @Test
    void delay_equalJitter_coversTheRangeFetchRetriesUsed() {
        Duration base = Duration.ofSeconds(2);
        Backoff fetch = new Backoff(base, base.multipliedBy(1L << 20), Jitter.EQUAL);
        for (int attempt = 1; attempt <= 25; attempt++) {
            long ceilingMillis = base.toMillis() << Math.min(attempt - 1, 20);
            assertThat(fetch.delay(attempt, 0).toMillis()).isEqualTo(ceilingMillis / 2);
            assertThat(fetch.delay(attempt, Math.nextDown(1.0)).toMillis()).isBetween(ceilingMillis - 1, ceilingMillis);
        }
    }
}
