package dev.jobalerts.search;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stored-query index. Each search is compiled once and filed under a few keys chosen by {@link IndexPlanner}
 * (usually its rarest required word, or a location or company when that is rarer); a posting looks up the keys it
 * emits, and only the searches found there are verified, exactly as {@link SearchScan} would. Searches with no key
 * (only exclusions, only salary or date filters) are verified for every posting.
 *
 * <p>Meant to live across warm Lambda invocations: {@link #put} and {@link #remove} change one search without a
 * rebuild. Not thread-safe: the matcher uses one index from one thread.
 */
public final class SearchIndex implements SearchMatcher {
    private final Map<String, CompiledSearch> byKey = new HashMap<>();
    private final Map<IndexKey.Kind, Map<String, List<CompiledSearch>>> buckets = new EnumMap<>(IndexKey.Kind.class);
    private final List<CompiledSearch> always = new ArrayList<>();
    /** Per prefix kind, how many filed prefixes have each length: a posting only cuts its words at those lengths. */
    private final Map<IndexKey.Kind, int[]> prefixLengths = new EnumMap<>(IndexKey.Kind.class);
    private long round;

    public SearchIndex() {
        for (IndexKey.Kind kind : IndexKey.Kind.values()) {
            buckets.put(kind, new HashMap<>());
            if (kind.isPrefix()) prefixLengths.put(kind, new int[Query.MAX_LENGTH + 1]);
        }
    }

    @Override
    public void put(String key, SavedSearch search) {
        CompiledSearch compiled = CompiledSearch.compile(key, search);
        remove(key);
        compiled.filedUnder = IndexPlanner.keysFor(compiled);
        byKey.put(key, compiled);
        if (compiled.filedUnder.isEmpty()) always.add(compiled);
        for (IndexKey indexKey : compiled.filedUnder) {
            buckets.get(indexKey.kind()).computeIfAbsent(indexKey.text(), text -> new ArrayList<>(2)).add(compiled);
            if (indexKey.kind().isPrefix()) prefixLengths.get(indexKey.kind())[indexKey.text().length()]++;
        }
    }

    @Override
    public void remove(String key) {
        CompiledSearch old = byKey.remove(Objects.requireNonNull(key, "key"));
        if (old == null) return;
        if (old.filedUnder.isEmpty()) always.remove(old);
        for (IndexKey indexKey : old.filedUnder) {
            Map<String, List<CompiledSearch>> bucket = buckets.get(indexKey.kind());
            List<CompiledSearch> list = bucket.get(indexKey.text());
            list.remove(old);
            if (list.isEmpty()) bucket.remove(indexKey.text());
            if (indexKey.kind().isPrefix()) prefixLengths.get(indexKey.kind())[indexKey.text().length()]--;
        }
    }

    @Override
    public int size() {
        return byKey.size();
    }

    @Override
    public List<SearchMatch> match(Posting posting, LocalDate firstSeen, LocalDate today) {
        Round visit = new Round(PreparedPosting.of(posting, firstSeen), today, ++round);
        for (Map.Entry<String, PostingText.Occurrences> entry : visit.posting.text.words().entrySet()) {
            String word = entry.getKey();
            int fields = entry.getValue().fieldMask;
            visit.bucket(IndexKey.Kind.TERM_ANY, word);
            visitPrefixes(visit, IndexKey.Kind.PREFIX_ANY, word);
            if ((fields & Field.TITLE.mask) != 0) {
                visit.bucket(IndexKey.Kind.TERM_TITLE, word);
                visitPrefixes(visit, IndexKey.Kind.PREFIX_TITLE, word);
            }
            if ((fields & Field.COMPANY.mask) != 0) {
                visit.bucket(IndexKey.Kind.TERM_COMPANY, word);
                visitPrefixes(visit, IndexKey.Kind.PREFIX_COMPANY, word);
            }
        }
        for (String word : visit.posting.locationWords) visit.bucket(IndexKey.Kind.LOCATION, word);
        visit.bucket(IndexKey.Kind.COMPANY_NAME, visit.posting.companyName);
        if (posting.remote()) visit.bucket(IndexKey.Kind.REMOTE, IndexKey.REMOTE.text());
        visit.verify(always);
        return visit.matches;
    }

    private void visitPrefixes(Round visit, IndexKey.Kind kind, String word) {
        if (buckets.get(kind).isEmpty()) return;
        int[] lengths = prefixLengths.get(kind);
        for (int length = 2; length <= word.length() && length < lengths.length; length++) {
            if (lengths[length] > 0) visit.bucket(kind, word.substring(0, length));
        }
    }

    /** One posting's pass over the index; {@code number} marks searches already verified for it. */
    private final class Round {
        final PreparedPosting posting;
        final LocalDate today;
        final long number;
        final List<SearchMatch> matches = new ArrayList<>();

        Round(PreparedPosting posting, LocalDate today, long number) {
            this.posting = posting;
            this.today = today;
            this.number = number;
        }

        void bucket(IndexKey.Kind kind, String text) {
            List<CompiledSearch> candidates = buckets.get(kind).get(text);
            if (candidates != null) verify(candidates);
        }

        void verify(List<CompiledSearch> candidates) {
            for (CompiledSearch candidate : candidates) {
                if (candidate.seenInRound == number) continue;
                candidate.seenInRound = number;
                if (candidate.matches(posting, today)) matches.add(candidate.toMatch(posting));
            }
        }
    }
}
