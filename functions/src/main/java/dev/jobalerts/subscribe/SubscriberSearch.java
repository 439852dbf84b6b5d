package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;
import java.util.Objects;

/**
 * One saved search as the Subscribers table holds it, with the subscriber's status copied onto it so the
 * matcher can keep its index current from the search items alone.
 *
 * @param confirmed false until the address behind a sign-up has been confirmed
 * @param deleted   a tombstone kept briefly so matchers drop the search from their index
 * @param updatedAt epoch millis of the last change; the matcher's incremental refresh reads changes after it
 */
public record SubscriberSearch(String subscriberId, SavedSearch search, boolean paused, boolean confirmed,
                               boolean deleted, SubscriberStatus subscriberStatus, Frequency frequency, long updatedAt) {
    public SubscriberSearch {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(subscriberStatus, "subscriberStatus");
        frequency = frequency == null ? Frequency.INSTANT : frequency;
    }

    /** The key the matcher's index uses: unique across subscribers. */
    public SearchKey indexKey() {
        return new SearchKey(subscriberId, search.id());
    }

    /** Whether this search should produce alerts now. */
    public boolean live() {
        return !deleted && !paused && confirmed && subscriberStatus == SubscriberStatus.ACTIVE;
    }
}
