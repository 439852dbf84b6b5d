package dev.jobalerts.dedupe;

import dev.jobalerts.search.Tokenizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for comparison: accents dropped (NFKD, then combining marks removed, so "Zürich" is "zurich"), case
 * folded, "&" read as "and", and split into words by the search tokenizer (so "C++" and "node.js" stay words).
 * Dots inside a word are dropped afterwards, so "S.A.", "L.L.C." and "Inc." become "sa", "llc" and "inc".
 */
final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Fold() {}

    static String text(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ");
    }

    /** The folded words of {@code raw}, in order. */
    static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        for (String word : Tokenizer.words(text(raw))) {
            String plain = word.indexOf('.') < 0 ? word : word.replace(".", "");
            if (!plain.isEmpty()) words.add(plain);
        }
        return words;
    }
}
