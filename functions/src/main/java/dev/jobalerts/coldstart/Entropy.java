package dev.jobalerts.coldstart;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Randomness that stays random across SnapStart restores. A generator seeded before the snapshot would hand every
 * restored copy the same sequence: the same confirmation nonces and ids in two copies, the same back-off jitter in
 * a hundred. Both generators here are remade, from the operating system's entropy, after each restore
 * ({@link Restores}). {@link java.util.concurrent.ThreadLocalRandom} cannot be reseeded, so it is not used for jitter.
 */
public final class Entropy {
    private record Secure(long generation, SecureRandom random) {}

    private record Jitter(long generation, SplittableRandom random) {}

    private static volatile Secure secure;
    private static final ThreadLocal<Jitter> JITTER = new ThreadLocal<>();

    private Entropy() {}

    /** Makes this restore generation's generators now (after a restore), so the first invocation need not seed them. */
    static void reseed() {
        secure().nextBytes(new byte[16]);
        unit();
    }

    /** For ids, nonces and anything a guess must not reach. Thread-safe. */
    public static SecureRandom secure() {
        Secure current = secure;
        long generation = Restores.generation();
        if (current == null || current.generation() != generation) {
            synchronized (Entropy.class) {
                current = secure;
                if (current == null || current.generation() != generation) secure = current = new Secure(generation, new SecureRandom());
            }
        }
        return current.random();
    }

    /** Uniform in [0, 1), for jitter; cheap, one generator per thread, seeded from {@link #secure()}. */
    public static double unit() {
        return jitter().nextDouble();
    }

    private static SplittableRandom jitter() {
        Jitter current = JITTER.get();
        long generation = Restores.generation();
        if (current == null || current.generation() != generation) {
            current = new Jitter(generation, new SplittableRandom(secure().nextLong()));
            JITTER.set(current);
        }
        return current.random();
    }
}
