package dev.jobalerts.api;

import dev.jobalerts.store.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TokenBuckets buckets = new TokenBuckets(new ApiConfig.RateLimit(3, Duration.ofSeconds(10)), clock);

    @Test
    void tryTake_allowsCapacityThenRefusesUntilATokenIsBack() {
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();

        clock.advance(Duration.ofSeconds(9));
        assertThat(buckets.tryTake("a")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
    }

    @Test
    void tryTake_keepsKeysApart() {
        for (int i = 0; i < 3; i++) buckets.tryTake("a");
        assertThat(buckets.tryTake("a")).isFalse();
        assertThat(buckets.tryTake("b")).isTrue();
    }

    @Test
    void tryTake_refillsNoFurtherThanCapacity() {
        buckets.tryTake("a");
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
    }

    @Test
    void tryTake_withManyKeys_staysBounded() {
        for (int i = 0; i < TokenBuckets.MAX_KEYS + 50; i++) buckets.tryTake("ip-" + i);
        assertThat(buckets.tryTake("fresh")).isTrue();
    }

    @Test
    void secondsUntilNextToken_roundsUp() {
        assertThat(buckets.secondsUntilNextToken()).isEqualTo(10);
        assertThat(new TokenBuckets(new ApiConfig.RateLimit(1, Duration.ofMillis(1500)), clock).secondsUntilNextToken()).isEqualTo(2);
    }
}
