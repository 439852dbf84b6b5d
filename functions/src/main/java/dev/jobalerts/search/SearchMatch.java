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

    /**
     * The one wording of the "matched" line that alerts, feeds and previews show: {@code python, django}. Whitespace
     * inside a phrase is collapsed and empty terms are left out; empty when nothing is left (a filter-only search).
     */
    public static String matchedLine(List<String> matchedTerms) {
        return String.join(", ", matchedTerms.stream().filter(Objects::nonNull)
                .map(term -> term.replaceAll("[\\s\\p{Cntrl}]+", " ").strip()).filter(term -> !term.isEmpty()).toList());
    }
}
