package dev.jobalerts.fetcher;

import dev.jobalerts.adapter.ApiRequest;
import dev.jobalerts.adapter.Board;
import dev.jobalerts.adapter.ListingEntry;
import dev.jobalerts.adapter.ListingPage;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.ExtractorKind;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PageReaders;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.http.FetchOutcome;
import dev.jobalerts.http.FetchRequest;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.store.PageKey;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.url.HttpUrls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading one source's listing in one run: the board's first page, then each next page, until the board says it is
 * the last, the source's {@code maxPostings} is reached, a page brings no posting not seen on an earlier one (an
 * endless pager), or a request fails. Stores nothing: {@link FetchRun} stores what it reads and {@code sources add}
 * only counts it. Not thread-safe; the fetcher calls back one outcome at a time.
 */
public final class ListingCrawl {
    /** Pages read from one listing per run at most, whatever the board says: a guard against a pager that never ends. */
    static final int MAX_PAGES = 500;

    /** Where the listing stands. */
    public enum Status { READING, COMPLETE, NOT_MODIFIED, FAILED, DISALLOWED, DEFERRED }

    /** One listing answer that was read: the request, the answer and what it held. */
    public record PageRead(FetchRequest request, FetchOutcome.Fetched response, ListingPage page) {
        /** The Pages table key of this answer. */
        public String key() {
            return PageKey.of(request.method(), request.url().toString(), request.body());
        }
    }

    /** What one outcome did: the page it read (null if none) and the next request (null when the listing is done). */
    public record Step(PageRead read, FetchRequest next) {}

    private final SourceDefinition source;
    private final Board board;
    private final Instant fetchedAt;
    private final Map<FetchRequest, ApiRequest> asked = new IdentityHashMap<>();
    private final Map<String, ListingEntry> entries = new LinkedHashMap<>();
    private final List<String> pageHashes = new ArrayList<>();
    private Status status = Status.READING;
    private String detail = "";
    private int lastHttpStatus;
    private String etag;
    private String lastModified;
    private Integer total;
    private ExtractorKind reader;
    private final List<String> warnings = new ArrayList<>();

    public ListingCrawl(SourceDefinition source, Board board, Instant fetchedAt) {
        this.source = source;
        this.board = board;
        this.fetchedAt = fetchedAt;
    }

    /** The first page's request; conditional (the stored validators) only where the board allows. */
    public FetchRequest start(Map<String, String> credentials, FetchState state) {
        ApiRequest first = board.firstPage(credentials);
        boolean conditional = board.conditional();
        return request(first, conditional ? state.etag() : null, conditional ? state.lastModified() : null);
    }

    private FetchRequest request(ApiRequest api, String etag, String lastModified) {
        FetchRequest request = new FetchRequest(source.id(), api.url(), etag, lastModified, source.delayDuration(),
                api.method(), api.body(), api.headers(), api.secrets());
        asked.put(request, api);
        return request;
    }

    /** Takes the outcome of one of this crawl's requests. */
    public Step accept(FetchOutcome outcome) {
        ApiRequest api = asked.remove(outcome.request());
        int page = pageHashes.size() + 1;
        String where = page == 1 ? "" : "page " + page + ": ";
        if (outcome instanceof FetchOutcome.Fetched fetched) {
            lastHttpStatus = fetched.status();
            return read(api, fetched, where);
        }
        if (outcome instanceof FetchOutcome.NotModified) {
            lastHttpStatus = 304;
            return done(Status.NOT_MODIFIED, "HTTP 304");
        }
        if (outcome instanceof FetchOutcome.Deferred deferred) return done(Status.DEFERRED, where + deferred.reason());
        if (outcome instanceof FetchOutcome.Disallowed disallowed) return done(Status.DISALLOWED, where + disallowed.reason());
        FetchOutcome.Failed failed = (FetchOutcome.Failed) outcome;
        lastHttpStatus = failed.status();
        return done(Status.FAILED, where + failed.reason() + hint(failed.status()));
    }

