package dev.jobalerts.mail;

import java.time.Instant;
import dev.jobalerts.coldstart.Entropy;

/** The clock, the sleep and the dice a {@link SesMailer} uses; a seam so tests run back-off in virtual time. */
interface Time {
    Time SYSTEM = new Time() {
        @Override public long nanoTime() { return System.nanoTime(); }
        @Override public Instant now() { return Instant.now(); }
        @Override public void sleep(long nanos) throws InterruptedException {
            if (nanos > 0) Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
        @Override public double random() { return Entropy.unit(); }
    };

    long nanoTime();

    Instant now();

    void sleep(long nanos) throws InterruptedException;

    /** Uniform in [0, 1), for jitter. */
    double random();
}
