package dev.jobalerts.http;

import dev.jobalerts.pacing.Backoff;
import java.time.Duration;

/**
 * Knobs below {@link FetchSettings} that production never changes but tests shrink.
 *
 * @param backoffBase      first retry waits between half and all of this, doubling per attempt (equal jitter)
 * @param maxRetryAfter    longest Retry-After we wait out inside a run; a longer one defers the request to a later run
 * @param deadlineMargin   no request starts when less than this is left before the run's deadline
 * @param maxInFlight      requests in flight across all hosts, keeping sockets well under Lambda's 1024 descriptors
 * @param errorBodyCap     bytes kept of a non-2xx body (never a "too large" failure)
 * @param robotsBodyCap    bytes of robots.txt parsed; RFC 9309 §2.5 asks crawlers to parse at least 500 KiB
 * @param runGrace         how long after the deadline fetchAll waits for stragglers before reporting them deferred
 */
record Tuning(Duration backoffBase, Duration maxRetryAfter, Duration deadlineMargin, int maxInFlight,
        int errorBodyCap, int robotsBodyCap, Duration runGrace) {

    Tuning {
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        if (backoffBase.isNegative() || maxRetryAfter.isNegative() || deadlineMargin.isNegative() || runGrace.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    static Tuning defaults() {
        return new Tuning(Duration.ofSeconds(2), Duration.ofSeconds(120), Duration.ofSeconds(2), 64, 64 * 1024, 512 * 1024,
                Duration.ofSeconds(2));
    }

    /**
     * Retries of one request: equal jitter, so a retry never follows its failure at once. Uncapped in practice: the
     * run's deadline is what bounds a retry, and the cap of 2^20 times the base only keeps the arithmetic in range.
     */
    Backoff backoff() {
        return new Backoff(backoffBase, backoffBase.multipliedBy(1L << 20), Backoff.Jitter.EQUAL);
    }

    Tuning withBackoffBase(Duration d) {
        return new Tuning(d, maxRetryAfter, deadlineMargin, maxInFlight, errorBodyCap, robotsBodyCap, runGrace);
    }

    Tuning withMaxRetryAfter(Duration d) {
        return new Tuning(backoffBase, d, deadlineMargin, maxInFlight, errorBodyCap, robotsBodyCap, runGrace);
    }

    Tuning withDeadlineMargin(Duration d) {
        return new Tuning(backoffBase, maxRetryAfter, d, maxInFlight, errorBodyCap, robotsBodyCap, runGrace);
    }
}
