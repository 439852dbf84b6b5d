package dev.jobalerts.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.dedupe.LabelledPairs.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the judgement on the labelled pairs ({@link LabelledPairs}), with the tables the README
 * quotes: per kind of pair, per threshold, per shingle width, and MinHash against exact Jaccard. The goal is
 * precision ≥ 0.99 (a wrong merge costs a subscriber a job) and recall ≥ 0.9.
 */
class SameJobPairsTest {
    static final List<Pair> PAIRS = LabelledPairs.load();

    @Test
    void labelledSet_holdsAtLeast150PairsOfEveryKind() {
        assertThat(PAIRS).hasSizeGreaterThanOrEqualTo(150);
        assertThat(PAIRS.stream().map(Pair::kind).distinct())
                .contains("across boards", "repost", "other title", "same title, other job", "hostile");
    }

    @Test
    void judgement_meetsThePrecisionAndRecallGoals() {
        Counts total = new Counts();
        Map<String, Counts> byKind = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Pair pair : PAIRS) {
            SameJob.Judgement judgement = SameJob.judge(pair.a(), pair.aSeen(), pair.b(), pair.bSeen());
            total.add(pair.same(), judgement.sameJob());
            byKind.computeIfAbsent(pair.kind(), k -> new Counts()).add(pair.same(), judgement.sameJob());
            if (pair.same() != judgement.sameJob()) wrong.add(pair.describe() + " → " + judgement.explain());
        }
        StringBuilder table = new StringBuilder("| pairs | labelled same | judged same | right | wrong |\n|---|---:|---:|---:|---:|\n");
        byKind.forEach((kind, c) -> table.append(c.row(kind)).append('\n'));
        table.append(total.row("**all**")).append('\n');
        System.out.println("Judgement on " + PAIRS.size() + " labelled pairs (threshold " + SameJob.THRESHOLD + "):\n" + table
                + String.format(Locale.ROOT, "precision %.3f, recall %.3f%n", total.precision(), total.recall())
                + "wrong:\n  " + String.join("\n  ", wrong));

