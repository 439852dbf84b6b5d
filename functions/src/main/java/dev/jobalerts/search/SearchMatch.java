package dev.jobalerts.search;

import java.util.List;
import java.util.Objects;

/**
 * One saved search that matched one posting.
 *
 * @param key          the key the search was stored under (e.g. {@code subscriberId/searchId})
 * @param matchedTerms words and phrases of the query found in the posting, in query order, for the alert's
 *                     "matched: python, django" line; empty for a search that has only filters
 */
public record SearchMatch(String key, SavedSearch search, List<String> matchedTerms) {
    public SearchMatch {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(search, "search");
        matchedTerms = List.copyOf(matchedTerms);
    }
}
