package dev.jobalerts.search;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.Optional;

/** The reference evaluation of one saved search against one posting (tests, tools, the benchmark baseline). */
public final class SearchEvaluator {
    private SearchEvaluator() {}

    /**
     * The match of {@code search} for {@code posting}, if it matches. Parses the query and tokenises the posting on
     * every call: to test many searches, use {@link SearchScan} or {@link SearchIndex}.
     *
     * @throws InvalidSearchException with field {@code query} when the query does not parse
     */
    public static Optional<SearchMatch> evaluate(String key, SavedSearch search, Posting posting, LocalDate firstSeen, LocalDate today) {
        CompiledSearch compiled = CompiledSearch.compile(key, search);
        PreparedPosting prepared = PreparedPosting.of(posting, firstSeen);
        return compiled.matches(prepared, today) ? Optional.of(compiled.toMatch(prepared)) : Optional.empty();
    }
}
