package dev.jobalerts.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.coldstart.PrimingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Deadline DEADLINE = new Deadline(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void of_isTheInvocationsRemainingTimeLessTheMargin() {
        // The priming context has 60 seconds left.
        assertThat(DEADLINE.of(PrimingContext.INSTANCE, CLOCK)).isEqualTo(NOW.plusSeconds(50));
    }

    @Test
    void of_withoutAContext_assumesTheGivenRemainingTime() {
        assertThat(DEADLINE.of(null, CLOCK)).isEqualTo(NOW.plusSeconds(290));
    }

    @Test
    void of_whenLessThanTheMarginIsLeft_stillGivesOneSecond() {
        Deadline wide = new Deadline(Duration.ofMinutes(2), Duration.ofMinutes(5));

        assertThat(wide.of(PrimingContext.INSTANCE, CLOCK)).isEqualTo(NOW.plusSeconds(1));
    }
}
