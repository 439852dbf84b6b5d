package dev.jobalerts.local.bench.coldstart;

import java.util.List;

/** Medians of timings: a shared machine's noise lands on single runs, rarely on the middle one. */
final class Medians {
    private Medians() {}

    static double of(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
