package dev.jobalerts.adapter;

import dev.jobalerts.extract.ExtractorKind;
import java.util.List;

/**
 * What one answer held: a listing page, or a detail answer (one posting, no next page).
 *
 * @param entries  the postings in the answer, in the board's order
 * @param next     the request for the following page; null when this was the last
 * @param total    the number of postings the board says it has, when it says; null otherwise
 * @param reader   which reader found them when it is not the board's family ({@code jsonld}, {@code rss} … for
 *                 pages read by the page readers, {@code none} when they found nothing); null for the family itself
 * @param problem  why the answer could not be read as this API's (HTML instead of JSON, a changed schema); null
 *                 when it was read
 */
public record ListingPage(List<ListingEntry> entries, ApiRequest next, Integer total, ExtractorKind reader, String problem) {
    public ListingPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static ListingPage of(List<ListingEntry> entries, ApiRequest next, Integer total) {
        return new ListingPage(entries, next, total, null, null);
    }

    public static ListingPage last(List<ListingEntry> entries) {
        return new ListingPage(entries, null, null, null, null);
    }

    public static ListingPage unreadable(String problem) {
        return new ListingPage(List.of(), null, null, null, problem);
    }

    public boolean readable() {
        return problem == null;
    }
}
