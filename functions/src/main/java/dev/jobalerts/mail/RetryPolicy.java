package dev.jobalerts.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential back-off with full jitter for throttled sends: before attempt {@code n + 1} wait a uniform
 * random time in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}. Full jitter spreads concurrent senders apart
 * (AWS Architecture Blog, "Exponential Backoff And Jitter").
 *
 * @param maxAttempts attempts in all, the first included
 */
record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(5));

    RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0)
            throw new IllegalArgumentException("baseDelay must be >= 0 and maxDelay >= baseDelay");
    }

    /** Nanoseconds to wait after failed attempt {@code attempt} (1-based), given a uniform {@code random} in [0, 1). */
    long backoffNanos(int attempt, double random) {
        long ceiling = Math.min(maxDelay.toNanos(), baseDelay.toNanos() << Math.min(attempt - 1, 30));
        return (long) (ceiling * random);
    }
}
