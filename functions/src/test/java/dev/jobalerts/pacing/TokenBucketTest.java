package dev.jobalerts.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
        TokenBucket bucket = TokenBucket.perSecond(4, 1, 0);

        assertThat(bucket.reserve(0, FAR)).isZero();
        assertThat(bucket.reserve(0, FAR)).isEqualTo(250 * MS);
        assertThat(bucket.reserve(0, FAR)).isEqualTo(500 * MS);
        assertThat(bucket.reserve(1000 * MS, FAR)).isZero();
    }

    @Test
    void reserve_refillsNoMoreThanCapacity() {
        TokenBucket bucket = TokenBucket.perSecond(10, 2, 0);

        long later = 60_000 * MS;
        assertThat(bucket.reserve(later, FAR)).isZero();
        assertThat(bucket.reserve(later, FAR)).isZero();
        assertThat(bucket.reserve(later, FAR)).isEqualTo(100 * MS);
    }

    @Test
    void reserve_whenSlotIsPastLatestStart_takesNothing() {
        TokenBucket bucket = TokenBucket.perSecond(1, 1, 0);
        bucket.reserve(0, FAR);

        assertThat(bucket.reserve(0, 999 * MS)).isEqualTo(TokenBucket.NEVER);
        assertThat(bucket.reserve(0, 1000 * MS)).isEqualTo(1000 * MS);
    }

    @Test
    void reserve_fromManyThreads_handsOutDistinctSlots() throws Exception {
        TokenBucket bucket = TokenBucket.perSecond(100, 1, 0);
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
        assertThatThrownBy(() -> TokenBucket.perSecond(0, 1, 0)).hasMessageContaining("ratePerSecond");
    }
    @Test
    void tryTake_takesOnlyWhatIsThereNow() {
        TokenBucket bucket = TokenBucket.oneTokenEvery(Duration.ofSeconds(10), 3, 0);

        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(9_999 * MS)).isFalse();
        assertThat(bucket.tryTake(10_000 * MS)).isTrue();
        assertThat(bucket.tryTake(10_000 * MS)).isFalse();
    }

    @Test
    void tryTake_whenRefused_takesNothing() {
        TokenBucket bucket = TokenBucket.oneTokenEvery(Duration.ofSeconds(1), 1, 0);
        bucket.tryTake(0);

        for (int i = 0; i < 5; i++) assertThat(bucket.tryTake(500 * MS)).isFalse();
        assertThat(bucket.tryTake(1000 * MS)).isTrue();
    }

    @Test
    void reserve_whenClockReadsEarlierThanLastTime_refillsNothing() {
        TokenBucket bucket = TokenBucket.perSecond(1, 1, 0);
        bucket.reserve(5000 * MS, FAR);

        assertThat(bucket.reserve(4000 * MS, FAR)).isEqualTo(1000 * MS);
        assertThat(bucket.isFull(5999 * MS)).isFalse();
    }

    @Test
    void isFull_onceRefilledToCapacity() {
        TokenBucket bucket = TokenBucket.oneTokenEvery(Duration.ofSeconds(2), 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertThat(bucket.isFull(0)).isFalse();
        assertThat(bucket.isFull(3999 * MS)).isFalse();
        assertThat(bucket.isFull(4000 * MS)).isTrue();
        assertThat(bucket.tryTake(4000 * MS)).isTrue();
    }

    @Test
    void oneTokenEvery_andPerSecond_agree() {
        TokenBucket everyQuarter = TokenBucket.oneTokenEvery(Duration.ofMillis(250), 1, 0);
        TokenBucket fourPerSecond = TokenBucket.perSecond(4, 1, 0);

        for (long t = 0; t < 2000 * MS; t += 100 * MS) assertThat(everyQuarter.reserve(t, FAR)).isEqualTo(fourPerSecond.reserve(t, FAR));
    }

    @Test
    void constructor_rejectsCapacityBelowOneAndNonPositiveInterval() {
        assertThatThrownBy(() -> TokenBucket.perSecond(1, 0.5, 0)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> TokenBucket.oneTokenEvery(Duration.ZERO, 1, 0)).hasMessageContaining("interval");
    }
}
