package dev.jobalerts.fetcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.extract.AtsUrls;
import dev.jobalerts.extract.ExtractionConfig;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingExtractor;
import dev.jobalerts.fetch.FetchOutcome;
import dev.jobalerts.fetch.FetchRequest;
import dev.jobalerts.fetch.PoliteFetcher;
import dev.jobalerts.json.Json;
import dev.jobalerts.log.Log;
import dev.jobalerts.parser.PageParser;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceHealth;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.SourceStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One scheduled fetch over the due sources of a Sources segment. Listing pages are fetched politely (see
 * {@link PoliteFetcher}); a page is snapshotted for the parser only when its content hash changed, and a 304 or an
 * unchanged hash writes nothing. Sources that declare {@code followDetails} have their listing read for links only,
 * and up to that many detail pages not yet stored are fetched in a second pass. Sources not reached before the
 * deadline keep their due time and go first next run.
 */
public final class FetchRun {
    private final SourceStore sources;
    private final PageStore pages;
    private final PoliteFetcher fetcher;
    private final PostingExtractor extractor;
    private final Clock clock;

    public FetchRun(SourceStore sources, PageStore pages, PoliteFetcher fetcher, PostingExtractor extractor, Clock clock) {
        this.sources = sources;
        this.pages = pages;
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.clock = clock;
    }

    /** Counts of one run, per outcome. {@code changed} pages were snapshotted and will be parsed. */
    public record Summary(int sources, int changed, int unchanged, int notModified, int failed, int disallowed,
                          int deferred, int detailPages) {}

    /**
     * @param only       source ids to fetch now regardless of their schedule; empty means every due, unpaused source
     * @param progress   receives one human line per source as it completes
     */
    public Summary run(int segment, int totalSegments, Set<String> only, Instant deadline, Consumer<String> progress) {
        Instant now = Instant.now(clock);
        List<Source> due = sources.list(segment, totalSegments).stream()
                .filter(s -> only.isEmpty() ? !s.definition().paused() && isDue(s, now) : only.contains(s.id()))
                // Oldest due first, so a run cut short by its deadline resumes fairly.
                .sorted(Comparator.comparing((Source s) -> s.fetchState().nextDueAt() == null ? Instant.EPOCH : s.fetchState().nextDueAt()))
                .toList();
        Map<String, Source> byId = new HashMap<>();
        List<FetchRequest> requests = new ArrayList<>();
        for (Source source : due) {
            byId.put(source.id(), source);
            requests.add(new FetchRequest(source.id(), URI.create(listingUrl(source.definition())), source.fetchState().etag(),
                    source.fetchState().lastModified(), source.definition().delayDuration()));
        }
        Tally tally = new Tally();
        List<FetchRequest> details = new ArrayList<>();
        fetcher.fetchAll(requests, deadline, outcome -> {
            Source source = byId.get(outcome.request().sourceId());
            String line = onListing(source, outcome, tally, details);
            progress.accept(source.id() + ": " + line);
        });
        if (!details.isEmpty()) {
            fetcher.fetchAll(details, deadline, outcome -> onDetail(byId.get(outcome.request().sourceId()), outcome, tally));
        }
        Summary summary = new Summary(due.size(), tally.changed, tally.unchanged, tally.notModified, tally.failed,
                tally.disallowed, tally.deferred, tally.detailPages);
        Log.info("fetch run finished", "segment", segment, "sources", summary.sources(), "changed", summary.changed(),
                "unchanged", summary.unchanged(), "notModified", summary.notModified(), "failed", summary.failed(),
                "disallowed", summary.disallowed(), "deferred", summary.deferred(), "detailPages", summary.detailPages());
        return summary;
    }

    /** The URL actually fetched: a careers page of Greenhouse, Lever or Ashby is read through its JSON API. */
    public static String listingUrl(SourceDefinition definition) {
        return AtsUrls.apiUrlFor(definition.url()).orElse(definition.url());
    }

    private static boolean isDue(Source source, Instant now) {
        Instant next = source.fetchState().nextDueAt();
        return next == null || !next.isAfter(now);
    }

