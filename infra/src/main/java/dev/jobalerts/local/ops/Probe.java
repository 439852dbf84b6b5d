package dev.jobalerts.local.ops;

import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.ApiRequest;
import dev.jobalerts.adapter.Board;
import dev.jobalerts.extract.ExtractorKind;
import dev.jobalerts.http.FetchRequest;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.fetcher.Credentials;
import dev.jobalerts.fetcher.ListingCrawl;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.SourceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a source's listing once, exactly as the scheduled fetch would (the same board, paging, robots.txt and SSRF
 * rules), without storing anything: what {@code sources add} shows the operator before saving.
 */
final class Probe {
    /** A probe that is slower than this is not worth waiting for at a terminal. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    /**
     * What the probe saw.
     *
     * @param request   what was asked first ("POST https://…/jobs")
     * @param problem   why the listing could not be read; null when it was
     * @param postings  postings on the listing (the board's own total when it says one)
     * @param complete  false when the probe stopped before the listing's end (its time limit)
     */
    record Result(Board board, String request, String problem, ExtractorKind reader, int postings, int needDetails, int pages,
                  boolean complete, List<String> warnings) {
        boolean fetched() {
            return problem == null;
        }

        /** "workday: nielsen / Careers, 143 postings". */
        String found() {
            String what = reader != null ? reader.id() : board.kind().id();
            return what + ": " + board.label() + ", " + (complete ? "" : "at least ") + postings + (postings == 1 ? " posting" : " postings");
        }
    }

    private Probe() {}

    static Result run(SourceDefinition definition, FetchSettings settings, Credentials credentials, Adapters adapters) {
        Board board = adapters.board(definition);
        Credentials.Resolved secrets = credentials.resolve(definition);
        ApiRequest first = board.firstPage(secrets.ok() ? secrets.values() : Map.of());
        String asked = first.method() + " " + first.url();
        if (!secrets.ok()) return new Result(board, asked, secrets.problem(), null, 0, 0, 0, false, List.of());
        ListingCrawl crawl = new ListingCrawl(definition, board, Instant.now());
        FetchRequest request = crawl.start(secrets.values(), FetchState.none());
        try (PoliteFetcher fetcher = new PoliteFetcher(settings)) {
            fetcher.crawl(List.of(request), Instant.now().plus(LIMIT), outcome -> {
                ListingCrawl.Step step = crawl.accept(outcome);
                return step.next() == null ? List.of() : List.of(step.next());
            });
        }
        ListingCrawl.Status status = crawl.status();
        boolean read = status == ListingCrawl.Status.COMPLETE || (status == ListingCrawl.Status.DEFERRED && crawl.pagesRead() > 0);
        String problem = read ? null : status.name().toLowerCase().replace('_', ' ') + ": " + crawl.detail();
        int postings = Math.max(crawl.entries().size(), crawl.total() == null ? 0 : crawl.total());
        int needDetails = (int) crawl.entries().stream().filter(e -> e.needsDetail()).count();
        boolean complete = status == ListingCrawl.Status.COMPLETE || crawl.total() != null;
        return new Result(board, asked, problem, crawl.reader(), postings, needDetails, crawl.pagesRead(), complete, crawl.warnings());
    }
}
