package dev.jobalerts.search;

/** The outcome of {@link Query#parse}: a query, or where and why the text is not one. */
public sealed interface QueryParseResult permits QueryParseResult.Parsed, QueryParseResult.Invalid {

    record Parsed(Query query) implements QueryParseResult {
        public Parsed {
            java.util.Objects.requireNonNull(query, "query");
        }
    }

    /**
     * @param position 0-based char index of the problem in the query text
     * @param message  names the problem and repeats the position, e.g. {@code unclosed parenthesis at position 12}
     */
    record Invalid(int position, String message) implements QueryParseResult {
        public Invalid {
            if (position < 0) throw new IllegalArgumentException("position must not be negative, was " + position);
            java.util.Objects.requireNonNull(message, "message");
        }
    }
}
