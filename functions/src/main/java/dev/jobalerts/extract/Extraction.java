package dev.jobalerts.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The state of reading one page or response: the page and the warnings collected so far. */
public final class Extraction {
    private final PageContent page;
    private final List<String> warnings = new ArrayList<>();
    private UrlResolver pageLinks;
    private UrlResolver documentLinks;

    public Extraction(PageContent page) {
        this.page = page;
    }

    public String pageUrl() {
        return page.url();
    }

    /** Resolves links in structured data against the page URL; made on first use, for this page only. */
    UrlResolver pageLinks() {
        if (pageLinks == null) pageLinks = new UrlResolver(page.url());
        return pageLinks;
    }

    /** Resolves an element's links against the document's base URL: the page URL unless a {@code <base>} changed it. */
    UrlResolver links(String documentBase) {
        if (documentBase.equals(page.url())) return pageLinks();
        if (documentLinks == null || !documentLinks.base().equals(documentBase)) documentLinks = new UrlResolver(documentBase);
        return documentLinks;
    }

    public Instant fetchedAt() {
        return page.fetchedAt();
    }

    public void warn(String message) {
        warnings.add(message);
    }

    /**
     * Runs one item's mapping; a bug or a shape we did not foresee in that item skips it with a warning instead of
     * losing the rest of the page.
     */
    public void each(List<PostingDraft> out, String what, Supplier<PostingDraft> mapping) {
        try {
            PostingDraft draft = mapping.get();
            if (draft != null) out.add(draft);
        } catch (RuntimeException e) {
            warn("skipped " + what + ": " + e);
        }
    }

    public List<String> warnings() {
        return warnings;
    }
}
