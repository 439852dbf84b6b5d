package dev.jobalerts.matcher;

import dev.jobalerts.log.Log;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.InvalidSearchException;
import dev.jobalerts.search.SearchIndex;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The matcher's in-memory index of every live saved search, kept for the life of a warm Lambda container on
 * purpose: the first batch loads all searches, later batches apply only the search items changed since the
 * last refresh (the Subscribers table's {@code searchChanges} index). A deleted search is seen through its tombstone,
 * which lives {@link SubscriberStore#TOMBSTONE_RETENTION}; an index not refreshed for longer than {@link #RELOAD_AFTER}
 * (a container idle that long, or restored from a SnapStart snapshot taken that long ago) could miss one, so it is
 * loaded afresh instead.
 */
public final class LiveSearchIndex {
    /** The change index is eventually consistent; re-reading a short overlap catches late arrivals (applying twice is harmless). */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    /** Well inside the tombstones' life, so an incremental refresh never misses a deletion. */
    static final Duration RELOAD_AFTER = SubscriberStore.TOMBSTONE_RETENTION.dividedBy(2);

    private final SubscriberStore subscribers;
    private final Clock clock;
    private SearchIndex index = new SearchIndex();
    private long watermarkMillis = -1;
    private long refreshedAtMillis;

    public LiveSearchIndex(SubscriberStore subscribers) {
        this(subscribers, Clock.systemUTC());
    }

    LiveSearchIndex(SubscriberStore subscribers, Clock clock) {
        this.subscribers = subscribers;
        this.clock = clock;
    }

    /** Brings the index up to date; returns how many changes were applied. */
    public int refresh() {
        long now = clock.millis();
        if (watermarkMillis >= 0 && now - refreshedAtMillis > RELOAD_AFTER.toMillis()) {
            index = new SearchIndex();
            watermarkMillis = -1;
        }
        long since = watermarkMillis < 0 ? 0 : Math.max(0, watermarkMillis - OVERLAP.toMillis());
        List<SubscriberSearch> changes = subscribers.searchChangesSince(since);
        for (SubscriberSearch change : changes) {
            apply(change);
            watermarkMillis = Math.max(watermarkMillis, change.updatedAt());
        }
        if (watermarkMillis < 0) watermarkMillis = 0;
        refreshedAtMillis = now;
        return changes.size();
    }

    void apply(SubscriberSearch change) {
        String key = change.indexKey().format();
        if (!change.live()) {
            index.remove(key);
            return;
        }
        try {
            index.put(key, change.search());
        } catch (InvalidSearchException e) {
            // Stored searches were validated by the API; one that no longer parses must not stop the others.
            index.remove(key);
            Log.warn("stored search skipped", "key", key, "problem", e.getMessage());
        }
    }

    public List<SearchMatch> match(Posting posting, LocalDate firstSeen, LocalDate today) {
        return index.match(posting, firstSeen, today);
    }

    public int size() {
        return index.size();
    }
}
