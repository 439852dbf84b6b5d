package dev.jobalerts.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.TestClock;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The matcher's warm index follows the Subscribers table through its change feed, one change at a time. */
class LiveSearchIndexIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Posting DJANGO_JOB = new Posting("p1", "https://jobs.example/1", "Python Developer", "Acme", "Charlotte, NC",
            false, null, "2026-11-21", null, "Django and Postgres.", "jsonld");

    private static SubscriberSearch search(String subscriber, String id, String query, SubscriberStatus status, boolean paused, long at) {
        return new SubscriberSearch(subscriber, SavedSearch.ofQuery(id, query), paused, true, false, status, Frequency.INSTANT, at);
    }

    @Test
    void refresh_loadsLiveSearchesOnce_thenAppliesOnlyLaterChanges() {
        var store = new SubscriberStore(dynamo.client(), dynamo.freshTables().subscribers());
        long minute = 60_000, t0 = System.currentTimeMillis() - 60 * minute;
        store.saveSearch(search("c", "s1", "python", SubscriberStatus.PENDING, false, t0));
        store.saveSearch(search("a", "s1", "python django", SubscriberStatus.ACTIVE, false, t0 + minute));
        store.saveSearch(search("b", "s1", "python", SubscriberStatus.ACTIVE, false, t0 + 10 * minute));
        var index = new LiveSearchIndex(store);

        assertThat(index.refresh()).isEqualTo(3);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.match(DJANGO_JOB, null, TODAY)).extracting(m -> m.key()).containsExactlyInAnyOrder("a/s1", "b/s1");

        long later = t0 + 20 * minute;
        store.saveSearch(search("b", "s1", "python", SubscriberStatus.UNSUBSCRIBED, false, later));
        store.saveSearch(search("a", "s1", "python django", SubscriberStatus.ACTIVE, true, later + 1));

        int applied = index.refresh();

        assertThat(applied).as("only what changed since the last refresh (less a short overlap) is read").isEqualTo(2);
        assertThat(index.size()).isZero();
        assertThat(index.match(DJANGO_JOB, null, TODAY)).isEmpty();
    }

    @Test
    void refresh_whenAStoredQueryNoLongerParses_skipsItAndKeepsTheOthers() {
        var store = new SubscriberStore(dynamo.client(), dynamo.freshTables().subscribers());
        store.saveSearch(search("a", "s1", "python AND (django", SubscriberStatus.ACTIVE, false, 1_000));
        store.saveSearch(search("b", "s1", "django", SubscriberStatus.ACTIVE, false, 1_001));
        var index = new LiveSearchIndex(store);

        index.refresh();

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.match(DJANGO_JOB, null, TODAY)).extracting(m -> m.key()).containsExactly("b/s1");
    }

    @Test
    void refresh_afterADayWithoutOne_loadsEverythingAgain_soASearchWhoseTombstoneExpiredIsGone() {
        var table = dynamo.freshTables().subscribers();
        var store = new SubscriberStore(dynamo.client(), table);
        store.saveSearch(search("a", "s1", "django", SubscriberStatus.ACTIVE, false, 1_000));
        store.saveSearch(search("b", "s1", "django", SubscriberStatus.ACTIVE, false, 1_001));
        TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
        var index = new LiveSearchIndex(store, clock);
        index.refresh();
        // "a" was deleted and its tombstone has expired since: nothing in the table says it ever existed.
        dynamo.client().deleteItem(r -> r.tableName(table).key(Map.of("subscriberId", AttributeValue.fromS("a"),
                "itemId", AttributeValue.fromS("search#s1"))));

        clock.advance(Duration.ofHours(1));
        index.refresh();
        assertThat(index.size()).as("an incremental refresh cannot see a deletion whose tombstone is gone").isEqualTo(2);

        clock.advance(LiveSearchIndex.RELOAD_AFTER.plusMinutes(1));
        index.refresh();
        assertThat(index.match(DJANGO_JOB, null, TODAY)).extracting(m -> m.key()).containsExactly("b/s1");
    }
}
