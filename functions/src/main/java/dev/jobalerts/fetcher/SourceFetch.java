package dev.jobalerts.fetcher;

import dev.jobalerts.adapter.Board;
import dev.jobalerts.adapter.ListingEntry;
import dev.jobalerts.adapter.ListingPage;
import dev.jobalerts.adapter.ReadSpec;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.http.FetchOutcome;
import dev.jobalerts.http.FetchRequest;
import dev.jobalerts.log.Log;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceHealth;
import dev.jobalerts.store.PageKey;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One source's part of a {@link FetchRun}: its listing read page by page ({@link ListingCrawl}), each page that
 * holds whole postings stored for the parser, then the detail answers its listing still lacks, each stored with the
 * listing's view of its posting. Which details are missing is worked out from the listing on every run, so a run
 * cut short by its deadline leaves nothing behind: the next run asks again for what is still not stored.
 */
final class SourceFetch {
    private final Source source;
    private final Board board;
    private final ListingCrawl crawl;
    private final PageStore pages;
    private final Instant startedAt;
    private final Map<FetchRequest, ListingEntry> detailOf = new IdentityHashMap<>();
    private int outstanding;
    private int pagesStored;
    private boolean tooLarge;
    private int detailsAsked;
    private int detailsStored;
    private int detailsMissing;
    private final Map<String, Integer> detailFailures = new LinkedHashMap<>();

    SourceFetch(Source source, Board board, PageStore pages, Instant startedAt) {
        this.source = source;
        this.board = board;
        this.pages = pages;
        this.startedAt = startedAt;
        this.crawl = new ListingCrawl(source.definition(), board, startedAt);
    }

    String id() {
        return source.id();
    }

    FetchRequest start(Map<String, String> credentials) {
        outstanding++;
        return crawl.start(credentials, source.fetchState());
    }

    /** Takes one outcome of this source's requests; returns the requests that follow from it. */
    List<FetchRequest> accept(FetchOutcome outcome) {
        outstanding--;
        ListingEntry entry = detailOf.remove(outcome.request());
        List<FetchRequest> next = entry != null ? onDetail(entry, outcome) : onListing(outcome);
        outstanding += next.size();
        return next;
    }

    boolean done() {
        return outstanding == 0;
    }

    private List<FetchRequest> onListing(FetchOutcome outcome) {
        ListingCrawl.Step step = crawl.accept(outcome);
        if (step.read() != null) store(step.read());
        if (step.next() != null) return List.of(step.next());
        return crawl.status() == ListingCrawl.Status.DISALLOWED ? List.of() : detailRequests();
    }

    /** A page is stored when it holds whole postings; a page of links and stubs is only the way to its details. */
    private void store(ListingCrawl.PageRead read) {
        ListingPage page = read.page();
        if (page.entries().stream().allMatch(ListingEntry::needsDetail) && !page.entries().isEmpty()) return;
        if (page.entries().isEmpty()) return;
        var fetched = read.response();
        var write = pages.putIfChanged(new PageSnapshot(read.key(), fetched.finalUrl().toString(), source.id(), fetched.contentType(),
                fetched.body(), null, startedAt, ReadSpec.listing(source.definition(), board.kind()).toJson()));
        if (write == PageStore.Write.STORED) pagesStored++;
        if (write == PageStore.Write.TOO_LARGE) tooLarge = true;
    }

    /** The detail answers the listing's postings still lack, up to the board's bound per run. */
    private List<FetchRequest> detailRequests() {
        Map<String, ListingEntry> wanted = new LinkedHashMap<>();
        for (ListingEntry entry : crawl.entries()) {
            if (!entry.needsDetail()) continue;
            var api = entry.detail();
            wanted.putIfAbsent(PageKey.of(api.method(), api.url().toString(), api.body()), entry);
        }
        if (wanted.isEmpty()) return List.of();
        Set<String> stored = pages.existing(wanted.keySet());
        detailsMissing = wanted.size() - stored.size();
        List<FetchRequest> requests = new ArrayList<>();
        SourceDefinition definition = source.definition();
        for (Map.Entry<String, ListingEntry> e : wanted.entrySet()) {
            if (stored.contains(e.getKey())) continue;
            if (requests.size() >= board.detailsPerRun()) break;
            var api = e.getValue().detail();
            FetchRequest request = new FetchRequest(definition.id(), api.url(), null, null, definition.delayDuration(),
                    api.method(), api.body(), api.headers(), api.secrets());
            detailOf.put(request, e.getValue());
            requests.add(request);
        }
        detailsAsked = requests.size();
        return requests;
    }

