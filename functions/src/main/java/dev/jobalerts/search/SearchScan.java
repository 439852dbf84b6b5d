package dev.jobalerts.search;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests every saved search against each posting: the one-by-one evaluation the index must agree with, and the
 * benchmark's baseline. Searches are compiled once and the posting is tokenised once per {@link #match} call,
 * so the comparison with the index measures the index, not repeated parsing.
 */
public final class SearchScan implements SearchMatcher {
    private final Map<String, CompiledSearch> searches = new LinkedHashMap<>();

    @Override
    public void put(String key, SavedSearch search) {
        searches.put(key, CompiledSearch.compile(key, search));
    }

    @Override
    public void remove(String key) {
        searches.remove(key);
    }

    @Override
    public int size() {
        return searches.size();
    }

    @Override
    public List<SearchMatch> match(Posting posting, LocalDate firstSeen, LocalDate today) {
        PreparedPosting prepared = PreparedPosting.of(posting, firstSeen);
        List<SearchMatch> matches = new ArrayList<>();
        for (CompiledSearch search : searches.values()) {
            if (search.matches(prepared, today)) matches.add(search.toMatch(prepared));
        }
        return matches;
    }
}
