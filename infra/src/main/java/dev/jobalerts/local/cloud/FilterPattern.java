package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The subset of Lambda event filtering (EventBridge pattern syntax) our template uses and a little more:
 * nested objects, lists of allowed values, {@code {"exists": bool}}, {@code {"prefix": "…"}} and
 * {@code {"anything-but": [...]}}. DynamoDB Local does not filter, so the local poller applies these itself.
 */
final class FilterPattern {
    private FilterPattern() {}

    static boolean matches(JsonNode pattern, JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode expected = field.getValue();
            JsonNode actual = event.path(field.getKey());
            if (expected.isObject()) {
                if (!actual.isObject() || !matches(expected, actual)) return false;
            } else if (expected.isArray()) {
                if (!anyAllowed(expected, actual)) return false;
            } else {
                throw new IllegalArgumentException("pattern leaves must be arrays: " + field.getKey());
            }
        }
        return true;
    }

    private static boolean anyAllowed(JsonNode allowed, JsonNode actual) {
        for (JsonNode rule : allowed) {
            if (rule.isObject()) {
                if (rule.has("exists") && rule.get("exists").asBoolean() == !actual.isMissingNode()) return true;
                if (rule.has("prefix") && actual.isTextual() && actual.asText().startsWith(rule.get("prefix").asText())) return true;
                if (rule.has("anything-but") && !actual.isMissingNode() && !contains(rule.get("anything-but"), actual)) return true;
            } else if (!actual.isMissingNode() && rule.asText().equals(actual.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode values, JsonNode actual) {
        if (!values.isArray()) return values.asText().equals(actual.asText());
        for (JsonNode value : values) if (value.asText().equals(actual.asText())) return true;
        return false;
    }
}
