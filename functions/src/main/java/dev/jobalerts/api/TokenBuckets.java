package dev.jobalerts.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets kept in the warm container: the second line of defence behind API Gateway's stage
 * throttling (which limits the whole API, not one client). Each Lambda instance counts on its own, so the
 * effective limit is per instance; that is enough to stop one source or one address from hammering the
 * sign-up form, and it needs no table writes on the hot path.
 */
final class TokenBuckets {
    private record Bucket(double tokens, long atMillis) {}

    /** Bounds memory when many sources pass by; beyond it, buckets that have refilled completely are forgotten. */
    static final int MAX_KEYS = 10_000;

    private final ApiConfig.RateLimit limit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(ApiConfig.RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Takes one token for {@code key}; false when its bucket is empty. */
    boolean tryTake(String key) {
        long now = clock.millis();
        if (buckets.size() >= MAX_KEYS) evictFull(now);
        boolean[] taken = {false};
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? limit.capacity() : refilled(bucket, now);
            if (tokens >= 1) {
                taken[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        return taken[0];
    }

    /** Whole seconds until one token is back, for Retry-After. */
    long secondsUntilNextToken() {
        return Math.max(1, (limit.refillEvery().toMillis() + 999) / 1000);
    }

    private double refilled(Bucket bucket, long now) {
        double gained = (double) Math.max(0, now - bucket.atMillis()) / limit.refillEvery().toMillis();
        return Math.min(limit.capacity(), bucket.tokens() + gained);
    }

    private void evictFull(long now) {
        buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= limit.capacity());
        // Still mostly busy keys: start over rather than grow without bound or sweep on every request
        // (API Gateway throttling still applies meanwhile).
        if (buckets.size() >= MAX_KEYS * 3 / 4) buckets.clear();
    }
}
