package dev.jobalerts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads request bodies into JSON objects or form fields, refusing anything else with the matching 4xx. */
final class Bodies {
    /** "{} trailing" is not a JSON document: refuse it instead of silently reading the first value. */
    private static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Bodies() {}

    static Outcome<ObjectNode> jsonObject(HttpRequest request, Set<String> knownFields) {
        if (!request.isJson()) return Outcome.failed(ApiError.unsupportedMediaType("application/json"));
        Outcome<byte[]> bytes = request.bodyBytes();
        if (bytes.failed()) return bytes.forward();
        JsonNode node;
        try {
            node = READER.readTree(bytes.value());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Outcome.failed(ApiError.badRequest("malformed_json", "The body is not valid JSON" + where + ".", null));
        } catch (IOException e) {
            return Outcome.failed(ApiError.badRequest("malformed_json", "The body is not valid UTF-8 JSON.", null));
        }
        if (node == null || !node.isObject())
            return Outcome.failed(ApiError.badRequest("malformed_json", "The body must be a JSON object.", null));
        ObjectNode object = (ObjectNode) node;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) return Outcome.failed(unknownField(name));
        }
        return Outcome.ok(object);
    }

    /** Form fields; the first value of a repeated name wins. */
    static Outcome<Map<String, String>> form(HttpRequest request, Set<String> knownFields) {
        if (!request.isForm()) return Outcome.failed(ApiError.unsupportedMediaType("application/x-www-form-urlencoded"));
        Outcome<byte[]> bytes = request.bodyBytes();
        if (bytes.failed()) return bytes.forward();
        Map<String, String> fields = new LinkedHashMap<>();
        String body = new String(bytes.value(), StandardCharsets.UTF_8);
        if (body.isEmpty()) return Outcome.ok(fields);
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Outcome.failed(ApiError.badRequest("malformed_form", "The form body has a broken %-escape.", null));
            }
            if (!knownFields.contains(name)) return Outcome.failed(unknownField(name));
            fields.putIfAbsent(name, value);
        }
        return Outcome.ok(fields);
    }

    static ApiError unknownField(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return ApiError.badRequest("unknown_field", "Unknown field \"" + shown + "\".", shown);
    }
}
