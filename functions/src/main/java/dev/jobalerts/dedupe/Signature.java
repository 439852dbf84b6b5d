package dev.jobalerts.dedupe;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * A MinHash signature of a description's word shingles (Broder 1997): for each of {@link #HASHES} hash functions,
 * the smallest hash of any shingle. The share of positions where two signatures agree estimates the Jaccard
 * similarity of the two shingle sets with a standard error of √(J(1−J)/k) — at most 0.044 for k = 128, and 0.03
 * or less far from J = 0.5 — in a fixed 513 bytes however long the description. That is what lets the
 * {@code byJobKey} index carry what the judgement needs instead of whole descriptions (up to 50,000 characters).
 *
 * <p>The hash functions are fixed: signatures are stored, and one made by another version could not be compared.
 * The first byte says which version made it; a signature of another version reads as none.
 */
public final class Signature {
    /** Words per shingle. Three is the smallest width at which two openings that share only stock phrases stay apart (README). */
    static final int SHINGLE_WORDS = 3;
    /** Hash functions, and so 32-bit values, per signature. */
    static final int HASHES = 128;
    /** A description needs at least this many shingles (12 words) to be compared: "Apply now" says nothing. */
    static final int MIN_SHINGLES = 10;
    static final byte VERSION = 1;
    private static final long[] SEEDS = seeds(HASHES);

    private final int[] minima;

    private Signature(int[] minima) {
        this.minima = minima;
    }

    /** The signature of a description; empty when it is too short to say anything about the job. */
    public static Optional<Signature> of(String description) {
        long[] shingles = Shingles.of(Fold.words(description), SHINGLE_WORDS);
        if (shingles.length < MIN_SHINGLES) return Optional.empty();
        return Optional.of(new Signature(minHash(shingles, SEEDS)));
    }

    /** One minimum per seed; the measurement tries other counts with {@link #seeds}. */
    static int[] minHash(long[] shingles, long[] seeds) {
        int[] minima = new int[seeds.length];
        Arrays.fill(minima, -1); // 0xFFFFFFFF, the largest unsigned value
        for (long shingle : shingles) {
            for (int k = 0; k < seeds.length; k++) {
                int value = (int) (Shingles.mix(shingle ^ seeds[k]) >>> 32);
                if (Integer.compareUnsigned(value, minima[k]) < 0) minima[k] = value;
            }
        }
        return minima;
    }

    /** Estimated Jaccard similarity of the two descriptions' shingle sets, 0 to 1. */
    public double similarity(Signature other) {
        return agreement(minima, other.minima);
    }

    static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int k = 0; k < a.length; k++) if (a[k] == b[k]) same++;
        return (double) same / a.length;
    }

    public byte[] toBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(1 + 4 * minima.length).put(VERSION);
        for (int value : minima) bytes.putInt(value);
        return bytes.array();
    }

    /** A stored signature; empty when it is not one this version made (another version, or damaged). */
    public static Optional<Signature> fromBytes(byte[] stored) {
        if (stored == null || stored.length != 1 + 4 * HASHES || stored[0] != VERSION) return Optional.empty();
        ByteBuffer bytes = ByteBuffer.wrap(stored, 1, 4 * HASHES);
        int[] minima = new int[HASHES];
        for (int k = 0; k < HASHES; k++) minima[k] = bytes.getInt();
        return Optional.of(new Signature(minima));
    }

    /** The first {@code count} seeds; the first 128 are the signature's, fixed forever. */
    static long[] seeds(int count) {
        long[] seeds = new long[count];
        long state = 0x6a6f62616c657274L; // "jobalert": any fixed value, fixed forever (see the class comment)
        for (int i = 0; i < count; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = Shingles.mix(state);
        }
        return seeds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature other && Arrays.equals(minima, other.minima);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(minima);
    }
}
