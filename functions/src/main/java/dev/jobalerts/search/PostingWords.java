package dev.jobalerts.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A posting's title, company and description split into words once, with a word → positions map so that every
 * term of every saved search is a hash lookup and a phrase is a lookup plus a few comparisons.
 */
final class PostingWords {
    static final int TITLE = 0;
    static final int COMPANY = 1;
    static final int DESCRIPTION = 2;
    private static final int POSITION_BITS = 28;
    private static final int POSITION_MASK = (1 << POSITION_BITS) - 1;

    /** Where one word occurs: a bit per field and (field, position) pairs packed into ints, in text order. */
    static final class Occurrences {
        int fieldMask;
        int[] positions = new int[2];
        int size;

        void add(int field, int position) {
            fieldMask |= 1 << field;
            if (size == positions.length) positions = Arrays.copyOf(positions, size * 2);
            positions[size++] = field << POSITION_BITS | position;
        }
    }

    private final String[][] fields;
    private final Map<String, Occurrences> words;
    private String[] sortedWords;

    private PostingWords(String[][] fields, Map<String, Occurrences> words) {
        this.fields = fields;
        this.words = words;
    }

    static PostingWords of(String title, String company, String description) {
        return of(title, company, description, null);
    }

    /**
     * @param shared when not null, one string per distinct word across every posting prepared with the same map: a
     *               window of thousands of postings kept in memory then holds each word once, not once per occurrence
     */
    static PostingWords of(String title, String company, String description, Map<String, String> shared) {
        String[][] fields = {words(title, shared), words(company, shared), words(description, shared)};
        Map<String, Occurrences> words = new HashMap<>(fields[DESCRIPTION].length + 16);
        for (int field = 0; field < fields.length; field++) {
            String[] tokens = fields[field];
            for (int position = 0; position < tokens.length; position++) {
                words.computeIfAbsent(tokens[position], w -> new Occurrences()).add(field, position);
            }
        }
        return new PostingWords(fields, words);
    }

    private static String[] words(String text, Map<String, String> shared) {
        List<String> words = Tokenizer.words(text);
        String[] out = new String[words.size()];
        for (int i = 0; i < out.length; i++) out[i] = shared == null ? words.get(i) : shared.computeIfAbsent(words.get(i), w -> w);
        return out;
    }

    /** Every distinct word with the fields it occurs in. */
    Map<String, Occurrences> words() {
        return words;
    }

    boolean has(String word, int fieldMask) {
        Occurrences occurrences = words.get(word);
        return occurrences != null && (occurrences.fieldMask & fieldMask) != 0;
    }

    boolean hasPhrase(List<String> phrase, int fieldMask) {
        Occurrences first = words.get(phrase.get(0));
        if (first == null || (first.fieldMask & fieldMask) == 0) return false;
        for (int i = 0; i < first.size; i++) {
            int field = first.positions[i] >>> POSITION_BITS;
            if ((fieldMask & 1 << field) == 0) continue;
            if (startsAt(fields[field], first.positions[i] & POSITION_MASK, phrase)) return true;
        }
        return false;
    }

    private static boolean startsAt(String[] tokens, int start, List<String> phrase) {
        if (start + phrase.size() > tokens.length) return false;
        for (int k = 1; k < phrase.size(); k++) {
            if (!tokens[start + k].equals(phrase.get(k))) return false;
        }
        return true;
    }

    boolean hasPrefix(String prefix, int fieldMask) {
        String[] sorted = sortedWords();
        for (int i = firstAtOrAfter(sorted, prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) {
            if ((words.get(sorted[i]).fieldMask & fieldMask) != 0) return true;
        }
        return false;
    }

    List<String> wordsWithPrefix(String prefix, int fieldMask) {
        List<String> found = new ArrayList<>();
        String[] sorted = sortedWords();
        for (int i = firstAtOrAfter(sorted, prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) {
            if ((words.get(sorted[i]).fieldMask & fieldMask) != 0) found.add(sorted[i]);
        }
        return found;
    }

    private static int firstAtOrAfter(String[] sorted, String key) {
        int at = Arrays.binarySearch(sorted, key);
        return at >= 0 ? at : -at - 1;
    }

    /** Sorted lazily: most postings are never asked about a prefix. */
    private String[] sortedWords() {
        if (sortedWords == null) {
            sortedWords = words.keySet().toArray(String[]::new);
            Arrays.sort(sortedWords);
        }
        return sortedWords;
    }
}
