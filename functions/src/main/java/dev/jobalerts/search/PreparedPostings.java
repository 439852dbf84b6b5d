package dev.jobalerts.search;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Postings tokenised once, in a fixed order, to test one search at a time against all of them: the preview of a
 * search before it is saved. A posting passes exactly when {@link CompiledSearch#matches} says so — the code the
 * matcher's index and the scan verify with — and its explanation is the alert's "matched" terms, so a preview
 * cannot promise what alerts would not do.
 *
 * <p>Built once per window refresh and then only read. {@link #test} calls take turns: a posting's text sorts its
 * words lazily the first time a prefix term asks, which is not safe between threads (a Lambda container serves one
 * request at a time anyway; the local cloud's HTTP server may not).
 */
public final class PreparedPostings {

    /** One posting and the UTC day we first saw it: the date filter's fallback when the posting states no date. */
    public record Entry(Posting posting, LocalDate firstSeen) {
        public Entry {
            Objects.requireNonNull(posting, "posting");
        }
    }

    /**
     * @param matches how many postings the search matched
     * @param first   the first matches in list order, at most the limit asked for
     */
    public record Result(int matches, List<Hit> first) {
        public Result {
            first = List.copyOf(first);
        }
    }

    /**
     * @param index        the posting's position in the list the set was built from
     * @param matchedTerms the query's words and phrases found in it, as an alert's "matched" line shows them
     */
    public record Hit(int index, List<String> matchedTerms) {
        public Hit {
            matchedTerms = List.copyOf(matchedTerms);
        }
    }

    private final List<PreparedPosting> postings;

    public PreparedPostings(List<Entry> entries) {
        List<PreparedPosting> prepared = new ArrayList<>(entries.size());
        // Postings repeat the same words; held once each, the window takes about half the memory.
        Map<String, String> sharedWords = new HashMap<>();
        for (Entry entry : entries) prepared.add(PreparedPosting.of(entry.posting(), entry.firstSeen(), sharedWords));
        this.postings = List.copyOf(prepared);
    }

    public int size() {
        return postings.size();
    }

    /**
     * Tests {@code search} against every posting.
     *
     * @param today the day {@code postedWithinDays} counts back from, as for the matcher
     * @param limit how many matches to explain, in list order
     * @throws InvalidSearchException with field {@code query} when the query does not parse
     */
    public synchronized Result test(SavedSearch search, LocalDate today, int limit) {
        CompiledSearch compiled = CompiledSearch.compile("preview", search);
        int matches = 0;
        List<Hit> first = new ArrayList<>(Math.max(0, Math.min(limit, 16)));
        for (int i = 0; i < postings.size(); i++) {
            PreparedPosting posting = postings.get(i);
            if (!compiled.matches(posting, today)) continue;
            matches++;
            if (first.size() < limit) first.add(new Hit(i, compiled.toMatch(posting).matchedTerms()));
        }
        return new Result(matches, first);
    }
}
