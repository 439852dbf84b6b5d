package dev.jobalerts.search;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.List;

/**
 * A set of saved searches, each under a key, that finds the searches a posting matches. {@link SearchIndex} is the
 * fast one; {@link SearchScan} tests every search and is the reference the index is checked against.
 */
public interface SearchMatcher {

    /** Adds or replaces the search under key. Throws InvalidSearchException(field "query", ...) if its query does not parse. */
    void put(String key, SavedSearch search);

    void remove(String key);

    int size();

    /** All matches for one posting, in no particular order. firstSeen may be null; today is "now" for postedWithinDays. */
    List<SearchMatch> match(Posting posting, LocalDate firstSeen, LocalDate today);
}
