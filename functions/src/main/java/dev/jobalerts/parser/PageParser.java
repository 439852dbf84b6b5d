package dev.jobalerts.parser;

import dev.jobalerts.adapter.ReadSpec;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.ExtractorKind;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.log.Log;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.store.Faults;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns one changed page snapshot into stored postings: read it as its {@link ReadSpec} says, then each posting goes
 * through {@link PostingIntake} — a conditional put, so that a replayed record or a re-parse stores nothing twice, and
 * a later copy of a job already stored (another board, a repost) is stored marked as that job's copy.
 */
public final class PageParser {
    private final PageStore pages;
    private final PostingIntake intake;
    private final SourceReader reader;
    private final Clock clock;

    public PageParser(PageStore pages, PostingStore postings, SourceReader reader, Clock clock) {
        this.pages = pages;
        this.intake = new PostingIntake(postings);
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * What parsing one page did. {@code found} postings were on the page, {@code stored} of them were new, and
     * {@code copies} of those were later copies of a job already stored.
     */
    public record Outcome(String key, ExtractorKind extractor, int found, int stored, int copies, boolean pageMissing) {}

    /** Parses the snapshot stored under {@code key}. */
    public Outcome parse(String key) {
        Optional<PageSnapshot> snapshot = pages.find(key);
        if (snapshot.isEmpty()) {
            // Expired by TTL or removed since the record was written: nothing to parse, nothing to retry.
            Log.warn("page snapshot missing", "page", key);
            return new Outcome(key, ExtractorKind.NONE, 0, 0, 0, true);
        }
        return parse(snapshot.get());
    }

    public Outcome parse(PageSnapshot page) {
        ReadSpec spec = readSpec(page);
        ExtractionResult result = reader.read(new PageContent(page.url(), page.contentType(), page.body(), page.fetchedAt()), spec);
        Instant now = Instant.now(clock);
        int stored = 0, copies = 0;
        for (Posting posting : result.postings()) {
            try {
                PostingIntake.Result done = intake.store(posting, page.sourceId(), spec.boardName(), now);
                if (done.stored()) {
                    stored++;
                    if (done.copyOf() != null) copies++;
                    Log.info("posting stored", "postingId", posting.id(), "sourceId", page.sourceId(), "url", page.url(), "extractor", result.extractor().id(),
                            "copyOf", done.copyOf(), "similarity", done.similarity());
                }
            } catch (RuntimeException e) {
                // Throttling or a timeout: the page is retried from here. Anything else fails the same way every
                // time, so that one posting is skipped and its siblings and the pages behind it are stored.
                if (Faults.isTransient(e)) throw e;
                Log.warn("posting not stored", "postingId", posting.id(), "sourceId", page.sourceId(), "page", page.key(), "problem", e.toString());
            }
        }
        Log.info("page parsed", "page", page.key(), "sourceId", page.sourceId(), "extractor", result.extractor().id(),
                "found", result.postings().size(), "stored", stored, "copies", copies, "warnings", result.warnings());
        return new Outcome(page.key(), result.extractor(), result.postings().size(), stored, copies, false);
    }

    private static ReadSpec readSpec(PageSnapshot page) {
        try {
            return ReadSpec.fromJson(page.readSpec());
        } catch (IllegalArgumentException e) {
            Log.warn("page has unreadable reading settings; detecting", "page", page.key(), "problem", e.getMessage());
            return ReadSpec.detecting();
        }
    }
}
