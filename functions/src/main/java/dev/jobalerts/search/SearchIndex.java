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
 * The stored-query index. Each search is compiled once and filed under a few keys chosen by {@link IndexPlanner}:
 * its rarest required word, or a location, company or the remote flag when that is rarer. A posting looks up the
 * keys it emits (its words, their prefixes, its location words, company and remote flag) and only the searches
 * filed there are verified, with the same code as {@link SearchScan}, so results are identical. Searches with no
 * key (only exclusions, only salary or date filters) are verified for every posting.
 *
 * <p>"Rarest" starts as a guess ({@link WordFrequency}) and becomes a count: every key any search could be filed
 * under keeps the number of postings that emitted it, and after the first 1,024 postings and then every 65,536
 * each search is re-filed under its cheapest clauses by those counts. A wrong guess costs time, never a match.
 *
 * <p>Meant to live across warm Lambda invocations: {@link #put} and {@link #remove} change one search without a
 * rebuild. Not thread-safe: the matcher uses one index from one thread.
 */
public final class SearchIndex implements SearchMatcher {
    /** How many postings' worth of weight the prior guess has against the counts. */
    private static final double PRIOR_WEIGHT = 100;
    /** Enough postings to tell "engineer" (in a third of them) from "kafka" (in a few percent). */
    private static final long FIRST_REPLAN = 1_024;
    /** Re-filing 100,000 searches costs about half a second: every 65,536 postings that is a few µs per posting. */
    private static final long LATE_REPLAN_EVERY = 65_536;

    /**
     * A key's searches and statistics. Exists while at least one search could be filed under the key. Searches
     * with a second clause are grouped by its keys, and a group is verified only when the posting emits that key
     * too: "python engineer" filed under python is not a candidate for every Python posting, only for those that
     * also say engineer.
     */
    private static final class Bucket {
        final List<CompiledSearch> filed = new ArrayList<>(1);
        /** Null until a search with a second clause is filed here: most buckets never get one. */
        Map<IndexKey, List<CompiledSearch>> bySecondKey;
        /** The same for second keys that are plain words (most of them), looked up from whichever side is smaller. */
        Map<String, List<CompiledSearch>> bySecondWord;
        int references;
        long postings;
        long lastRound;
    }

    private final Map<String, CompiledSearch> byKey = new HashMap<>();
    private final Map<IndexKey.Kind, Map<String, Bucket>> buckets = new EnumMap<>(IndexKey.Kind.class);
    private final List<CompiledSearch> always = new ArrayList<>();
    /** Per prefix kind, how many watched prefixes have each length: a posting only cuts its words at those lengths. */
    private final Map<IndexKey.Kind, int[]> prefixLengths = new EnumMap<>(IndexKey.Kind.class);
    private final long replanEvery;
    private long round;
    private long postingsSeen;
    private long candidatesVerified;
    private long nextReplan;

    public SearchIndex() {
        this(FIRST_REPLAN, LATE_REPLAN_EVERY);
    }

    /** Tests re-file often, to check that re-filing never changes a result. */
    SearchIndex(long firstReplan, long replanEvery) {
        this.nextReplan = firstReplan;
        this.replanEvery = replanEvery;
        for (IndexKey.Kind kind : IndexKey.Kind.values()) {
            buckets.put(kind, new HashMap<>());
            if (kind.isPrefix()) prefixLengths.put(kind, new int[Query.MAX_LENGTH + 1]);
        }
    }

    @Override
    public void put(String key, SavedSearch search) {
        CompiledSearch compiled = CompiledSearch.compile(key, search);
        remove(key);
        byKey.put(key, compiled);
        compiled.watching = IndexPlanner.candidateKeys(compiled);
        for (IndexKey watched : compiled.watching) watch(watched);
        file(compiled, IndexPlanner.planFor(compiled, this::share));
    }

    @Override
    public void remove(String key) {
        CompiledSearch old = byKey.remove(Objects.requireNonNull(key, "key"));
        if (old == null) return;
        unfile(old);
        for (IndexKey watched : old.watching) unwatch(watched);
    }

    @Override
    public int size() {
        return byKey.size();
    }

    /** Postings matched so far, for metrics. */
    public long postingsMatched() {
        return postingsSeen;
    }

    /** Searches verified so far (the index's work: candidates, of which matches are a part), for metrics. */
    public long candidatesVerified() {
        return candidatesVerified;
    }

    @Override
    public List<SearchMatch> match(Posting posting, LocalDate firstSeen, LocalDate today) {
        if (postingsSeen >= nextReplan) replan();
        postingsSeen++;
        Round visit = new Round(PreparedPosting.of(posting, firstSeen), today, ++round);
        for (Map.Entry<String, PostingWords.Occurrences> entry : visit.posting.text.words().entrySet()) {
            String word = entry.getKey();
            int fields = entry.getValue().fieldMask;
            visit.key(IndexKey.Kind.TERM_ANY, word);
            visitPrefixes(visit, IndexKey.Kind.PREFIX_ANY, word);
            if ((fields & Field.TITLE.mask) != 0) {
                visit.key(IndexKey.Kind.TERM_TITLE, word);
                visitPrefixes(visit, IndexKey.Kind.PREFIX_TITLE, word);
            }
            if ((fields & Field.COMPANY.mask) != 0) {
                visit.key(IndexKey.Kind.TERM_COMPANY, word);
                visitPrefixes(visit, IndexKey.Kind.PREFIX_COMPANY, word);
            }
        }
        for (String word : visit.posting.locationWords) visit.key(IndexKey.Kind.LOCATION, word);
        visit.key(IndexKey.Kind.COMPANY_NAME, visit.posting.companyName);
        if (posting.remote()) visit.key(IndexKey.Kind.REMOTE, IndexKey.REMOTE.text());
        visit.verify(always);
        return visit.matches;
    }

    private void visitPrefixes(Round visit, IndexKey.Kind kind, String word) {
        if (buckets.get(kind).isEmpty()) return;
        int[] lengths = prefixLengths.get(kind);
        for (int length = 2; length <= word.length() && length < lengths.length; length++) {
            if (lengths[length] > 0) visit.key(kind, word.substring(0, length));
        }
    }

    /** Estimated share of postings that emit {@code key}: the prior guess, outweighed by counts as postings pass. */
    private double share(IndexKey key) {
        Bucket bucket = buckets.get(key.kind()).get(key.text());
        long count = bucket == null ? 0 : bucket.postings;
        return (count + WordFrequency.of(key) * PRIOR_WEIGHT) / (postingsSeen + PRIOR_WEIGHT);
    }

    private void replan() {
        nextReplan = postingsSeen + replanEvery;
        for (CompiledSearch search : byKey.values()) {
            IndexPlanner.Plan plan = IndexPlanner.planFor(search, this::share);
            if (!plan.equals(search.plan)) {
                unfile(search);
                file(search, plan);
            }
        }
    }

    private void file(CompiledSearch search, IndexPlanner.Plan plan) {
        search.plan = plan;
        if (plan.primary().isEmpty()) always.add(search);
        for (IndexKey key : plan.primary()) {
            Bucket bucket = buckets.get(key.kind()).get(key.text());
            if (plan.secondary().isEmpty()) bucket.filed.add(search);
            for (IndexKey second : plan.secondary()) group(bucket, second, true).add(search);
        }
    }

    private void unfile(CompiledSearch search) {
        IndexPlanner.Plan plan = search.plan;
        if (plan.primary().isEmpty()) always.remove(search);
        for (IndexKey key : plan.primary()) {
            Bucket bucket = buckets.get(key.kind()).get(key.text());
            if (plan.secondary().isEmpty()) bucket.filed.remove(search);
            for (IndexKey second : plan.secondary()) {
                List<CompiledSearch> group = group(bucket, second, false);
                group.remove(search);
                if (!group.isEmpty()) continue;
                if (second.kind() == IndexKey.Kind.TERM_ANY) {
                    bucket.bySecondWord.remove(second.text());
                    if (bucket.bySecondWord.isEmpty()) bucket.bySecondWord = null;
                } else {
                    bucket.bySecondKey.remove(second);
                    if (bucket.bySecondKey.isEmpty()) bucket.bySecondKey = null;
                }
            }
        }
        search.plan = IndexPlanner.Plan.ALWAYS;
    }

    private static List<CompiledSearch> group(Bucket bucket, IndexKey second, boolean create) {
        if (second.kind() == IndexKey.Kind.TERM_ANY) {
            if (bucket.bySecondWord == null) bucket.bySecondWord = new HashMap<>(4);
            return create ? bucket.bySecondWord.computeIfAbsent(second.text(), k -> new ArrayList<>(1))
                    : bucket.bySecondWord.get(second.text());
        }
        if (bucket.bySecondKey == null) bucket.bySecondKey = new HashMap<>(4);
        return create ? bucket.bySecondKey.computeIfAbsent(second, k -> new ArrayList<>(1)) : bucket.bySecondKey.get(second);
    }

    private void watch(IndexKey key) {
        Bucket bucket = buckets.get(key.kind()).computeIfAbsent(key.text(), text -> new Bucket());
        if (bucket.references++ == 0 && key.kind().isPrefix()) prefixLengths.get(key.kind())[key.text().length()]++;
    }

    private void unwatch(IndexKey key) {
        Map<String, Bucket> kind = buckets.get(key.kind());
        Bucket bucket = kind.get(key.text());
        if (--bucket.references > 0) return;
        kind.remove(key.text());
        if (key.kind().isPrefix()) prefixLengths.get(key.kind())[key.text().length()]--;
    }

    /** One posting's pass over the index; {@code number} marks keys counted and searches verified for it. */
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

        void key(IndexKey.Kind kind, String text) {
            Bucket bucket = buckets.get(kind).get(text);
            if (bucket == null || bucket.lastRound == number) return;
            bucket.lastRound = number;
            bucket.postings++;
            if (!bucket.filed.isEmpty()) verify(bucket.filed);
            if (bucket.bySecondWord != null) verifyWordGroups(bucket.bySecondWord);
            if (bucket.bySecondKey == null) return;
            for (Map.Entry<IndexKey, List<CompiledSearch>> group : bucket.bySecondKey.entrySet()) {
                if (posting.emits(group.getKey())) verify(group.getValue());
            }
        }

        /** A bucket for "engineer" can hold hundreds of second words; a posting has a hundred or so distinct words. */
        void verifyWordGroups(Map<String, List<CompiledSearch>> groups) {
            Map<String, PostingWords.Occurrences> words = posting.text.words();
            if (groups.size() <= words.size()) {
                for (Map.Entry<String, List<CompiledSearch>> group : groups.entrySet()) {
                    if (words.containsKey(group.getKey())) verify(group.getValue());
                }
            } else {
                for (String word : words.keySet()) {
                    List<CompiledSearch> group = groups.get(word);
                    if (group != null) verify(group);
                }
            }
        }

        void verify(List<CompiledSearch> candidates) {
            for (CompiledSearch candidate : candidates) {
                if (candidate.seenInRound == number) continue;
                candidate.seenInRound = number;
                candidatesVerified++;
                if (candidate.matches(posting, today)) matches.add(candidate.toMatch(posting));
            }
        }
    }
}
