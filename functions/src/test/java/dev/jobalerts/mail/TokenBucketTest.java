package dev.jobalerts.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long MS = 1_000_000L;
    private static final long FAR = Long.MAX_VALUE / 2;

    @Test
    void reserve_spacesSlotsAtTheRateOnceTheBurstIsSpent() {
        TokenBucket bucket = new TokenBucket(4, 1, 0);

        assertThat(bucket.reserve(0, FAR)).isZero();
        assertThat(bucket.reserve(0, FAR)).isEqualTo(250 * MS);
        assertThat(bucket.reserve(0, FAR)).isEqualTo(500 * MS);
        assertThat(bucket.reserve(1000 * MS, FAR)).isZero();
    }

    @Test
    void reserve_refillsNoMoreThanCapacity() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);

        long later = 60_000 * MS;
        assertThat(bucket.reserve(later, FAR)).isZero();
        assertThat(bucket.reserve(later, FAR)).isZero();
        assertThat(bucket.reserve(later, FAR)).isEqualTo(100 * MS);
    }

    @Test
    void reserve_whenSlotIsPastLatestStart_takesNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, 0);
        bucket.reserve(0, FAR);

        assertThat(bucket.reserve(0, 999 * MS)).isEqualTo(TokenBucket.NEVER);
        assertThat(bucket.reserve(0, 1000 * MS)).isEqualTo(1000 * MS);
    }

    @Test
    void reserve_fromManyThreads_handsOutDistinctSlots() throws Exception {
        TokenBucket bucket = new TokenBucket(100, 1, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) waits.add(pool.submit(() -> bucket.reserve(0, FAR)));
        List<Long> slots = new ArrayList<>();
        for (Future<Long> wait : waits) slots.add(wait.get());
        pool.shutdown();

        assertThat(slots).doesNotHaveDuplicates().hasSize(200);
        assertThat(slots.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(1990 * MS);
    }

    @Test
    void constructor_rejectsNonPositiveRate() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).hasMessageContaining("ratePerSecond");
    }
}