        assertThat(total.precision()).as("precision").isGreaterThanOrEqualTo(0.99);
        assertThat(total.recall()).as("recall").isGreaterThanOrEqualTo(0.9);
    }

    /**
     * Every threshold from 0.30 to 0.90: where the goals hold, and so how much room the chosen one leaves. Pairs whose
     * keys differ (or lack a company, place or description) are judged different at every threshold.
     */
    @Test
    void thresholdSweep_showsTheRangeWhereTheGoalsHold() {
        List<Scored> scored = scored(3, true);
        StringBuilder table = new StringBuilder("| threshold | precision | recall |\n|---:|---:|---:|\n");
        List<Double> meeting = new ArrayList<>();
        for (int t = 30; t <= 90; t += 5) {
            Counts c = counts(scored, t / 100.0);
            table.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f |%n", t / 100.0, c.precision(), c.recall()));
            if (c.precision() >= 0.99 && c.recall() >= 0.9) meeting.add(t / 100.0);
        }
        double lowestNegative = scored.stream().filter(s -> !s.same() && s.score() != null).mapToDouble(Scored::score).max().orElse(0);
        double lowestPositive = scored.stream().filter(s -> s.same() && s.score() != null).mapToDouble(Scored::score).min().orElse(1);
        System.out.println("Threshold sweep (MinHash, 3-word shingles):\n" + table + String.format(Locale.ROOT,
                "same-key pairs: highest score of a different job %.2f, lowest of the same job %.2f%n", lowestNegative, lowestPositive));

        assertThat(meeting).as("thresholds meeting both goals").contains(SameJob.THRESHOLD);
    }

    /**
     * Shingles of 2 to 5 words, exact Jaccard: the best recall each reaches with no wrong merge, and with precision at
     * the goal. The widths separate these pairs within a pair or two of each other; three words reach the goals.
     */
    @Test
    void shingleWidth_threeWordsMeetsTheGoals() {
        StringBuilder table = new StringBuilder("| words per shingle | recall, no wrong merge (at threshold) | recall, precision ≥ 0.99 (at threshold) |\n|---:|---:|---:|\n");
        double[] threeWords = null;
        for (int width = 2; width <= 5; width++) {
            List<Scored> scored = scored(width, false);
            double[] perfect = bestRecall(scored, 1.0), goal = bestRecall(scored, 0.99);
            if (width == Signature.SHINGLE_WORDS) threeWords = perfect;
            table.append(String.format(Locale.ROOT, "| %d | %.3f (%.2f) | %.3f (%.2f) |%n", width, perfect[0], perfect[1], goal[0], goal[1]));
        }
        System.out.println("Shingle width (exact Jaccard):\n" + table);

        assertThat(threeWords[0]).isGreaterThanOrEqualTo(0.9);
    }

    /** The best recall reachable with at least {@code precision}, and the lowest threshold giving it. */
    private static double[] bestRecall(List<Scored> scored, double precision) {
        double best = 0, at = 0;
        for (int t = 10; t <= 95; t++) {
            Counts c = counts(scored, t / 100.0);
            if (c.precision() >= precision && c.recall() > best) {
                best = c.recall();
                at = t / 100.0;
            }
        }
        return new double[] {best, at};
    }

    /**
     * Signatures of 64, 128 and 256 values against the exact Jaccard they estimate, on every pair with the same key.
     * 128 (513 bytes in the index) keeps the mean error near 0.01 and changes at most one verdict, and that one a
     * pair sitting on the threshold.
     */
    @Test
    void minHash_estimatesExactJaccardClosely() {
        List<Scored> exact = scored(Signature.SHINGLE_WORDS, false);
        StringBuilder table = new StringBuilder("| values per signature | bytes | mean error | worst error | verdicts changed |\n|---:|---:|---:|---:|---:|\n");
        double worstAt128 = 0;
        int changedAt128 = 0;
        for (int hashes : new int[] {64, 128, 256}) {
            long[] seeds = Signature.seeds(hashes);
            double worst = 0, sum = 0;
            int compared = 0, changed = 0;
            for (int i = 0; i < PAIRS.size(); i++) {
                if (exact.get(i).score() == null) continue;
                Pair pair = PAIRS.get(i);
                double estimate = Signature.agreement(
                        Signature.minHash(Shingles.of(Fold.words(pair.a().description()), Signature.SHINGLE_WORDS), seeds),
                        Signature.minHash(Shingles.of(Fold.words(pair.b().description()), Signature.SHINGLE_WORDS), seeds));
                double error = Math.abs(estimate - exact.get(i).score());
                worst = Math.max(worst, error);
                sum += error;
                compared++;
                if ((estimate >= SameJob.THRESHOLD) != (exact.get(i).score() >= SameJob.THRESHOLD)) changed++;
            }
            if (hashes == Signature.HASHES) {
                worstAt128 = worst;
                changedAt128 = changed;
            }
            table.append(String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f | %d of %d |%n", hashes, 1 + 4 * hashes, sum / compared, worst, changed, compared));
        }
        System.out.println("MinHash against exact Jaccard (3-word shingles):\n" + table);

        assertThat(worstAt128).isLessThan(0.1);
        assertThat(changedAt128).isLessThanOrEqualTo(1);
    }

    /** A pair's label and its description score when the keys match (null when the judgement never compares them). */
    record Scored(boolean same, Double score) {}

    private static List<Scored> scored(int width, boolean minHash) {
        List<Scored> scored = new ArrayList<>();
        for (Pair pair : PAIRS) {
            SameJob.Judgement judgement = SameJob.judge(pair.a(), pair.aSeen(), pair.b(), pair.bSeen());
            if (judgement.similarity() == null) {
                scored.add(new Scored(pair.same(), null));
            } else if (minHash && width == Signature.SHINGLE_WORDS) {
                scored.add(new Scored(pair.same(), judgement.similarity()));
            } else {
                long[] a = Shingles.of(Fold.words(pair.a().description()), width);
                long[] b = Shingles.of(Fold.words(pair.b().description()), width);
                scored.add(new Scored(pair.same(), Shingles.jaccard(a, b)));
            }
        }
        return scored;
    }

    private static Counts counts(List<Scored> scored, double threshold) {
        Counts c = new Counts();
        scored.forEach(s -> c.add(s.same(), s.score() != null && s.score() >= threshold));
        return c;
    }

    /** A confusion matrix. */
    static final class Counts {
        int truePositive, falsePositive, falseNegative, trueNegative;

        void add(boolean labelledSame, boolean judgedSame) {
            if (labelledSame && judgedSame) truePositive++;
            else if (judgedSame) falsePositive++;
            else if (labelledSame) falseNegative++;
            else trueNegative++;
        }

        double precision() {
            return truePositive + falsePositive == 0 ? 1 : (double) truePositive / (truePositive + falsePositive);
        }

        double recall() {
            return truePositive + falseNegative == 0 ? 1 : (double) truePositive / (truePositive + falseNegative);
        }

        String row(String name) {
            int pairs = truePositive + falsePositive + falseNegative + trueNegative;
            return "| " + name + " | " + (truePositive + falseNegative) + " of " + pairs + " | " + (truePositive + falsePositive)
                    + " | " + (truePositive + trueNegative) + " | " + (falsePositive + falseNegative) + " |";
        }
    }
}
