package dev.jobalerts.matcher;

import dev.jobalerts.alert.AlertDispatcher;
import dev.jobalerts.alert.DigestSchedule;
import dev.jobalerts.alert.SearchLabels;
import dev.jobalerts.log.Log;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SearchKey;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a batch of new postings against every live saved search and turns the matches into alerts: one email
 * per instant subscriber per batch (all their new matches), or queued ledger entries for daily and weekly
 * digests. Every delivery is claimed in the ledger before anything is sent, so a replayed batch sends nothing twice.
 *
 * <p>A delivery is of a job, not of a posting: the ledger key is the job's first copy's id. So the first copy of a job
 * and its later copies (other boards, reposts) claim the same entry, and a subscriber hears of a job once — from
 * whichever copy their search matched first — and again only when it is reposted more than
 * {@link DeliveryStore#REALERT_AFTER} after it was sent.
 */
public final class AlertMatcher {
    private final LiveSearchIndex index;
    private final SubscriberStore subscribers;
    private final DeliveryStore deliveries;
    private final PostingStore postings;
    private final AlertDispatcher dispatcher;
    private final Clock clock;

    public AlertMatcher(LiveSearchIndex index, SubscriberStore subscribers, DeliveryStore deliveries, PostingStore postings,
                        AlertDispatcher dispatcher, Clock clock) {
        this.index = index;
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.postings = postings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** What one batch did. */
    public record Summary(int postings, int matches, int emailsSent, int emailsDeferred, int queuedForDigest, int alreadyClaimed) {}

    /** One match waiting to be claimed: which posting, for which of the subscriber's searches, and why. */
    private record Hit(StoredPosting posting, SearchMatch match, String searchId) {}

    /** Loads the live searches now (SnapStart warms with it) rather than in the first batch. */
    public void warm() {
        index.refresh();
    }

    public Summary process(List<StoredPosting> batch, Instant deadline) {
        index.refresh();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, List<Hit>> bySubscriber = new LinkedHashMap<>();
        int matches = 0;
        for (StoredPosting posting : batch) {
            LocalDate firstSeen = LocalDate.ofInstant(posting.firstSeen(), ZoneOffset.UTC);
            for (SearchMatch match : index.match(posting.posting(), firstSeen, today)) {
                SearchKey key = SearchKey.parse(match.key());
                bySubscriber.computeIfAbsent(key.subscriberId(), id -> new ArrayList<>()).add(new Hit(posting, match, key.searchId()));
                matches++;
            }
        }
        JobViews views = new JobViews(batch, postings);
        int sent = 0, deferred = 0, queued = 0, taken = 0;
        for (var entry : bySubscriber.entrySet()) {
            // The profile is the authority on status: a suppression may be newer than the index.
            Optional<Subscriber> subscriber = subscribers.find(entry.getKey()).filter(Subscriber::receivesAlerts);
            if (subscriber.isEmpty()) continue;
            Subscriber to = subscriber.get();
            boolean instant = to.frequency() == Frequency.INSTANT;
            String pendingKey = DigestSchedule.pendingKey(to.frequency(), to.timeZone(), today);
            DeliveryState state = instant ? DeliveryState.CLAIMED : DeliveryState.QUEUED;
            List<AlertDispatcher.Claimed> claimed = new ArrayList<>();
            for (Hit hit : firstPerJob(entry.getValue())) {
                String jobId = hit.posting().jobId();
                Delivery delivery = new Delivery(to.subscriberId(), jobId, hit.searchId(), hit.match().matchedTerms(), state, now, pendingKey);
                boolean laterCopy = hit.posting().identity().isCopy();
                if (!deliveries.claim(delivery, now, laterCopy)) {
                    taken++;
                    continue;
                }
                if (!instant) {
                    queued++;
                    continue;
                }
                claimed.add(AlertDispatcher.Claimed.of(jobId, views.of(jobId, hit.posting()), hit.searchId(),
                        SearchLabels.describe(hit.match().search()), hit.match().matchedTerms()));
            }
            if (claimed.isEmpty()) continue;
            if (Instant.now(clock).isAfter(deadline)) {
                deferred++;
                continue;
            }
            AlertDispatcher.Result result = dispatcher.send(to, claimed, deadline);
            if (result == AlertDispatcher.Result.SENT) sent++;
            else if (result == AlertDispatcher.Result.DEFERRED) deferred++;
        }
        Summary summary = new Summary(batch.size(), matches, sent, deferred, queued, taken);
        Log.info("batch matched", "postings", summary.postings(), "matches", matches, "emailsSent", sent,
                "emailsDeferred", deferred, "queuedForDigest", queued, "alreadyClaimed", taken, "liveSearches", index.size());
        Log.metrics("matcher", Map.of("Postings", summary.postings(), "Matches", summary.matches(),
                "EmailsSent", summary.emailsSent(), "EmailsDeferred", summary.emailsDeferred(),
                "QueuedForDigest", summary.queuedForDigest()));
        return summary;
    }

    /**
     * A job matched by two of one subscriber's searches, or found on two boards in one batch, is mailed once, under the
     * first hit — the first copy's own when it matched, as its text is the one the alert shows.
     */
    private static List<Hit> firstPerJob(List<Hit> hits) {
        Map<String, Hit> first = new LinkedHashMap<>();
        for (Hit hit : hits) {
            Hit kept = first.get(hit.posting().jobId());
            if (kept == null || (kept.posting().identity().isCopy() && !hit.posting().identity().isCopy()))
                first.put(hit.posting().jobId(), hit);
        }
        return List.copyOf(first.values());
    }
}
