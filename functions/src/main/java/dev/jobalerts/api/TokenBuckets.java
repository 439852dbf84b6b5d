package dev.jobalerts.api;

import dev.jobalerts.pacing.TokenBucket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-key token buckets kept in the warm container: the second line of defence behind API Gateway's stage
 * throttling (which limits the whole API, not one client). Each Lambda instance counts on its own, so the
 * effective limit is per instance; that is enough to stop one source or one address from hammering the
 * sign-up form, and it needs no table writes on the hot path.
 */
final class TokenBuckets {
    /** Bounds memory when many sources pass by; beyond it, buckets that have refilled completely are forgotten. */
    static final int MAX_KEYS = 10_000;

    private final ApiConfig.RateLimit limit;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(ApiConfig.RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Takes one token for {@code key}; false when its bucket is empty. */
    boolean tryTake(String key) {
        long now = TimeUnit.MILLISECONDS.toNanos(clock.millis());
        if (buckets.size() >= MAX_KEYS) evictFull(now);
        boolean[] taken = {false};
        // Inside compute, so an eviction of this key cannot slip between finding the bucket and taking from it.
        buckets.compute(key, (k, bucket) -> {
            TokenBucket current = bucket != null ? bucket : TokenBucket.oneTokenEvery(limit.refillEvery(), limit.capacity(), now);
            taken[0] = current.tryTake(now);
            return current;
        });
        return taken[0];
    }

    /** Whole seconds until one token is back, for Retry-After. */
    long secondsUntilNextToken() {
        return Math.max(1, (limit.refillEvery().toMillis() + 999) / 1000);
    }

    private void evictFull(long now) {
        for (String key : buckets.keySet()) buckets.computeIfPresent(key, (k, bucket) -> bucket.isFull(now) ? null : bucket);
        // Still mostly busy keys: start over rather than grow without bound or sweep on every request
        // (API Gateway throttling still applies meanwhile).
        if (buckets.size() >= MAX_KEYS * 3 / 4) buckets.clear();
    }
}
