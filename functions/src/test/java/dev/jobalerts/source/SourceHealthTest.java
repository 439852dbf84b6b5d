package dev.jobalerts.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceHealthTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void afterFetch_fiveFailuresInARow_flagBroken_andOneSuccessClearsIt() {
        SourceHealth health = SourceHealth.unknown();
        for (int i = 0; i < SourceHealth.FAILURES_BEFORE_BROKEN - 1; i++) health = health.afterFetch(NOW, FetchStatus.FAILED, "HTTP 500");
        assertThat(health.broken()).isFalse();

        health = health.afterFetch(NOW, FetchStatus.FAILED, "HTTP 500");
        assertThat(health.broken()).isTrue();
        assertThat(health.consecutiveFailures()).isEqualTo(5);

        health = health.afterFetch(NOW, FetchStatus.OK, "HTTP 200");
        assertThat(health.broken()).isFalse();
        assertThat(health.consecutiveFailures()).isZero();
    }

    @Test
    void afterListing_zeroPostingsWhereThereUsedToBeMany_flagsBroken() {
        SourceHealth health = SourceHealth.unknown().afterListing(12);
        assertThat(health.broken()).isFalse();
        assertThat(health.postingsHighWater()).isEqualTo(12);

        health = health.afterListing(0);
        assertThat(health.broken()).isTrue();
        assertThat(health.postingsLastRun()).isZero();

        assertThat(health.afterListing(7).broken()).isFalse();
    }

    @Test
    void afterListing_zeroPostingsOnASmallSource_isNotBroken() {
        assertThat(SourceHealth.unknown().afterListing(2).afterListing(0).broken()).isFalse();
    }
}
