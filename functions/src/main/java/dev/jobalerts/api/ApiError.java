package dev.jobalerts.api;

/**
 * A request the API refuses, as the client sees it: {@code {"error": {"code", "message", "field"}}}.
 * Messages are written for the person filling the form and never carry internal names or stack traces.
 *
 * @param field the offending input ({@code email}, {@code search.query}, {@code token} …) or null
 */
record ApiError(int status, String code, String message, String field) {

    static ApiError badRequest(String code, String message, String field) {
        return new ApiError(400, code, message, field);
    }

    static ApiError notFound() {
        return new ApiError(404, "not_found", "There is nothing at this address.", null);
    }

    static ApiError methodNotAllowed(String allowed) {
        return new ApiError(405, "method_not_allowed", "Use " + allowed + " here.", null);
    }

    static ApiError unsupportedMediaType(String expected) {
        return new ApiError(415, "unsupported_media_type", "Send the body as " + expected + ".", null);
    }

    static ApiError tooLarge(int limit) {
        return new ApiError(413, "payload_too_large", "The body must be at most " + limit + " bytes.", null);
    }

    static ApiError missingToken() {
        return badRequest("missing_token", "The link is missing its token; open the link from your email again.", "token");
    }

    static ApiError unknownToken() {
        return new ApiError(404, "unknown_token", "This link is not valid (anymore). Use the newest link from your email.", "token");
    }

    static ApiError expiredToken() {
        return new ApiError(410, "expired_token", "This link has expired. Sign up again to get a fresh one.", "token");
    }

    static ApiError tooManyRequests() {
        return new ApiError(429, "too_many_requests", "Too many requests; wait a minute and try again.", null);
    }

    static ApiError tooManySearches(int limit) {
        return new ApiError(409, "too_many_searches", "You can keep at most " + limit + " saved searches; delete one first.", "search");
    }

    static ApiError unknownSearch() {
        return new ApiError(404, "unknown_search", "There is no saved search with this id.", "id");
    }

    static ApiError internal() {
        return new ApiError(500, "internal", "Something went wrong on our side; please try again later.", null);
    }
}
