package dev.jobalerts.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words. The one tokenizer used for query terms, posting text, locations and (in the
 * benchmark) Lucene, so a term and the text it is compared with always agree on what a word is.
 *
 * <p>A word is a run of letters and digits, widened the way technology names need:
 * <ul>
 *   <li>a dot between two word characters joins them ({@code node.js}, {@code asp.net}, {@code 3.5}, {@code e.g}),
 *       as Unicode UAX #29 word boundaries do; a dot at the end of a word is punctuation ({@code Node.js,} and
 *       {@code Node.js.} both give {@code node.js});</li>
 *   <li>a dot that starts a word after a non-word character is kept ({@code .NET Core}, {@code C#/.NET});</li>
 *   <li>{@code +}, {@code ++} or {@code #} right after a word that starts with a letter is kept when no letter
 *       follows ({@code c++}, {@code c#}, {@code f#}, {@code C++/Java}, {@code (C#)}, {@code C++11} gives
 *       {@code c++} and {@code 11}); {@code 5+ years} gives {@code 5}, and {@code java+spring} two words.</li>
 * </ul>
 * Everything else (spaces, hyphens, slashes, apostrophes, brackets) separates words. No stemming.
 */
public final class Tokenizer {

    /** One word of a text, with the char range it came from (end exclusive). */
    public record Word(String text, int start, int end) {}

    private Tokenizer() {}

    /** The words of {@code text}, lower-cased with the root locale, in order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        scan(text, (word, start, end) -> words.add(word));
        return words;
    }

    /** The words of {@code text} with their offsets (the Lucene adapter needs offsets). */
    public static List<Word> wordsWithOffsets(String text) {
        List<Word> words = new ArrayList<>();
        scan(text, (word, start, end) -> words.add(new Word(word, start, end)));
        return words;
    }

    interface Sink {
        void word(String word, int start, int end);
    }

    static void scan(CharSequence text, Sink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            if (isWordChar(c)) {
                i++;
            } else if (c == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                i += 2;
            } else {
                i++;
                continue;
            }
            while (true) {
                while (i < n && isWordChar(text.charAt(i))) i++;
                if (i + 1 < n && text.charAt(i) == '.' && isWordChar(text.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                break;
            }
            i = symbolSuffixEnd(text, start, i);
            sink.word(text.subSequence(start, i).toString().toLowerCase(Locale.ROOT), start, i);
        }
    }

    /** Where a word ends once a trailing {@code +}, {@code ++} or {@code #} is taken in (see the class comment). */
    private static int symbolSuffixEnd(CharSequence text, int start, int end) {
        int n = text.length();
        if (end >= n || !Character.isLetter(firstLetterOrDigit(text, start))) return end;
        int suffix = end;
        if (text.charAt(suffix) == '#') {
            suffix++;
        } else if (text.charAt(suffix) == '+') {
            suffix++;
            if (suffix < n && text.charAt(suffix) == '+') suffix++;
        } else {
            return end;
        }
        if (suffix < n && (Character.isLetter(text.charAt(suffix)) || text.charAt(suffix) == '+' || text.charAt(suffix) == '#'))
            return end;
        return suffix;
    }

    private static char firstLetterOrDigit(CharSequence text, int start) {
        return text.charAt(start) == '.' ? text.charAt(start + 1) : text.charAt(start);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