    private List<FetchRequest> onDetail(ListingEntry entry, FetchOutcome outcome) {
        if (!(outcome instanceof FetchOutcome.Fetched fetched)) {
            String why = outcome instanceof FetchOutcome.Failed f ? (f.status() > 0 ? "HTTP " + f.status() : f.reason())
                    : outcome.getClass().getSimpleName().toLowerCase();
            detailFailures.merge(why, 1, Integer::sum);
            Log.warn("detail not fetched", "sourceId", source.id(), "url", outcome.request().url().toString(), "outcome", why);
            return List.of();
        }
        PageContent content = new PageContent(fetched.finalUrl().toString(), fetched.contentType(), fetched.body(), startedAt);
        ListingPage read = board.readDetail(content, new Extraction(content));
        if (!read.readable()) {
            // Not stored, so the next run asks again: a login wall today may be a posting tomorrow.
            detailFailures.merge(read.problem(), 1, Integer::sum);
            Log.warn("detail unreadable", "sourceId", source.id(), "url", outcome.request().url().toString(), "problem", read.problem());
            return List.of();
        }
        FetchRequest request = fetched.request();
        var write = pages.putIfChanged(new PageSnapshot(PageKey.of(request.method(), request.url().toString(), request.body()),
                fetched.finalUrl().toString(), source.id(), fetched.contentType(), fetched.body(), null, startedAt,
                ReadSpec.detail(source.definition(), board.kind(), entry.draft()).toJson()));
        if (write == PageStore.Write.STORED) detailsStored++;
        if (write == PageStore.Write.TOO_LARGE) detailFailures.merge("too large to store", 1, Integer::sum);
        return List.of();
    }

    /** What the run did for this source, once every request has its outcome. */
    Result result(Instant now) {
        SourceDefinition definition = source.definition();
        FetchState state = source.fetchState();
        SourceHealth health = source.health();
        Instant nextDue = now.plus(definition.everyDuration());
        String why = crawl.detail();
        FetchStatus status;
        FetchState nextState;
        switch (crawl.status()) {
            case COMPLETE -> {
                boolean changed = !crawl.contentHash().equals(state.contentHash());
                status = tooLarge ? FetchStatus.FAILED : changed ? FetchStatus.OK : FetchStatus.UNCHANGED;
                if (tooLarge) why = "a listing page is too large to store";
                // Validators only mean something for a listing that is one conditional GET.
                boolean conditional = crawl.pagesRead() == 1 && board.conditional();
                nextState = tooLarge ? state : new FetchState(conditional ? crawl.etag() : null, conditional ? crawl.lastModified() : null,
                        crawl.contentHash(), nextDue);
                if (!tooLarge) health = health.afterListing(crawl.entries().size());
            }
            case NOT_MODIFIED -> {
                status = FetchStatus.NOT_MODIFIED;
                nextState = new FetchState(state.etag(), state.lastModified(), state.contentHash(), nextDue);
            }
            case DEFERRED -> {
                status = FetchStatus.DEFERRED;
                // Keep the due time: it goes first next run.
                nextState = state;
            }
            case DISALLOWED -> {
                status = FetchStatus.DISALLOWED;
                nextState = new FetchState(state.etag(), state.lastModified(), state.contentHash(), nextDue);
            }
            default -> {
                status = FetchStatus.FAILED;
                nextState = new FetchState(state.etag(), state.lastModified(), state.contentHash(), nextDue);
            }
        }
        String httpWhy = why.isEmpty() && crawl.lastHttpStatus() > 0 ? "HTTP " + crawl.lastHttpStatus() : why;
        String detailNote = detailNote();
        SourceHealth after = health.afterFetch(now, status, httpWhy + (detailNote.isEmpty() ? "" : (httpWhy.isEmpty() ? "" : "; ") + detailNote));
        return new Result(new SourceReport(source.id(), status, sentence(status, why)), nextState, after, pagesStored, detailsStored);
    }

    private String detailNote() {
        StringBuilder note = new StringBuilder();
        if (detailsAsked > 0 || detailsMissing > 0) {
            note.append(detailsStored).append(" of ").append(detailsMissing).append(" missing details fetched");
            if (!detailFailures.isEmpty()) note.append(", not fetched: ").append(detailFailures);
        }
        return note.toString();
    }

    private String sentence(FetchStatus status, String why) {
        StringBuilder line = new StringBuilder(status == FetchStatus.OK ? "changed" : status.stored());
        if (!why.isEmpty()) line.append(": ").append(why);
        if (crawl.pagesRead() > 0) {
            line.append(", ").append(crawl.entries().size()).append(" postings");
            if (crawl.pagesRead() > 1) line.append(" on ").append(crawl.pagesRead()).append(" pages");
            line.append(", ").append(pagesStored).append(pagesStored == 1 ? " page" : " pages").append(" stored");
        }
        String note = detailNote();
        if (!note.isEmpty()) line.append(", ").append(note);
        return line.toString();
    }

    /** What to record for the source and report to the operator. */
    record Result(SourceReport report, FetchState state, SourceHealth health, int pagesStored, int detailsStored) {}
}
