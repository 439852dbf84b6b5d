package dev.jobalerts.fetcher;

import java.util.Map;

/**
 * Which part of the Sources table one scheduled run fetches, as the schedule's input names it:
 * {@code {"segment": i, "totalSegments": n}}, both optional (one segment of one by default), numbers or digit strings.
 * Input that names no existing segment is kept as read, so that the answer can say what was asked.
 */
record Segment(int index, int total) {
    static final String RULE = "segment must be in [0, totalSegments) and totalSegments in [1, 1000]";

    static Segment of(Map<String, Object> input) {
        return new Segment(intOf(input, "segment", 0), intOf(input, "totalSegments", 1));
    }

    /** Whether the segment exists: at most a thousand segments, as the template's schedules fan out. */
    boolean exists() {
        return total >= 1 && total <= 1000 && index >= 0 && index < total;
    }

    /** The number under {@code name}; {@code fallback} when it is absent, -1 (never valid) when it is not a number. */
    private static int intOf(Map<String, Object> input, String name, int fallback) {
        Object value = input == null ? null : input.get(name);
        if (value instanceof Number number) return number.intValue();
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return fallback;
    }
}
