package dev.jobalerts.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Virtual time: sleeping advances the clock at once, so back-off and pacing tests take no real time. */
final class FakeTime implements Time {
    static final Instant EPOCH = Instant.parse("2026-11-22T20:00:00Z");
    final List<Long> sleeps = new ArrayList<>();
    private long nanos = 1_000_000_000L;
    private final long start = nanos;
    double dice = 0.5;

    @Override public synchronized long nanoTime() { return nanos; }

    @Override public synchronized Instant now() { return EPOCH.plusNanos(nanos - start); }

    @Override public synchronized void sleep(long duration) {
        sleeps.add(duration);
        nanos += duration;
    }

    @Override public double random() { return dice; }

    synchronized long elapsedNanos() { return nanos - start; }
}
