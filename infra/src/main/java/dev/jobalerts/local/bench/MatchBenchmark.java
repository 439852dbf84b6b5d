package dev.jobalerts.local.bench;

import dev.jobalerts.local.cli.Converters;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.search.SearchIndex;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.search.SearchMatcher;
import dev.jobalerts.search.SearchScan;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobalerts.jar bench match [--searches N] [--postings M] [--scan-postings S] [--lucene-postings L] [--seed X]}:
 * matches M synthetic postings against N synthetic saved searches on one thread with the {@link SearchIndex},
 * times the one-by-one {@link SearchScan} and a Lucene Monitor holding the same searches on the first S and L
 * postings (they are much slower; rates are per posting, so a subset measures them fairly), checks that all three
 * return the same matches, and prints a Markdown table. Defaults: 100,000 searches, 10,000 postings, S=100, L=50 (a full run is about 1.5 CPU minutes).
 */
@Command(name = "match", description = {"match synthetic postings against saved searches: index, one-by-one scan, Lucene Monitor",
        "Checks that all three return the same matches and prints a Markdown table."})
public final class MatchBenchmark implements Callable<Integer> {
    /** A fixed "now" keeps postedWithinDays results, and so the whole run, reproducible. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private record Options(int searches, int postings, int scanPostings, int lucenePostings, long seed) {}

    /**
     * One engine's numbers. {@code indexSecondsSame} is the index's time on the very postings this engine was timed
     * on, measured interleaved with it posting by posting, so the speed-up is not skewed by a noisy neighbour.
     */
    private record Run(String engine, double buildSeconds, int postings, double seconds, long matches, double indexSecondsSame) {
        double perSecond() {
            return postings / seconds;
        }

        double speedUp() {
            return seconds / indexSecondsSame;
        }
    }

    @Option(names = "--searches", paramLabel = "N", converter = Converters.PositiveCount.class, description = "saved searches (default 100,000)")
    int searches = 100_000;
    @Option(names = "--postings", paramLabel = "M", converter = Converters.PositiveCount.class, description = "postings (default 10,000)")
    int postings = 10_000;
    @Option(names = "--scan-postings", paramLabel = "S", converter = Converters.PositiveCount.class,
            description = "postings the one-by-one scan is timed on (default 100)")
    int scanPostings = 100;
    @Option(names = "--lucene-postings", paramLabel = "L", converter = Converters.PositiveCount.class,
            description = "postings Lucene Monitor is timed on (default 50)")
    int lucenePostings = 50;
    @Option(names = "--seed", paramLabel = "X", description = "of the synthetic searches and postings (default 42)")
    long seed = 42;

    private final PrintStream out;

