package dev.jobalerts.adapter;

import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.ExtractionConfig;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PageReaders;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Any URL no adapter claims: one GET, read by the page readers (JSON-LD, microdata, RDFa, feeds, JSON lists,
 * selectors, plain page). With {@code followDetails} the page is a listing of links whose detail pages hold the
 * postings; every link is considered on every run and up to that many not yet stored are fetched per run.
 */
final class PageBoard implements Board {
    private final URI url;
    private final ExtractionConfig config;
    private final int followDetails;
    private final int maxLinks;
    private final PageReaders readers;

    PageBoard(URI url, ExtractionConfig config, int followDetails, int maxLinks, PageReaders readers) {
        this.url = url;
        this.config = config;
        this.followDetails = followDetails;
        this.maxLinks = maxLinks;
        this.readers = readers;
    }

    @Override
    public SourceKind kind() {
        return config.kind();
    }

    @Override
    public String label() {
        return url.getHost() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public ApiRequest firstPage(Map<String, String> credentials) {
        return ApiRequest.get(url);
    }

    @Override
    public boolean conditional() {
        return followDetails == 0;
    }

    @Override
    public int detailsPerRun() {
        return followDetails == 0 ? Integer.MAX_VALUE : followDetails;
    }

    @Override
    public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
        if (followDetails > 0) {
            List<ListingEntry> entries = new ArrayList<>();
            for (String link : readers.detailLinks(response, config, maxLinks)) {
                PostingDraft linked = new PostingDraft();
                linked.url = link;
                entries.add(new ListingEntry(linked, ApiRequest.get(URI.create(link))));
            }
            return new ListingPage(entries, null, null, null, null);
        }
        PageReaders.Found found = readers.readDrafts(response, config, ctx);
        return new ListingPage(found.drafts().stream().map(ListingEntry::complete).toList(), null, null, found.reader(), null);
    }

    @Override
    public ListingPage readDetail(PageContent response, Extraction ctx) {
        // A detail page carries its posting in whatever form its site uses, whatever the listing's kind.
        ExtractionConfig auto = new ExtractionConfig(SourceKind.AUTO, Map.of(), config.sourceName(), config.locale(), config.remote());
        PageReaders.Found found = readers.readDrafts(response, auto, ctx);
        return new ListingPage(found.drafts().stream().map(ListingEntry::complete).toList(), null, null, found.reader(), null);
    }
}