    private Step read(ApiRequest api, FetchOutcome.Fetched fetched, String where) {
        PageContent content = new PageContent(fetched.finalUrl().toString(), fetched.contentType(), fetched.body(), fetchedAt);
        Extraction ctx = new Extraction(content);
        ListingPage page = board.readListing(api, content, ctx);
        warnings.addAll(ctx.warnings());
        if (!page.readable()) return done(Status.FAILED, where + page.problem());
        if (total == null) total = page.total();
        if (page.reader() != null) reader = page.reader();
        if (pageHashes.isEmpty()) {
            etag = fetched.etag();
            lastModified = fetched.lastModified();
        }
        pageHashes.add(PageSnapshot.hash(fetched.body()));
        PageRead read = new PageRead(fetched.request(), fetched, page);
        int added = 0;
        boolean capped = false;
        List<String> ids = ids(page, ctx);
        for (int i = 0; i < page.entries().size(); i++) {
            if (entries.size() >= source.maxPostings()) {
                capped = true;
                break;
            }
            if (entries.putIfAbsent(ids.get(i), page.entries().get(i)) == null) added++;
        }
        int pagesRead = pageHashes.size();
        if (capped || (entries.size() >= source.maxPostings() && page.next() != null))
            return new Step(read, finish(Status.COMPLETE, "stopped at maxPostings " + source.maxPostings()));
        if (page.next() == null) return new Step(read, finish(Status.COMPLETE, ""));
        if (page.entries().isEmpty()) return new Step(read, finish(Status.COMPLETE, ""));
        if (added == 0) return new Step(read, finish(Status.COMPLETE, "page " + pagesRead + " repeated earlier postings; stopped paging"));
        if (pagesRead >= MAX_PAGES) return new Step(read, finish(Status.COMPLETE, "stopped after " + MAX_PAGES + " pages"));
        return new Step(read, request(page.next(), null, null));
    }

    /**
     * What tells the entries apart: the posting id as the parser will store it for a whole posting (built the same
     * way, so two entries without a URL of their own still count as two), the detail request for one a detail
     * completes (two listings of one requisition are two answers to ask; the detail decides their identity).
     */
    private List<String> ids(ListingPage page, Extraction ctx) {
        List<String> ids = new ArrayList<>(page.entries().size());
        int index = 0;
        for (ListingEntry entry : page.entries()) {
            PostingDraft d = entry.draft();
            String id = null;
            if (entry.needsDetail()) {
                id = entry.detail().method() + " " + entry.detail().url() + (entry.detail().body() == null ? "" : " " + entry.detail().body());
            } else {
                List<Posting> built = PageReaders.build(ExtractorKind.of(board.kind()), List.of(d), ctx);
                if (!built.isEmpty()) id = built.get(0).id();
                else if (d.atsId != null) id = d.atsId;
                else if (d.url != null && !d.url.isBlank()) id = HttpUrls.canonical(d.url);
            }
            ids.add(id == null ? ctx.pageUrl() + "#" + pageHashes.size() + "." + index : id);
            index++;
        }
        return ids;
    }

    private Step done(Status outcome, String why) {
        return new Step(null, finish(outcome, why));
    }

    private FetchRequest finish(Status outcome, String why) {
        status = outcome;
        detail = why;
        return null;
    }

    /** A 401 or 403 from a board that takes credentials means they are missing, wrong or expired. */
    private String hint(int httpStatus) {
        if ((httpStatus == 401 || httpStatus == 403) && !source.credentials().isEmpty())
            return " (the API refused the credentials " + source.credentials().keySet() + "; check their references and values)";
        if (httpStatus == 401 || httpStatus == 403) return " (the board refuses anonymous reads)";
        return "";
    }

    public Status status() {
        return status;
    }

    /** Why it ended where it did ("HTTP 304", "page 3: HTTP 500 (after 3 attempts)", "stopped at maxPostings 1000"). */
    public String detail() {
        return detail;
    }

    public int lastHttpStatus() {
        return lastHttpStatus;
    }

    /** The first page's ETag, to send back next run when the board fetches conditionally. */
    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    /** How many postings the board said it has, when it said. */
    public Integer total() {
        return total;
    }

    /** Which page reader found the postings, for a source read by the page readers; null for a family's API. */
    public ExtractorKind reader() {
        return reader;
    }

    /** What the boards skipped as malformed while reading the pages. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public int pagesRead() {
        return pageHashes.size();
    }

    /** The postings read so far, one per id, in the board's order. */
    public List<ListingEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** A hash of every page read, in order: what says whether the listing changed since the last run. */
    public String contentHash() {
        return pageHashes.size() == 1 ? pageHashes.get(0) : PageSnapshot.hash(String.join("\n", pageHashes));
    }

    public Board board() {
        return board;
    }
}
