package dev.jobalerts.digest;

import dev.jobalerts.alert.AlertDispatcher;
import dev.jobalerts.alert.DigestSchedule;
import dev.jobalerts.alert.SearchLabels;
import dev.jobalerts.dedupe.JobView;
import dev.jobalerts.log.Log;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hourly run: sends the digests that are due and sweeps up instant alerts left claimed but unsent.
 *
 * <p>It reads the pending lists {@code instant}, {@code daily#HH} for the UTC hours from
 * {@link #CATCH_UP_HOURS} back to one ahead, and on Sunday to Tuesday (UTC) {@code weekly#HH} for the same hours.
 * An entry is due when it is
 * <ul>
 *   <li>queued for a digest and was queued before the subscriber's latest digest time
 *       ({@link DigestSchedule#lastDue}, in the subscriber's zone), or</li>
 *   <li>claimed longer ago than {@link DeliveryStore#LEASE}: a matcher or an earlier run claimed it and then crashed,
 *       was throttled, or ran out of time.</li>
 * </ul>
 * Reading past hours means a run that failed is made up by the next ones; reading one hour ahead catches the list a
 * match was filed under before a DST change moved the subscriber's hour. An entry whose hour is out of that window
 * is not lost: its list comes round again the next day (or week) and the entry is still due then.
 *
 * <p>Every due entry is taken with a conditional write ({@link DeliveryStore#reclaim}) before it is mailed, all of a
 * subscriber's entries go in one email, and the ledger is settled from the send's outcome by
 * {@link AlertDispatcher}. Entries of subscribers who are gone or not active, of expired postings or of deleted
 * searches are marked skipped so they leave the lists.
 */
public final class DigestRun {
    /** How many past hours' lists each run reads again, to make up for runs that failed or were late. */
    public static final int CATCH_UP_HOURS = 6;
    /**
     * Monday 08:00 in any zone (UTC−12 to UTC+14) falls between Sunday 18:00 and Monday 20:00 UTC; with the
     * catch-up window and DST that is within these days, so weekly lists are not read on the other four.
     */
    static final Set<DayOfWeek> WEEKLY_READ_DAYS = Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY);

    private final DeliveryStore deliveries;
    private final PostingStore postings;
    private final SubscriberStore subscribers;
    private final AlertDispatcher dispatcher;
    private final Clock clock;

    public DigestRun(DeliveryStore deliveries, PostingStore postings, SubscriberStore subscribers,
                     AlertDispatcher dispatcher, Clock clock) {
        this.deliveries = deliveries;
        this.postings = postings;
        this.subscribers = subscribers;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * What one run did.
     *
     * @param notDue          entries read but not due yet (queued after the last digest time, or freshly claimed)
     * @param takenElsewhere  due entries another invocation took first
     * @param stoppedEarly    the deadline came before every subscriber was served; the rest waits for the next run
     */
    public record Summary(int listsRead, int subscribers, int emailsSent, int emailsDeferred, int emailsRejected,
                          int deliveriesSent, int deliveriesSkipped, int notDue, int takenElsewhere, boolean stoppedEarly) {}

    /** Sends what is due now; stops before {@code deadline}, leaving the rest for the next run. */
    public Summary run(Instant deadline) {
        Instant now = Instant.now(clock);
        List<String> lists = listsToRead(now);
        Map<String, List<Delivery>> bySubscriber = new LinkedHashMap<>();
        for (String list : lists)
            for (Delivery delivery : deliveries.pending(list))
                bySubscriber.computeIfAbsent(delivery.subscriberId(), id -> new ArrayList<>()).add(delivery);
        Tally tally = new Tally();
        boolean stoppedEarly = false;
        for (var entry : bySubscriber.entrySet()) {
            if (!Instant.now(clock).isBefore(deadline)) {
                stoppedEarly = true;
                break;
            }
            serve(entry.getKey(), entry.getValue(), now, deadline, tally);
        }
        Summary summary = new Summary(lists.size(), tally.subscribers, tally.sent, tally.deferred, tally.rejected,
                tally.deliveriesSent, tally.skipped, tally.notDue, tally.taken, stoppedEarly);
        Log.info("digest run", "lists", lists.size(), "subscribers", summary.subscribers(), "emailsSent", summary.emailsSent(),
                "emailsDeferred", summary.emailsDeferred(), "emailsRejected", summary.emailsRejected(),
                "deliveriesSent", summary.deliveriesSent(), "deliveriesSkipped", summary.deliveriesSkipped(),
                "notDue", summary.notDue(), "takenElsewhere", summary.takenElsewhere(), "stoppedEarly", stoppedEarly);
        Log.metrics("digest", Map.of("DigestEmailsSent", summary.emailsSent(), "DigestEmailsDeferred", summary.emailsDeferred(),
                "DigestDeliveriesSent", summary.deliveriesSent(), "DigestDeliveriesSkipped", summary.deliveriesSkipped()));
        return summary;
    }

    /** The pending lists a run at {@code now} reads, instant first. */
    static List<String> listsToRead(Instant now) {
        Set<String> lists = new LinkedHashSet<>();
        lists.add(DigestSchedule.INSTANT);
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        boolean weekly = WEEKLY_READ_DAYS.contains(now.atZone(ZoneOffset.UTC).getDayOfWeek());
        for (int back = -1; back <= CATCH_UP_HOURS; back++) {
            int utcHour = hour.minus(Duration.ofHours(back)).atZone(ZoneOffset.UTC).getHour();
            lists.add(DigestSchedule.listKey(Frequency.DAILY, utcHour));
            if (weekly) lists.add(DigestSchedule.listKey(Frequency.WEEKLY, utcHour));
        }
        return List.copyOf(lists);
    }

    /** Whether an entry read from a pending list should go out now, for this subscriber (empty: gone). */
    static boolean isDue(Delivery delivery, Optional<Subscriber> subscriber, Instant now) {
        if (delivery.state() == DeliveryState.CLAIMED) return delivery.claimedAt().isBefore(now.minus(DeliveryStore.LEASE));
        if (delivery.state() != DeliveryState.QUEUED) return false; // settled; the index has not caught up yet
        // Entries of a subscriber who left are due at once, so they are cleared off the list.
        if (subscriber.isEmpty() || !subscriber.get().receivesAlerts()) return true;
        Frequency frequency = DigestSchedule.frequencyOf(delivery.pendingKey());
        return delivery.claimedAt().isBefore(DigestSchedule.lastDue(frequency, subscriber.get().timeZone(), now));
    }

    private void serve(String subscriberId, List<Delivery> entries, Instant now, Instant deadline, Tally tally) {
        Optional<Subscriber> subscriber = subscribers.find(subscriberId);
        List<Delivery> due = entries.stream().filter(d -> isDue(d, subscriber, now)).toList();
        tally.notDue += entries.size() - due.size();
        // Claims carry the time they are taken, not the run's start, so a long run never shortens its own lease.
        Instant claimedAt = Instant.now(clock);
        List<Delivery> mine = due.stream().filter(d -> deliveries.reclaim(d, claimedAt)).toList();
        tally.taken += due.size() - mine.size();
        if (mine.isEmpty()) return;
        tally.subscribers++;
        if (subscriber.isEmpty() || !subscriber.get().receivesAlerts()) {
            skip(subscriberId, mine, subscriber.map(s -> "subscriber " + s.status().wireName()).orElse("subscriber gone"), claimedAt, tally);
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (SubscriberSearch search : subscribers.searchesOf(subscriberId))
            labels.put(search.search().id(), SearchLabels.describe(search.search()));
        List<Ready> ready = new ArrayList<>();
        List<Delivery> expired = new ArrayList<>();
        List<Delivery> searchDeleted = new ArrayList<>();
        Map<String, StoredPosting> found = postings.findAll(mine.stream().map(Delivery::postingId).toList());
        for (Delivery delivery : mine) {
            StoredPosting posting = found.get(delivery.postingId());
            String label = labels.get(delivery.searchId());
            if (posting == null) expired.add(delivery);
            else if (label == null) searchDeleted.add(delivery);
            // The job as it stands now: copies found since the match fill in what the first copy lacked.
            else ready.add(new Ready(posting, AlertDispatcher.Claimed.of(delivery.postingId(),
                    JobView.of(posting.posting(), posting.sourceId(), posting.identity().copies().values()),
                    delivery.searchId(), label, delivery.matchedTerms())));
        }
        skip(subscriberId, expired, "posting expired", claimedAt, tally);
        skip(subscriberId, searchDeleted, "search deleted", claimedAt, tally);
        if (ready.isEmpty()) return;
        // Newest first, so a digest capped at 50 lists the freshest postings.
        List<AlertDispatcher.Claimed> claimed = ready.stream()
                .sorted(Comparator.comparing((Ready r) -> r.posting().firstSeen()).reversed()
                        .thenComparing(r -> r.posting().posting().id()))
                .map(Ready::claimed).toList();
        switch (dispatcher.send(subscriber.get(), claimed, deadline)) {
            case SENT -> {
                tally.sent++;
                tally.deliveriesSent += claimed.size();
            }
            case DEFERRED -> tally.deferred++;
            case REJECTED -> tally.rejected++;
        }
    }

    private void skip(String subscriberId, List<Delivery> entries, String reason, Instant now, Tally tally) {
        if (entries.isEmpty()) return;
        deliveries.markSkipped(subscriberId, entries.stream().map(Delivery::postingId).toList(), reason, now);
        tally.skipped += entries.size();
        Log.info("deliveries skipped", "subscriberId", subscriberId, "count", entries.size(), "reason", reason);
    }

    private record Ready(StoredPosting posting, AlertDispatcher.Claimed claimed) {}

    private static final class Tally {
        int subscribers, sent, deferred, rejected, deliveriesSent, skipped, notDue, taken;
    }
}
