package dev.jobalerts.pacing;

import dev.jobalerts.coldstart.Entropy;
import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off with jitter: after {@code n} failed attempts the wait is drawn below a ceiling of
 * {@code min(cap, base * 2^(n-1))}, lengthened to the server's Retry-After when that is longer, and refused when it
 * would end past the caller's deadline (a wait that cannot be followed by the attempt is time thrown away).
 *
 * <p>Jitter comes from {@link Entropy}, whose generators differ between copies restored from one SnapStart snapshot:
 * a hundred restored copies throttled at once must not all come back at the same moment.
 *
 * @param jitter how the wait is drawn below the ceiling
 */
public record Backoff(Duration base, Duration cap, Jitter jitter) {

    /** How the wait is spread below the ceiling (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
    public enum Jitter {
        /** Uniform in {@code [0, ceiling)}: spreads concurrent callers furthest apart. */
        FULL,
        /** Uniform in {@code [ceiling/2, ceiling)}: spread, but never an immediate retry. */
        EQUAL,
        /** The ceiling itself, for a single caller with nobody to collide with. */
        NONE
    }

    /** The wait before the next attempt, or the news that the next attempt would start too late. */
    public sealed interface Next {
        Duration delay();

        /** Wait this long, then try again. */
        record Wait(Duration delay) implements Next {}

        /** Waiting {@code delay} would pass the deadline: give up now and leave the work for later. */
        record PastDeadline(Duration delay) implements Next {}
    }

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(jitter, "jitter");
        if (base.isNegative() || cap.compareTo(base) < 0) throw new IllegalArgumentException("base must be >= 0 and cap >= base");
    }

    /**
     * The wait after {@code failedAttempts} failures, drawn from a uniform {@code unit} in [0, 1) (a seam for tests;
     * {@link #delay(int)} draws from {@link Entropy}).
     */
    public Duration delay(int failedAttempts, double unit) {
        long ceiling = ceilingNanos(failedAttempts);
        long nanos = switch (jitter) {
            case FULL -> (long) (ceiling * unit);
            case EQUAL -> ceiling / 2 + (long) ((ceiling - ceiling / 2) * unit);
            case NONE -> ceiling;
        };
        return Duration.ofNanos(nanos);
    }

    /** {@link #delay(int, double)} with jitter from {@link Entropy}. */
    public Duration delay(int failedAttempts) {
        return delay(failedAttempts, draw());
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}: the back-off, or {@code retryAfter} when the server asked
     * for longer (RFC 9110 §10.2.3; null when it did not say), as {@link Next.PastDeadline} when it is longer than
     * {@code left}, the time that remains before the last moment an attempt may start.
     */
    public Next next(int failedAttempts, Duration retryAfter, Duration left, double unit) {
        Duration wait = delay(failedAttempts, unit);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) wait = retryAfter;
        return wait.compareTo(left) > 0 ? new Next.PastDeadline(wait) : new Next.Wait(wait);
    }

    /** {@link #next(int, Duration, Duration, double)} with jitter from {@link Entropy}. */
    public Next next(int failedAttempts, Duration retryAfter, Duration left) {
        return next(failedAttempts, retryAfter, left, draw());
    }

    private double draw() {
        return jitter == Jitter.NONE ? 0 : Entropy.unit();
    }

    /** {@code min(cap, base * 2^(failedAttempts-1))} in nanoseconds, without overflowing however many attempts. */
    private long ceilingNanos(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 62));
        long baseNanos = base.toNanos();
        long capNanos = cap.toNanos();
        return baseNanos > capNanos >> doublings ? capNanos : baseNanos << doublings;
    }
}
