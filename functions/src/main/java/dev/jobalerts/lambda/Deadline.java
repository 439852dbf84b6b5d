package dev.jobalerts.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a function's work must stop so that the invocation still returns before Lambda's timeout: the invocation's
 * remaining time less {@code margin}, the time kept back to settle what is in flight and answer. Work cut short there
 * is picked up by the next invocation (a retried batch, the next scheduled run); work cut short by the timeout
 * would leave no answer at all.
 *
 * @param margin           time kept back from the remaining time
 * @param assumedRemaining the remaining time assumed when there is no Lambda context (tests, direct calls)
 */
public record Deadline(Duration margin, Duration assumedRemaining) {
    /** However little time is left, a run gets this much: one that may start nothing would never make progress. */
    static final Duration AT_LEAST = Duration.ofSeconds(1);

    public Deadline {
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(assumedRemaining, "assumedRemaining");
        if (margin.isNegative()) throw new IllegalArgumentException("margin must not be negative: " + margin);
    }

    /** The deadline of the invocation {@code context} runs, on the system clock. */
    public Instant of(Context context) {
        return of(context, Clock.systemUTC());
    }

    /** The same on {@code clock}, so that it compares with the "now" of a service running on that clock. */
    public Instant of(Context context, Clock clock) {
        Duration remaining = context == null ? assumedRemaining : Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration left = remaining.minus(margin);
        return Instant.now(clock).plus(left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left);
    }
}
