package dev.jobalerts.mail;

import dev.jobalerts.pacing.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How throttled sends are retried: at most {@code maxAttempts} attempts (the first included), with bounded
 * exponential back-off and full jitter between them: before attempt {@code n + 1} wait a uniform random time in
 * {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}. Full jitter spreads concurrent senders apart.
 */
record RetryPolicy(int maxAttempts, Backoff backoff) {
    static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(5));

    RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        Objects.requireNonNull(backoff, "backoff");
    }

    RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(maxAttempts, new Backoff(baseDelay, maxDelay, Backoff.Jitter.FULL));
    }
}
