package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a confirmed subscriber can change from the manage page: add, replace, delete, pause and resume saved
 * searches, and the alert frequency. Callers authenticate first ({@link SubscriptionService#access}); every
 * method here trusts the {@link Subscriber} it is given.
 */
public final class ManageService {

    /** Result of a change to one saved search. */
    public sealed interface Change {
        record Saved(SubscriberSearch search) implements Change {}
        record NotFound(String searchId) implements Change {}
        record TooManySearches(int limit) implements Change {}
    }

    private final SubscriberStore store;
    private final Clock clock;

    public ManageService(SubscriberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<SubscriberSearch> searches(Subscriber subscriber) {
        return store.searchesOf(subscriber.subscriberId());
    }

    /** Adds a search; the owner is already confirmed, so it is live at once. A clashing id gets a fresh one. */
    public Change add(Subscriber subscriber, SavedSearch search) {
        List<SubscriberSearch> searches = searches(subscriber);
        if (searches.size() >= SubscriptionService.MAX_SEARCHES) return new Change.TooManySearches(SubscriptionService.MAX_SEARCHES);
        SavedSearch toSave = find(searches, search.id()).isPresent() ? SubscriptionService.withId(search, SubscriptionService.newSearchId()) : search;
        return save(subscriber, toSave, false);
    }

    /** Replaces the search with the same id, keeping its paused state. */
    public Change replace(Subscriber subscriber, SavedSearch search) {
        Optional<SubscriberSearch> current = find(searches(subscriber), search.id());
        if (current.isEmpty()) return new Change.NotFound(search.id());
        return save(subscriber, search, current.get().paused());
    }

    public Change setPaused(Subscriber subscriber, String searchId, boolean paused) {
        Optional<SubscriberSearch> current = find(searches(subscriber), searchId);
        if (current.isEmpty()) return new Change.NotFound(searchId);
        return save(subscriber, current.get().search(), paused);
    }

    /** Deletes a search, leaving a tombstone so every matcher drops it; false when there was no such search. */
    public boolean delete(Subscriber subscriber, String searchId) {
        Optional<SubscriberSearch> current = find(searches(subscriber), searchId);
        if (current.isEmpty()) return false;
        SubscriberSearch s = current.get();
        store.saveSearch(new SubscriberSearch(s.subscriberId(), s.search(), s.paused(), s.confirmed(), true,
                s.subscriberStatus(), s.frequency(), Instant.now(clock).toEpochMilli()));
        return true;
    }

    /** Changes how often alerts go out; copied onto every search because the matcher reads only search items. */
    public Subscriber changeFrequency(Subscriber subscriber, Frequency frequency) {
        Instant now = Instant.now(clock);
        Subscriber changed = new Subscriber(subscriber.subscriberId(), subscriber.email(), subscriber.status(), frequency,
                subscriber.timeZone(), subscriber.nonce(), subscriber.createdAt(), subscriber.confirmationSentAt());
        store.saveProfile(changed, now);
        for (SubscriberSearch s : searches(subscriber)) {
            store.saveSearch(new SubscriberSearch(s.subscriberId(), s.search(), s.paused(), s.confirmed(), false,
                    s.subscriberStatus(), frequency, now.toEpochMilli()));
        }
        return changed;
    }

    /**
     * Rotates the subscriber's nonce, so every manage, unsubscribe and feed link issued before stops working (for a
     * forwarded alert email, say). The caller hands out fresh links for the returned subscriber.
     */
    public Subscriber revokeLinks(Subscriber subscriber) {
        Subscriber rotated = new Subscriber(subscriber.subscriberId(), subscriber.email(), subscriber.status(), subscriber.frequency(),
                subscriber.timeZone(), SubscriptionService.newNonce(), subscriber.createdAt(), subscriber.confirmationSentAt());
        store.saveProfile(rotated, Instant.now(clock));
        return rotated;
    }

    private Change save(Subscriber subscriber, SavedSearch search, boolean paused) {
        // Only confirmed (active or paused) subscribers reach the manage page, so their searches are confirmed too.
        SubscriberSearch saved = new SubscriberSearch(subscriber.subscriberId(), search, paused, true, false,
                subscriber.status(), subscriber.frequency(), Instant.now(clock).toEpochMilli());
        store.saveSearch(saved);
        return new Change.Saved(saved);
    }

    private static Optional<SubscriberSearch> find(List<SubscriberSearch> searches, String searchId) {
        return searches.stream().filter(s -> s.search().id().equals(searchId)).findFirst();
    }
}
