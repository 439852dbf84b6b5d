package dev.jobalerts.pacing;

import java.time.Duration;

/**
 * A token bucket that refills at a steady rate up to {@code capacity} tokens and hands out slots in the future
 * instead of making callers poll: {@link #reserve} says how long to wait, and the wait is taken outside the lock;
 * {@link #tryTake} is the no-waiting form for refusing a request outright. Thread-safe.
 *
 * <p>Time is whatever nanosecond count the caller passes, monotonic or not; a reading earlier than the last one
 * (two threads that read the clock in one order and arrive in the other) refills nothing instead of counting the
 * same interval twice. A bucket fed {@link System#nanoTime()} must not outlive the machine that read it: a copy
 * restored from a SnapStart snapshot makes a new one (see {@code SesMailer}).
 */
public final class TokenBucket {
    /** {@link #reserve}'s answer when the slot would come too late; nothing was taken. */
    public static final long NEVER = -1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double nanosPerToken;
    private final double capacity;
    private double tokens;
    private long updatedAt;

    private TokenBucket(double nanosPerToken, double capacity, long nowNanos) {
        if (!(capacity >= 1)) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        this.nanosPerToken = nanosPerToken;
        this.capacity = capacity;
        this.tokens = capacity;
        this.updatedAt = nowNanos;
    }

    /** A full bucket refilled at {@code ratePerSecond} tokens a second. */
    public static TokenBucket perSecond(double ratePerSecond, double capacity, long nowNanos) {
        if (!(ratePerSecond > 0)) throw new IllegalArgumentException("ratePerSecond must be > 0, was " + ratePerSecond);
        return new TokenBucket(NANOS_PER_SECOND / ratePerSecond, capacity, nowNanos);
    }

    /** A full bucket that gets one token back every {@code interval}. */
    public static TokenBucket oneTokenEvery(Duration interval, double capacity, long nowNanos) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive, was " + interval);
        return new TokenBucket(interval.toNanos(), capacity, nowNanos);
    }

    /**
     * Takes one token, possibly borrowed from the future.
     *
     * @return nanoseconds the caller must wait before using it (0 = now), or {@link #NEVER} when that moment would
     *         be after {@code latestStartNanos}; then nothing was taken
     */
    public synchronized long reserve(long nowNanos, long latestStartNanos) {
        refill(nowNanos);
        long wait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
        if (nowNanos + wait - latestStartNanos > 0) return NEVER;
        tokens -= 1;
        return wait;
    }

    /** Takes one token if one is there now; false (and nothing taken) when the caller would have to wait. */
    public synchronized boolean tryTake(long nowNanos) {
        return reserve(nowNanos, nowNanos) == 0;
    }

    /** True when the bucket would be back at capacity at {@code nowNanos}: forgetting it then loses nothing. */
    public synchronized boolean isFull(long nowNanos) {
        return refilled(nowNanos) >= capacity;
    }

    private void refill(long nowNanos) {
        if (nowNanos - updatedAt > 0) {
            tokens = refilled(nowNanos);
            updatedAt = nowNanos;
        }
    }

    private double refilled(long nowNanos) {
        long elapsed = nowNanos - updatedAt;
        return elapsed > 0 ? Math.min(capacity, tokens + elapsed / nanosPerToken) : tokens;
    }
}
