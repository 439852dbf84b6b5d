package dev.jobalerts.parser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.ExtractionConfig;
import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingExtractor;
import dev.jobalerts.json.Json;
import dev.jobalerts.log.Log;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.StoredPosting;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns one changed page snapshot into stored postings: extract, then a conditional put per posting so that a
 * replayed record, a re-parse or a second source carrying the same job stores nothing twice. Listing pages also
 * report how many postings they held, which feeds the source's health.
 */
public final class PageParser {
    /** Snapshot role: a listing's count says whether the source is healthy; a detail page holds one posting. */
    public static final String ROLE_LISTING = "listing";
    public static final String ROLE_DETAIL = "detail";

    private final PageStore pages;
    private final PostingStore postings;
    private final SourceStore sources;
    private final PostingExtractor extractor;
    private final Clock clock;

    public PageParser(PageStore pages, PostingStore postings, SourceStore sources, PostingExtractor extractor, Clock clock) {
        this.pages = pages;
        this.postings = postings;
        this.sources = sources;
        this.extractor = extractor;
        this.clock = clock;
    }

    /** What parsing one page did. {@code found} postings were on the page, {@code stored} of them were new. */
    public record Outcome(String url, String extractor, int found, int stored, boolean pageMissing) {}

    public Outcome parse(String url) {
        Optional<PageSnapshot> snapshot = pages.find(url);
        if (snapshot.isEmpty()) {
            // Expired by TTL or removed since the record was written: nothing to parse, nothing to retry.
            Log.warn("page snapshot missing", "url", url);
            return new Outcome(url, ExtractionResult.NONE, 0, 0, true);
        }
        return parse(snapshot.get());
    }

    public Outcome parse(PageSnapshot page) {
        JsonNode extraction = readExtraction(page);
        ExtractionConfig config = configOf(page, extraction);
        ExtractionResult result = extractor.extract(new PageContent(page.url(), page.contentType(), page.body(), page.fetchedAt()), config);
        Instant now = Instant.now(clock);
        int stored = 0;
        for (Posting posting : result.postings()) {
            if (postings.putIfAbsent(new StoredPosting(posting, page.sourceId(), now))) {
                stored++;
                Log.info("posting stored", "postingId", posting.id(), "sourceId", page.sourceId(), "url", page.url(), "extractor", result.extractor());
            }
        }
        if (ROLE_LISTING.equals(extraction.path("role").asText(ROLE_LISTING))) sources.recordParse(page.sourceId(), result.postings().size());
        Log.info("page parsed", "url", page.url(), "sourceId", page.sourceId(), "extractor", result.extractor(),
                "found", result.postings().size(), "stored", stored, "warnings", result.warnings());
        return new Outcome(page.url(), result.extractor(), result.postings().size(), stored, false);
    }

    private static JsonNode readExtraction(PageSnapshot page) {
        try {
            return Json.mapper().readTree(page.extractionJson());
        } catch (IOException e) {
            Log.warn("page has unreadable extraction settings; using auto", "url", page.url());
            return Json.mapper().createObjectNode();
        }
    }

    private static ExtractionConfig configOf(PageSnapshot page, JsonNode extraction) {
        try {
            return ExtractionConfig.fromSourceJson(extraction);
        } catch (IllegalArgumentException e) {
            Log.warn("page has invalid extraction settings; using auto", "url", page.url(), "problem", e.getMessage());
            return ExtractionConfig.auto();
        }
    }
}
