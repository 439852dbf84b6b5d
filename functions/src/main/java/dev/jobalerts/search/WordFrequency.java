package dev.jobalerts.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A prior guess of the share of postings that emit an index key, used to pick which keys to file a search under
 * until the index has seen enough postings to count. Word shares come from {@code frequent-words.txt}; unlisted
 * words are taken to be rare.
 */
final class WordFrequency {
    private static final double RARE_WORD = 0.02;
    private static final double SHORT_WORD = 0.05;
    private static final double TITLE_SHARE = 0.2;
    private static final double COMPANY_SHARE = 0.05;
    private static final Map<String, Double> FREQUENT = load();

    private WordFrequency() {}

    static double of(String word) {
        Double share = FREQUENT.get(word);
        if (share != null) return share;
        return word.length() <= 2 ? SHORT_WORD : RARE_WORD;
    }

    static double of(IndexKey key) {
        return switch (key.kind()) {
            case TERM_ANY -> of(key.text());
            case TERM_TITLE -> of(key.text()) * TITLE_SHARE;
            case TERM_COMPANY -> of(key.text()) * COMPANY_SHARE;
            case PREFIX_ANY -> prefix(key.text());
            case PREFIX_TITLE -> prefix(key.text()) * TITLE_SHARE;
            case PREFIX_COMPANY -> prefix(key.text()) * COMPANY_SHARE;
            case LOCATION -> Math.min(0.3, of(key.text()));
            case COMPANY_NAME -> 0.005;
            case REMOTE -> 0.3;
        };
    }

    /** A short prefix covers many words; a long one about as few as a word. */
    private static double prefix(String prefix) {
        return Math.max(of(prefix), Math.min(0.8, 0.6 / (prefix.length() - 1)) * 0.2);
    }

    private static Map<String, Double> load() {
        Map<String, Double> shares = new HashMap<>();
        try (InputStream in = WordFrequency.class.getResourceAsStream("frequent-words.txt")) {
            if (in == null) throw new IllegalStateException("frequent-words.txt missing from the jar");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            double share = RARE_WORD;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("@ ")) {
                    share = Double.parseDouble(line.substring(2).strip());
                    continue;
                }
                for (String word : line.split("\\s+")) shares.putIfAbsent(word, share);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(shares);
    }
}