    MatchBenchmark(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() throws IOException {
        benchmark(new Options(searches, postings, Math.min(postings, scanPostings), Math.min(postings, lucenePostings), seed), out);
        return 0;
    }

    private static void benchmark(Options options, PrintStream out) throws IOException {
        SyntheticJobs jobs = new SyntheticJobs(options.seed, TODAY);
        List<SavedSearch> searches = jobs.searches(options.searches);
        List<Posting> postings = jobs.postings(options.postings);
        out.printf(Locale.ROOT, "Generated %,d saved searches and %,d postings (seed %d); one thread, times are its CPU seconds.%n%n",
                searches.size(), postings.size(), options.seed);

        long heapBefore = usedHeap();
        long start = cpuNanos();
        SearchIndex index = new SearchIndex();
        for (SavedSearch search : searches) index.put(search.id(), search);
        double indexBuild = seconds(start);
        long indexHeap = usedHeap() - heapBefore;

        int compared = Math.max(options.scanPostings, options.lucenePostings);
        // Warm-up, untimed: the JIT compiles the hot paths and the index counts key frequencies over its first
        // 1,024 postings, then re-files every search by them (as a warm Lambda container does once).
        matchAll(index, postings.subList(0, Math.min(postings.size(), 1_025)), null, 0);
        List<Set<String>> indexMatches = new ArrayList<>();
        start = cpuNanos();
        long indexCount = matchAll(index, postings, indexMatches, compared);
        double indexSeconds = seconds(start);
        Run indexRun = new Run("SearchIndex", indexBuild, postings.size(), indexSeconds, indexCount, indexSeconds);

        start = cpuNanos();
        final SearchScan scan = new SearchScan();
        for (SavedSearch search : searches) scan.put(search.id(), search);
        double scanBuild = seconds(start);
        List<Posting> scanned = postings.subList(0, options.scanPostings);
        matchAll(scan, scanned.subList(0, Math.min(20, scanned.size())), null, 0);
        List<Set<String>> scanMatches = new ArrayList<>();
        long[] scanTimes = new long[2];
        long scanCount = 0;
        for (Posting posting : scanned) {
            Set<String> ids = interleaved(index, posting, p -> keys(scan.match(p, null, TODAY)), scanTimes);
            scanMatches.add(ids);
            scanCount += ids.size();
        }
        Run scanRun = new Run("one-by-one scan", scanBuild, scanned.size(), scanTimes[1] / 1e9, scanCount, scanTimes[0] / 1e9);

        start = cpuNanos();
        Run luceneRun;
        List<Set<String>> luceneMatches = new ArrayList<>();
        try (LuceneMonitorMatcher lucene = new LuceneMonitorMatcher(searches, TODAY)) {
            double luceneBuild = seconds(start);
            List<Posting> luceneSet = postings.subList(0, options.lucenePostings);
            for (Posting posting : luceneSet.subList(0, Math.min(50, luceneSet.size()))) lucene.match(posting);
            long luceneCount = 0;
            long[] luceneTimes = new long[2];
            for (Posting posting : luceneSet) {
                Set<String> ids = interleaved(index, posting, lucene::match, luceneTimes);
                luceneMatches.add(ids);
                luceneCount += ids.size();
            }
            luceneRun = new Run("Lucene Monitor 9.11.1", luceneBuild, luceneSet.size(), luceneTimes[1] / 1e9, luceneCount,
                    luceneTimes[0] / 1e9);
        }

        out.println("| engine | build (CPU s) | postings timed | match (CPU s) | postings/s | matches | index vs. engine |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Run run : List.of(indexRun, scanRun, luceneRun)) {
            out.printf(Locale.ROOT, "| %s | %.2f | %,d | %.2f | %,.0f | %,d | %s |%n", run.engine, run.buildSeconds,
                    run.postings, run.seconds, run.perSecond(), run.matches,
                    run == indexRun ? "1×" : String.format(Locale.ROOT, "%.1f×", run.speedUp()));
        }
        out.println();
        out.printf(Locale.ROOT, "- index build: %.2f s for %,d searches; index heap ≈ %,d MB%n", indexBuild,
                searches.size(), indexHeap / (1024 * 1024));
        out.printf(Locale.ROOT, "- index: %,.0f postings/s, %.1f µs per posting, %.1f matches and %.1f searches verified per posting%n",
                indexRun.perSecond(), 1e6 * indexRun.seconds / indexRun.postings, (double) indexCount / postings.size(),
                (double) index.candidatesVerified() / index.postingsMatched());
        out.println("- index vs. scan on the first " + scanned.size() + " postings: " + agreement(indexMatches, scanMatches));
        out.println("- index vs. Lucene on the first " + luceneMatches.size() + " postings: " + agreement(indexMatches, luceneMatches));
        out.println("- Lucene: every filter translated (locations as phrases, remote/company/type as keyword terms,"
                + " salary and date as point ranges); nothing post-filtered.");
        out.println("- last column: the engine's CPU time over the index's on the same postings, timed interleaved"
                + " posting by posting (the scan and Lucene are timed on the first S and L postings only).");
        out.println("- goals: ≥ 50× the scan " + verdict(scanRun.speedUp() >= 50)
                + ", ≥ 2× Lucene Monitor " + verdict(luceneRun.speedUp() >= 2));
    }

    /** Matches one posting with the index, then with {@code other}; adds their CPU times to times[0] and times[1]. */
    private static Set<String> interleaved(SearchIndex index, Posting posting,
            java.util.function.Function<Posting, Set<String>> other, long[] times) {
        long start = cpuNanos();
        index.match(posting, null, TODAY);
        long middle = cpuNanos();
        Set<String> ids = other.apply(posting);
        times[0] += middle - start;
        times[1] += cpuNanos() - middle;
        return ids;
    }

    private static Set<String> keys(List<SearchMatch> matches) {
        Set<String> ids = new HashSet<>();
        for (SearchMatch match : matches) ids.add(match.key());
        return ids;
    }

    private static String verdict(boolean met) {
        return met ? "(met)" : "(NOT met)";
    }

    /** Matches every posting; keeps the matched keys of the first {@code keepFirst} for the agreement check. */
    private static long matchAll(SearchMatcher matcher, List<Posting> postings, List<Set<String>> keep, int keepFirst) {
        long count = 0;
        for (Posting posting : postings) {
            List<SearchMatch> matches = matcher.match(posting, null, TODAY);
            count += matches.size();
            if (keep != null && keep.size() < keepFirst) keep.add(keys(matches));
        }
        return count;
    }

    /** How many (search, posting) pairs both sides found, out of the pairs either found. */
    static String agreement(List<Set<String>> ours, List<Set<String>> theirs) {
        long both = 0;
        long either = 0;
        int samePostings = 0;
        for (int i = 0; i < theirs.size(); i++) {
            Set<String> a = ours.get(i);
            Set<String> b = theirs.get(i);
            Set<String> common = new HashSet<>(a);
            common.retainAll(b);
            both += common.size();
            either += a.size() + b.size() - common.size();
            if (a.equals(b)) samePostings++;
        }
        return String.format(Locale.ROOT, "%,d of %,d match pairs agree (%d differ); %d of %d postings identical",
                both, either, either - both, samePostings, theirs.size());
    }

    /**
     * This thread's CPU time: every engine runs on this one thread, and on a shared build machine wall-clock time
     * mostly measures the neighbours.
     */
    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static double seconds(long startNanos) {
        return (cpuNanos() - startNanos) / 1e9;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
