package dev.jobalerts.dedupe;

import java.util.Arrays;
import java.util.List;

/**
 * A description as a set of word shingles: every run of {@code width} consecutive folded words, each hashed to 64
 * bits. Line breaks, bullets, spacing, case and punctuation do not change the set, so a description reflowed by an
 * aggregator has the same shingles; an edited sentence changes only the few shingles that cross it.
 */
final class Shingles {
    private Shingles() {}

    /** The distinct shingle hashes of {@code words}, sorted; empty when there are fewer words than one shingle needs. */
    static long[] of(List<String> words, int width) {
        int count = words.size() - width + 1;
        if (count <= 0) return new long[0];
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0xcbf29ce484222325L; // FNV-1a 64 offset basis
            for (int w = i; w < i + width; w++) {
                String word = words.get(w);
                for (int c = 0; c < word.length(); c++) {
                    h ^= word.charAt(c);
                    h *= 0x100000001b3L; // FNV-1a 64 prime
                }
                h ^= ' ';
                h *= 0x100000001b3L;
            }
            hashes[i] = mix(h);
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) if (i == 0 || hashes[i] != hashes[i - 1]) hashes[distinct++] = hashes[i];
        return Arrays.copyOf(hashes, distinct);
    }

    /** Exact Jaccard similarity of two sorted distinct sets: |A ∩ B| / |A ∪ B|. */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) return 0;
        int i = 0, j = 0, both = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                both++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) both / (a.length + b.length - both);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): spreads FNV's weak low bits over all 64. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