    private String onListing(Source source, FetchOutcome outcome, Tally tally, List<FetchRequest> details) {
        Instant now = Instant.now(clock);
        SourceDefinition definition = source.definition();
        FetchState state = source.fetchState();
        Instant nextDue = now.plus(definition.everyDuration());
        SourceHealth health = source.health();
        String line;
        if (outcome instanceof FetchOutcome.Fetched fetched) {
            String hash = PageSnapshot.hash(fetched.body());
            boolean changed = !hash.equals(state.contentHash());
            FetchState next = new FetchState(fetched.etag(), fetched.lastModified(), hash, nextDue);
            if (!changed) {
                tally.unchanged++;
                line = "unchanged (same content)";
            } else if (definition.followDetails() > 0) {
                var content = new PageContent(fetched.finalUrl().toString(), fetched.contentType(), fetched.body(), now);
                List<String> links = extractor.detailLinks(content, extractionConfig(definition), definition.followDetails());
                int fresh = 0;
                for (String link : links) {
                    if (pages.exists(link)) continue;
                    details.add(new FetchRequest(source.id(), URI.create(link), null, null, definition.delayDuration()));
                    fresh++;
                }
                health = health.afterParse(links.size());
                tally.changed++;
                line = "changed, " + links.size() + " detail links, " + fresh + " new";
            } else {
                var write = pages.putIfChanged(new PageSnapshot(fetched.finalUrl().toString(), source.id(), fetched.contentType(),
                        fetched.body(), hash, now, extractionJson(definition, PageParser.ROLE_LISTING)));
                switch (write) {
                    case STORED -> tally.changed++;
                    case UNCHANGED -> tally.unchanged++;
                    case TOO_LARGE -> tally.failed++;
                }
                line = write == PageStore.Write.TOO_LARGE ? "failed: page too large to store" : "changed, snapshot " + write.name().toLowerCase();
            }
            boolean failed = line.startsWith("failed");
            sources.recordFetch(source.id(), failed ? state : next, health.afterFetch(now, failed ? "failed" : changed ? "ok" : "unchanged",
                    "HTTP " + fetched.status(), failed));
            return line;
        }
        if (outcome instanceof FetchOutcome.NotModified) {
            tally.notModified++;
            sources.recordFetch(source.id(), new FetchState(state.etag(), state.lastModified(), state.contentHash(), nextDue),
                    health.afterFetch(now, "not-modified", "HTTP 304", false));
            return "not modified (304)";
        }
        if (outcome instanceof FetchOutcome.Deferred deferred) {
            tally.deferred++;
            // Keep the due time: it goes first next run.
            sources.recordFetch(source.id(), state, health.afterFetch(now, "deferred", deferred.reason(), false));
            return "deferred: " + deferred.reason();
        }
        if (outcome instanceof FetchOutcome.Disallowed disallowed) {
            tally.disallowed++;
            sources.recordFetch(source.id(), new FetchState(state.etag(), state.lastModified(), state.contentHash(), nextDue),
                    health.afterFetch(now, "disallowed", disallowed.reason(), true));
            return "disallowed: " + disallowed.reason();
        }
        FetchOutcome.Failed failed = (FetchOutcome.Failed) outcome;
        tally.failed++;
        sources.recordFetch(source.id(), new FetchState(state.etag(), state.lastModified(), state.contentHash(), nextDue),
                health.afterFetch(now, "failed", failed.reason(), true));
        return "failed: " + failed.reason();
    }

    private void onDetail(Source source, FetchOutcome outcome, Tally tally) {
        if (!(outcome instanceof FetchOutcome.Fetched fetched)) {
            Log.warn("detail page not fetched", "sourceId", source.id(), "url", outcome.request().url().toString(), "outcome", outcome.getClass().getSimpleName());
            return;
        }
        var write = pages.putIfChanged(new PageSnapshot(fetched.request().url().toString(), source.id(), fetched.contentType(),
                fetched.body(), null, Instant.now(clock), detailExtractionJson()));
        if (write == PageStore.Write.STORED) tally.detailPages++;
    }

    private static ExtractionConfig extractionConfig(SourceDefinition definition) {
        return new ExtractionConfig(definition.kind(), definition.selectors());
    }

    /** What the parser needs to read the page, frozen at fetch time so a snapshot can be parsed (and re-parsed) alone. */
    static String extractionJson(SourceDefinition definition, String role) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("kind", definition.kind());
        node.set("selectors", Json.mapper().valueToTree(definition.selectors()));
        node.put("role", role);
        return node.toString();
    }

    /** Detail pages carry one posting, found by auto-detection whatever the listing's kind. */
    static String detailExtractionJson() {
        return "{\"kind\":\"auto\",\"role\":\"" + PageParser.ROLE_DETAIL + "\"}";
    }

    /** Counters touched only from the fetcher's callback, which is never called concurrently. */
    private static final class Tally {
        int changed, unchanged, notModified, failed, disallowed, deferred, detailPages;
    }
}
