package dev.jobalerts.feed;

import dev.jobalerts.alert.SearchLabels;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.SubscriptionService.Access;
import dev.jobalerts.subscribe.TokenService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subscriber's feed of matches, read with a feed token: the latest {@value #MAX_ENTRIES} entries of the delivery
 * ledger (the record of every match the matcher claimed or queued for them) with their postings. Reading happens in two
 * steps so a feed reader asking again for an unchanged feed costs one Query of the ledger and no posting reads: {@link
 * #matches} reads the ledger and says which version of the feed that is; {@link #feed} reads the postings (one
 * BatchGetItem per 100).
 */
public final class FeedService {
    public static final int MAX_ENTRIES = 50;
    /** Bumped when the feed's wording changes, so the version changes with it. */
    private static final String FORMAT = "feed-1";

    /**
     * The latest matches as the ledger holds them.
     *
     * @param latest       newest first, at most {@value #MAX_ENTRIES}
     * @param searchLabels each current search's label by search id
     * @param version      changes whenever the feed would; an HTTP entity tag
     */
    public record Matches(Subscriber subscriber, List<Delivery> latest, Map<String, String> searchLabels, String version) {}

    private final SubscriptionService subscriptions;
    private final SubscriberStore subscribers;
    private final DeliveryStore deliveries;
    private final PostingStore postings;
    private final Clock clock;

    public FeedService(SubscriptionService subscriptions, SubscriberStore subscribers, DeliveryStore deliveries,
                       PostingStore postings, Clock clock) {
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.postings = postings;
        this.clock = clock;
    }

    /** The latest matches of the token's subscriber; empty for a forged, revoked or expired token alike. */
    public Optional<Matches> matches(String token) {
        if (!(subscriptions.access(token, TokenService.Purpose.FEED) instanceof Access.Granted granted)) return Optional.empty();
        Subscriber subscriber = granted.subscriber();
        List<Delivery> latest = deliveries.deliverableOf(subscriber.subscriberId(), Instant.now(clock)).stream()
                // claimedAt is when the match was claimed or queued (a digest's send time once sent): close enough to
                // pick the latest; ties go by posting id so the choice is stable.
                .sorted(Comparator.comparing((Delivery d) -> d.claimedAt() == null ? Instant.EPOCH : d.claimedAt())
                        .thenComparing(Delivery::postingId).reversed())
                .limit(MAX_ENTRIES)
                .toList();
        Map<String, String> labels = new LinkedHashMap<>();
        for (SubscriberSearch search : subscribers.searchesOf(subscriber.subscriberId()))
            labels.put(search.search().id(), SearchLabels.describe(search.search()));
        return Optional.of(new Matches(subscriber, latest, labels, version(subscriber, latest, labels)));
    }

    /** The feed of {@code matches}; a posting that has expired since is left out. */
    public Feed feed(Matches matches) {
        Map<String, StoredPosting> found = postings.findAll(matches.latest().stream().map(Delivery::postingId).toList());
        List<Feed.Entry> entries = new ArrayList<>();
        Instant updated = null;
        for (Delivery delivery : matches.latest()) {
            StoredPosting stored = found.get(delivery.postingId());
            if (stored == null) continue;
            Posting p = stored.posting();
            entries.add(new Feed.Entry(p.id(), p.title(), p.url(), stored.firstSeen(), p.company(), p.location(), p.remote(),
                    p.datePosted(), SearchMatch.matchedLine(delivery.matchedTerms()), matches.searchLabels().get(delivery.searchId())));
            if (updated == null || stored.firstSeen().isAfter(updated)) updated = stored.firstSeen();
        }
        Subscriber subscriber = matches.subscriber();
        if (updated == null) updated = subscriber.createdAt() == null ? Instant.EPOCH : subscriber.createdAt();
        return new Feed(subscriber.subscriberId(), title(matches.searchLabels()), updated, entries);
    }

    /** Names the searches, never the address: the feed's URL goes to feed-reader services. */
    static String title(Map<String, String> labels) {
        if (labels.isEmpty()) return "Job alerts";
        String first = labels.values().iterator().next();
        if (first.length() > 80) {
            int cut = Character.isHighSurrogate(first.charAt(78)) ? 78 : 79;
            first = first.substring(0, cut) + "…";
        }
        int others = labels.size() - 1;
        return "Job alerts: “" + first + "”" + (others == 0 ? "" : " and " + others + (others == 1 ? " more search" : " more searches"));
    }

    private static String version(Subscriber subscriber, List<Delivery> latest, Map<String, String> labels) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(subscriber.createdAt()).append('\n');
        for (Delivery d : latest)
            text.append(d.postingId()).append('\t').append(d.searchId()).append('\t').append(d.claimedAt()).append('\t')
                    .append(String.join(",", d.matchedTerms())).append('\n');
        labels.forEach((id, label) -> text.append(id).append('\t').append(label).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
