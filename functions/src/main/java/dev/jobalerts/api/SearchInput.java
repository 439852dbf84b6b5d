package dev.jobalerts.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.search.InvalidSearchException;
import dev.jobalerts.search.RemoteMode;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.subscribe.SubscriptionService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a saved search from a JSON body or the HTML form into a {@link SavedSearch}, naming the offending field
 * ({@code search.query}, {@code search.minSalary} …) in every refusal. Jackson's own messages name Java types, so
 * they are never passed on.
 */
final class SearchInput {
    /** Form field names of a search (the sign-up form adds email and frequency). */
    static final Set<String> FORM_FIELDS = Set.of("query", "locations", "remote", "minSalary");
    /** Field names of a search as a JSON object: those of {@link SavedSearch}. */
    static final Set<String> JSON_FIELDS = Arrays.stream(SavedSearch.class.getRecordComponents())
            .map(component -> component.getName()).collect(Collectors.toUnmodifiableSet());

    private SearchInput() {}

    /**
     * @param node      the search object, or null when the client sent none
     * @param prefix    how fields are named in errors: {@code "search."} inside a sign-up, {@code ""} on manage routes
     * @param idInPath  the id from the URL on replace, which wins over any id in the body; null to keep or assign one
     */
    static Outcome<SavedSearch> fromJson(JsonNode node, String prefix, String idInPath) {
        if (node == null || node.isNull()) node = Json.mapper().createObjectNode();
        if (!node.isObject()) return Outcome.failed(ApiError.badRequest("invalid_field", "The search must be a JSON object.", field(prefix, "")));
        ObjectNode search = ((ObjectNode) node).deepCopy();
        JsonNode id = search.get("id");
        if (idInPath != null) search.put("id", idInPath);
        else if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) search.put("id", SubscriptionService.newSearchId());
        SavedSearch saved;
        try {
            saved = Json.mapper().treeToValue(search, SavedSearch.class);
        } catch (UnrecognizedPropertyException e) {
            return Outcome.failed(Bodies.unknownField(prefix + e.getPropertyName()));
        } catch (JsonMappingException e) {
            return Outcome.failed(mappingError(e, prefix));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return Outcome.failed(ApiError.badRequest("invalid_field", "The search could not be read.", field(prefix, "")));
        }
        return checked(saved, prefix);
    }

    /** The HTML form's fields: locations are comma-separated, minSalary a number or empty. */
    static Outcome<SavedSearch> fromForm(Map<String, String> form, String prefix, String idInPath) {
        Double minSalary = null;
        String salary = form.getOrDefault("minSalary", "").strip();
        if (!salary.isEmpty()) {
            try {
                minSalary = Double.valueOf(salary);
            } catch (NumberFormatException e) {
                return Outcome.failed(ApiError.badRequest("invalid_field", "minSalary must be a number such as 60000", field(prefix, "minSalary")));
            }
        }
        List<String> locations = Arrays.stream(form.getOrDefault("locations", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            RemoteMode remote = RemoteMode.fromWire(form.getOrDefault("remote", "any"));
            SavedSearch search = new SavedSearch(idInPath != null ? idInPath : SubscriptionService.newSearchId(),
                    form.get("query"), locations, remote, null, null, minSalary, null, null, null);
            return checked(search, prefix);
        } catch (InvalidSearchException e) {
            return Outcome.failed(ApiError.badRequest("invalid_field", e.getMessage(), field(prefix, e.field())));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(ApiError.badRequest("invalid_field", e.getMessage(), field(prefix, "remote")));
        }
    }

    private static Outcome<SavedSearch> checked(SavedSearch search, String prefix) {
        // Ids appear in URLs (/manage/searches/{id}), so they keep to URL-safe characters.
        if (!search.id().matches("[A-Za-z0-9_-]{1,64}"))
            return Outcome.failed(ApiError.badRequest("invalid_field", "id must be 1 to 64 letters, digits, '-' or '_'", field(prefix, "id")));
        var problem = QueryCheck.check(search.query());
        if (problem.isPresent())
            return Outcome.failed(ApiError.badRequest("invalid_query",
                    problem.get().message() + " (at character " + (problem.get().position() + 1) + ")", field(prefix, "query")));
        return Outcome.ok(search);
    }

    private static ApiError mappingError(JsonMappingException e, String prefix) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSearchException invalid)
                return ApiError.badRequest("invalid_field", invalid.getMessage(), field(prefix, invalid.field()));
        }
        String name = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
        if (name == null) name = "";
        // Our own validation messages (RemoteMode, SavedSearch) are safe to show; Jackson's are not.
        Throwable root = e.getCause();
        String message = root instanceof IllegalArgumentException && root.getMessage() != null && !(root instanceof JsonMappingException)
                ? root.getMessage()
                : (name.isEmpty() ? "The search" : name) + " has the wrong type; see the API documentation for its shape.";
        return ApiError.badRequest("invalid_field", message, field(prefix, name));
    }

    static String field(String prefix, String name) {
        if (name == null || name.isEmpty()) return prefix.isEmpty() ? "search" : prefix.substring(0, prefix.length() - 1);
        return prefix + name;
    }
}
