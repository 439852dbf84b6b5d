package dev.jobalerts.preview;

import dev.jobalerts.log.Log;
import dev.jobalerts.search.PreparedPostings;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent postings, prepared for previews and kept in the warm container on purpose: a preview then costs CPU
 * only, and DynamoDB is read at most once per {@link PreviewSettings#refreshEvery()} and only when a preview asks
 * (an idle container reads nothing). A refresh reads the whole window again: one Query of the by-first-seen-day
 * index per day, at most {@link PreviewSettings#maxPostings()} items.
 */
final class RecentWindow {
    /** The window as loaded: postings newest first, the same postings prepared for testing, and when. */
    record Snapshot(List<StoredPosting> postings, PreparedPostings prepared, Instant loadedAt) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PostingStore store;
    private final PreviewSettings settings;
    private final Clock clock;
    private volatile Snapshot current;
    private volatile PreviewService.WindowRead lastRefresh;

    RecentWindow(PostingStore store, PreviewSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The window, read again first when it is older than the refresh period. */
    Snapshot current() {
        Snapshot snapshot = current;
        if (snapshot != null && fresh(snapshot, clock.instant())) return snapshot;
        return refresh(false);
    }

    /**
     * Reads the window now ({@code force}) or when it is due. One thread reads at a time; the others wait for its
     * result rather than read the same window again.
     */
    synchronized Snapshot refresh(boolean force) {
        Instant now = clock.instant();
        Snapshot previous = current;
        if (!force && previous != null && fresh(previous, now)) return previous;
        long startNanos = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        try {
            PostingStore.Window window = store.firstSeenSince(now.minus(Duration.ofDays(settings.days())), now, settings.maxPostings());
            List<PreparedPostings.Entry> entries = new ArrayList<>(window.postings().size());
            for (StoredPosting posting : window.postings())
                entries.add(new PreparedPostings.Entry(posting.posting(), LocalDate.ofInstant(posting.firstSeen(), ZoneOffset.UTC)));
            current = new Snapshot(List.copyOf(window.postings()), new PreparedPostings(entries), now);
            lastRefresh = new PreviewService.WindowRead(window.postings().size(), window.readUnits(), window.requests(),
                    (System.nanoTime() - startNanos) / 1_000_000, (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000);
            Log.info("preview window read", "postings", lastRefresh.postings(), "readUnits", lastRefresh.readUnits(),
                    "requests", lastRefresh.requests(), "millis", lastRefresh.wallMillis());
            return current;
        } catch (RuntimeException e) {
            if (previous == null) throw e;
            // Previews go on with the window they had rather than fail; the next period tries again.
            Log.error("preview window not read; the previous one is kept", e, "postings", previous.postings().size());
            current = new Snapshot(previous.postings(), previous.prepared(), now);
            return current;
        }
    }

    /** What the latest refresh read and cost; null before the first. */
    PreviewService.WindowRead lastRefresh() {
        return lastRefresh;
    }

    private boolean fresh(Snapshot snapshot, Instant now) {
        return now.isBefore(snapshot.loadedAt().plus(settings.refreshEvery()));
    }
}
