package dev.jobalerts.api;

import java.util.Optional;

/**
 * Adapter between the API and the query language's parser, so that a query which does not parse is refused at
 * sign-up with the parser's own message and position instead of silently matching nothing later.
 */
final class QueryCheck {
    /** The query language's length limit. */
    static final int MAX_LENGTH = 500;

    /** Why a query was refused; {@code position} is a 0-based character offset into the query. */
    record Problem(int position, String message) {}

    private QueryCheck() {}

    static Optional<Problem> check(String query) {
        if (query == null || query.isEmpty()) return Optional.empty();
        if (query.length() > MAX_LENGTH)
            return Optional.of(new Problem(MAX_LENGTH, "query must be at most " + MAX_LENGTH + " characters"));
        // TODO(merge search): replace the rest of this method with the parser once dev.jobalerts.search.Query lands:
        //   if (Query.parse(query) instanceof QueryParseResult.Invalid invalid)
        //       return Optional.of(new Problem(invalid.position(), invalid.message()));
        return Optional.empty();
    }
}
