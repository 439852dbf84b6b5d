package dev.jobalerts.local.ops;

import dev.jobalerts.extract.ExtractionConfig;
import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingExtractor;
import dev.jobalerts.fetch.FetchOutcome;
import dev.jobalerts.fetch.FetchRequest;
import dev.jobalerts.fetch.FetchSettings;
import dev.jobalerts.fetch.PoliteFetcher;
import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.source.SourceDefinition;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a source's listing once, exactly as the scheduled fetch would (same URL rewriting for ATS boards, same
 * robots.txt and SSRF rules), and extracts it without storing anything: what {@code sources add} shows the operator
 * before saving.
 */
final class Probe {
    /** A probe that is slower than this is not worth waiting for at a terminal. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    /** What the probe saw. {@code problem} is null when the page was fetched. */
    record Result(String fetchedUrl, String problem, String extractor, int postings, int detailLinks, List<String> warnings) {
        boolean fetched() {
            return problem == null;
        }
    }

    private Probe() {}

    static Result run(SourceDefinition definition, FetchSettings settings) {
        String url = FetchRun.listingUrl(definition);
        List<FetchOutcome> outcomes = new ArrayList<>();
        try (PoliteFetcher fetcher = new PoliteFetcher(settings)) {
            fetcher.fetchAll(List.of(FetchRequest.of(definition.id(), URI.create(url))), Instant.now().plus(LIMIT), outcomes::add);
        }
        if (outcomes.isEmpty()) return new Result(url, "no answer within " + LIMIT.toSeconds() + " s", ExtractionResult.NONE, 0, 0, List.of());
        FetchOutcome outcome = outcomes.get(0);
        if (!(outcome instanceof FetchOutcome.Fetched fetched)) return new Result(url, describe(outcome), ExtractionResult.NONE, 0, 0, List.of());
        var content = new PageContent(fetched.finalUrl().toString(), fetched.contentType(), fetched.body(), Instant.now());
        var config = new ExtractionConfig(definition.kind(), definition.selectors());
        var extractor = new PostingExtractor();
        if (definition.followDetails() > 0) {
            // Such a listing is read for links only; the postings are on the detail pages the fetch follows.
            int links = extractor.detailLinks(content, config, definition.followDetails()).size();
            return new Result(url, null, "detail pages", 0, links, List.of());
        }
        ExtractionResult result = extractor.extract(content, config);
        return new Result(url, null, result.extractor(), result.postings().size(), 0, result.warnings());
    }

    /** Java 17 has no pattern switch; the outcome types are few and fixed (a sealed interface). */
    private static String describe(FetchOutcome outcome) {
        if (outcome instanceof FetchOutcome.Failed failed) return "failed: " + failed.reason();
        if (outcome instanceof FetchOutcome.Disallowed disallowed) return "disallowed: " + disallowed.reason();
        if (outcome instanceof FetchOutcome.Deferred deferred) return "deferred: " + deferred.reason();
        return "not modified";
    }
}
