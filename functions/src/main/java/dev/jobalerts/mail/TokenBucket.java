package dev.jobalerts.mail;

/**
 * A token bucket that hands out send slots in the future instead of making callers poll: {@link #reserve}
 * says how long to wait, and the wait is taken outside the lock. Refills at {@code ratePerSecond} up to
 * {@code capacity} tokens. Thread-safe; one per {@link SesMailer}, so every send of an invocation (and of a warm
 * container) shares it.
 */
final class TokenBucket {
    static final long NEVER = -1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double nanosPerToken;
    private final double capacity;
    private double tokens;
    private long updatedAt;

    TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
        if (!(ratePerSecond > 0)) throw new IllegalArgumentException("ratePerSecond must be > 0, was " + ratePerSecond);
        if (!(capacity >= 1)) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        this.nanosPerToken = NANOS_PER_SECOND / ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.updatedAt = nowNanos;
    }

    /**
     * Takes one token, possibly borrowed from the future.
     *
     * @return nanoseconds the caller must wait before using it (0 = now), or {@link #NEVER} when that moment would
     *         be after {@code latestStartNanos}; then nothing was taken
     */
    synchronized long reserve(long nowNanos, long latestStartNanos) {
        refill(nowNanos);
        long wait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
        if (nowNanos + wait - latestStartNanos > 0) return NEVER;
        tokens -= 1;
        return wait;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
            updatedAt = nowNanos;
        }
    }
}
