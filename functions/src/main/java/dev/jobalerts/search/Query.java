package dev.jobalerts.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed saved-search query. The language: case-insensitive whole-word terms (see {@link Tokenizer} for what a
 * word is), {@code "quoted phrases"}, {@code prefix*}, {@code AND} (also implied between terms), {@code OR},
 * {@code NOT} and a leading {@code -}, parentheses, and {@code title:} / {@code company:} before a term, phrase or
 * group. Precedence is NOT &gt; AND &gt; OR. Operators are upper case only, so "research and development" stays
 * three words. An empty query matches every posting.
 */
public final class Query {
    public static final int MAX_LENGTH = 500;
    public static final int MAX_TERMS = 50;

    private final String text;
    private final QueryNode root;

    Query(String text, QueryNode root) {
        this.text = Objects.requireNonNull(text, "text");
        this.root = root;
    }

    /** Parses {@code text}; null or blank gives the query that matches everything. Never throws on bad input. */
    public static QueryParseResult parse(String text) {
        return QueryParser.parse(text == null ? "" : text);
    }

    /** The text as the subscriber wrote it. */
    public String text() {
        return text;
    }

    /** True for the empty query, which leaves the decision to the search's filters. */
    public boolean matchesEverything() {
        return root == null;
    }

    /** The tree in a canonical form such as {@code AND(title:python OR(django flask))}, for tests and tools. */
    public String canonical() {
        return root == null ? "" : root.toString();
    }

    /**
     * Walks the query tree bottom-up, e.g. to translate it for another engine (the benchmark's Lucene Monitor).
     * Returns null for the empty query, which matches everything.
     */
    public <R> R accept(Visitor<R> visitor) {
        return root == null ? null : root.accept(visitor);
    }

    /** One callback per node kind; children arrive already visited. */
    public interface Visitor<R> {
        R term(Field field, String word);

        /** Any word starting with {@code prefix}, the prefix itself included. */
        R prefix(Field field, String prefix);

        /** Two or more consecutive words within one field. */
        R phrase(Field field, List<String> words);

        R and(List<R> children);

        R or(List<R> children);

        R not(R child);
    }

    /** Null when the query matches everything. */
    QueryNode root() {
        return root;
    }

    boolean test(PostingWords posting) {
        return root == null || root.test(posting);
    }

    /** The words and phrases that made the query match, in query order, without repeats. */
    List<String> matchedTerms(PostingWords posting) {
        if (root == null) return List.of();
        List<String> out = new ArrayList<>(4);
        root.explain(posting, out);
        if (out.size() > 1) {
            // Usually one to three words: a quadratic de-duplication beats building a set.
            for (int i = out.size() - 1; i > 0; i--) {
                if (out.subList(0, i).contains(out.get(i))) out.remove(i);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
