package dev.jobalerts.adapter;

import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.source.SourceKind;
import java.util.Map;

/**
 * One board of a family (a Workday tenant's site, a SmartRecruiters company, a Remotive search): the requests that
 * read its listing page by page, and how to read each answer. Made by its {@link SourceAdapter}; immutable.
 */
public interface Board {
    SourceKind kind();

    /** Names the board for people: "nielsen / Careers". */
    String label();

    /**
     * The request for the listing's first page. {@code credentials} holds the resolved values of the credentials
     * the adapter asked for; a board puts them into the request's secrets, never into its URL.
     */
    ApiRequest firstPage(Map<String, String> credentials);

    /**
     * Reads one listing answer: its postings, each with the detail request that completes it when the listing lacks
     * the description, and the request for the next page when the listing goes on. {@code request} is null when a
     * stored answer is read again. A body that is not what the API answers (an HTML login wall, a changed schema) is
     * {@link ListingPage#unreadable}, never an empty page.
     */
    ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx);

    /** Reads one detail answer (entries only, no next page); boards whose listing is complete have none. */
    default ListingPage readDetail(PageContent response, Extraction ctx) {
        return ListingPage.unreadable(kind().label() + " has no detail answers");
    }

    /** Whether a saved answer is a detail answer rather than a listing page (for {@code parse} of a file). */
    default boolean isDetail(PageContent response) {
        return false;
    }

    /**
     * Whether the first page may be fetched with the stored ETag/Last-Modified. Only for a listing that is one GET
     * whose postings are all on it: a listing whose details are worked out from it on every run needs its body.
     */
    default boolean conditional() {
        return false;
    }

    /** Most detail answers fetched per run: a bound the operator set, or none (the deadline decides). */
    default int detailsPerRun() {
        return Integer.MAX_VALUE;
    }
}
