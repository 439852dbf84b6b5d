package dev.jobalerts.fetcher;

import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.Board;
import dev.jobalerts.http.FetchOutcome;
import dev.jobalerts.http.FetchRequest;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.log.Log;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceHealth;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.SourceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One scheduled fetch over the due sources of a Sources segment. Each source is read through its board (an adapter's
 * API, or the page readers for any other URL): its listing page by page, then the detail answers its postings still
 * lack, all through the polite fetcher. An answer is snapshotted for the parser only when its content hash changed,
 * so a 304 or an unchanged answer writes nothing. Sources not reached before the deadline keep their due time and go
 * first next run. A source whose handling fails (a store fault, a bug) is recorded failed; the others go on.
 */
public final class FetchRun {
    private final SourceStore sources;
    private final PageStore pages;
    private final PoliteFetcher fetcher;
    private final Adapters adapters;
    private final Credentials credentials;
    private final Clock clock;

    public FetchRun(SourceStore sources, PageStore pages, PoliteFetcher fetcher, Adapters adapters, Credentials credentials, Clock clock) {
        this.sources = sources;
        this.pages = pages;
        this.fetcher = fetcher;
        this.adapters = adapters;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Counts of one run, per outcome. {@code changed} sources stored at least one new snapshot. */
    public record Summary(int sources, int changed, int unchanged, int notModified, int failed, int disallowed,
                          int deferred, int detailPages) {
        /** The counts by name, in this order: the function's answer and the run's log line. */
        public Map<String, Object> counts() {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("sources", sources);
            counts.put("changed", changed);
            counts.put("unchanged", unchanged);
            counts.put("notModified", notModified);
            counts.put("failed", failed);
            counts.put("disallowed", disallowed);
            counts.put("deferred", deferred);
            counts.put("detailPages", detailPages);
            return counts;
        }
    }

    /**
     * @param only     source ids to fetch now regardless of their schedule; empty means every due, unpaused source
     * @param progress receives one report per source as it completes
     */
    public Summary run(int segment, int totalSegments, Set<String> only, Instant deadline, Consumer<SourceReport> progress) {
        Instant now = Instant.now(clock);
        List<Source> due = sources.list(segment, totalSegments).stream()
                .filter(s -> only.isEmpty() ? !s.definition().paused() && isDue(s, now) : only.contains(s.id()))
                // Oldest due first, so a run cut short by its deadline resumes fairly.
                .sorted(Comparator.comparing((Source s) -> s.fetchState().nextDueAt() == null ? Instant.EPOCH : s.fetchState().nextDueAt()))
                .toList();
        Tally tally = new Tally();
        Map<FetchRequest, SourceFetch> owners = new IdentityHashMap<>();
        List<FetchRequest> first = new ArrayList<>();
        for (Source source : due) {
            FetchRequest request = start(source, now, tally, progress);
            if (request == null) continue;
            owners.put(request, tally.fetches.get(tally.fetches.size() - 1));
            first.add(request);
        }
        Set<SourceFetch> broken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        fetcher.crawl(first, deadline, outcome -> {
            SourceFetch fetch = owners.remove(outcome.request());
            if (fetch == null || broken.contains(fetch)) return List.of();
            List<FetchRequest> next;
            try {
                next = fetch.accept(outcome);
            } catch (RuntimeException e) {
                // One source's fault (a store error, a bug in a board) costs that source this run, not the others.
                Log.error("source fetch failed", e, "sourceId", fetch.id());
                broken.add(fetch);
                fail(fetch.id(), "internal error: " + e, now, tally, progress);
                return List.of();
            }
            for (FetchRequest request : next) owners.put(request, fetch);
            if (fetch.done()) finish(fetch, tally, progress);
            return next;
        });
        Summary summary = new Summary(due.size(), tally.changed, tally.unchanged, tally.notModified, tally.failed,
                tally.disallowed, tally.deferred, tally.detailPages);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("segment", segment);
        line.putAll(summary.counts());
        Log.info("fetch run finished", line);
        Log.metrics("fetcher", Map.of("SourcesFetched", summary.sources(), "PagesChanged", summary.changed(), "FetchFailures", summary.failed()));
        return summary;
    }

    /** The source's first request, or null when it cannot start (no board for its URL, credentials missing). */
    private FetchRequest start(Source source, Instant now, Tally tally, Consumer<SourceReport> progress) {
        try {
            Board board = adapters.board(source.definition());
            Credentials.Resolved secrets = credentials.resolve(source.definition());
            if (!secrets.ok()) {
                fail(source.id(), secrets.problem(), now, tally, progress);
                return null;
            }
            SourceFetch fetch = new SourceFetch(source, board, pages, now);
            FetchRequest request = fetch.start(secrets.values());
            tally.fetches.add(fetch);
            return request;
        } catch (RuntimeException e) {
            Log.error("source could not start", e, "sourceId", source.id());
            fail(source.id(), e.getMessage() == null ? e.toString() : e.getMessage(), now, tally, progress);
            return null;
        }
    }

    private void finish(SourceFetch fetch, Tally tally, Consumer<SourceReport> progress) {
        SourceFetch.Result result = fetch.result(Instant.now(clock));
        try {
            sources.recordFetch(fetch.id(), result.state(), result.health());
        } catch (RuntimeException e) {
            Log.error("source health not recorded", e, "sourceId", fetch.id());
        }
        tally.count(result.report().status());
        tally.detailPages += result.detailsStored();
        progress.accept(result.report());
    }

    /** Records a source that failed before or outside its requests; its schedule moves on as after any failure. */
    private void fail(String sourceId, String why, Instant now, Tally tally, Consumer<SourceReport> progress) {
        tally.count(FetchStatus.FAILED);
        progress.accept(new SourceReport(sourceId, FetchStatus.FAILED, FetchStatus.FAILED.stored() + ": " + why));
        try {
            sources.find(sourceId).ifPresent(source -> {
                FetchState state = source.fetchState();
                SourceHealth health = source.health().afterFetch(now, FetchStatus.FAILED, why);
                sources.recordFetch(sourceId, new FetchState(state.etag(), state.lastModified(), state.contentHash(),
                        now.plus(source.definition().everyDuration())), health);
            });
        } catch (RuntimeException e) {
            Log.error("source health not recorded", e, "sourceId", sourceId);
        }
    }

    private static boolean isDue(Source source, Instant now) {
        Instant next = source.fetchState().nextDueAt();
        return next == null || !next.isAfter(now);
    }

    /** Counters touched only from the fetcher's callback, which is never called concurrently. */
    private static final class Tally {
        final List<SourceFetch> fetches = new ArrayList<>();
        int changed, unchanged, notModified, failed, disallowed, deferred, detailPages;

        void count(FetchStatus status) {
            switch (status) {
                case OK -> changed++;
                case UNCHANGED -> unchanged++;
                case NOT_MODIFIED -> notModified++;
                case DEFERRED -> deferred++;
                case DISALLOWED -> disallowed++;
                case FAILED, NEVER -> failed++;
            }
        }
    }
}
