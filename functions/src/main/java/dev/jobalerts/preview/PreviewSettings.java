package dev.jobalerts.preview;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a preview looks at and how often its window is read again.
 *
 * @param days         postings first seen this many days back (counting from now) are in the window
 * @param maxPostings  the window keeps at most this many, the newest: bounds memory, read cost and CPU per preview
 * @param refreshEvery the window is read again at most this often, and only when a preview asks for it
 * @param examples     how many of the newest matches a preview shows
 */
public record PreviewSettings(int days, int maxPostings, Duration refreshEvery, int examples) {
    public static final PreviewSettings DEFAULTS = new PreviewSettings(14, 5_000, Duration.ofMinutes(5), 5);

    public PreviewSettings {
        if (days < 1) throw new IllegalArgumentException("days must be at least 1");
        if (maxPostings < 1) throw new IllegalArgumentException("maxPostings must be at least 1");
        Objects.requireNonNull(refreshEvery, "refreshEvery");
        if (refreshEvery.isNegative()) throw new IllegalArgumentException("refreshEvery must not be negative");
        if (examples < 0) throw new IllegalArgumentException("examples must not be negative");
    }
}
