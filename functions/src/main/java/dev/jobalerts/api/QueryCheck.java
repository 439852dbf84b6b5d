package dev.jobalerts.api;

import dev.jobalerts.search.Query;
import dev.jobalerts.search.QueryParseResult;
import java.util.Optional;

/**
 * Adapter between the API and the query language's parser, so that a query which does not parse is refused at
 * sign-up with the parser's own message and position instead of silently matching nothing later.
 */
final class QueryCheck {
    /** Why a query was refused; {@code position} is a 0-based character offset into the query. */
    record Problem(int position, String message) {}

    private QueryCheck() {}

    /** The parser enforces the language's limits (500 characters, 50 terms) and names the position of a problem. */
    static Optional<Problem> check(String query) {
        if (query == null || query.isEmpty()) return Optional.empty();
        if (Query.parse(query) instanceof QueryParseResult.Invalid invalid)
            return Optional.of(new Problem(invalid.position(), invalid.message()));
        return Optional.empty();
    }
}
