package dev.jobalerts.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the priming endpoint remembers of DynamoDB: the items the priming copy put, so that it can get them back. A
 * primer that stores a sample subscriber and then runs a batch reaches the paths that need one (profile read, claim,
 * email) without the endpoint knowing any table's layout: an item answers a GetItem whose key attributes it holds.
 * Everything else (queries, updates, transactions) succeeds and finds nothing. Bounded; priming only.
 */
final class PrimingItems {
    private static final int CAPACITY = 1_000;

    private record Stored(String table, JsonNode item) {}

    private final List<Stored> items = new ArrayList<>();

    /** The answer to one DynamoDB call, by its {@code X-Amz-Target} operation and request body. */
    synchronized String answer(String operation, byte[] body) throws IOException {
        JsonNode request = Json.mapper().readTree(body);
        String table = request.path("TableName").asText();
        switch (operation) {
            case "PutItem" -> {
                if (items.size() >= CAPACITY) items.remove(0);
                items.add(new Stored(table, request.path("Item")));
                return "{}";
            }
            case "GetItem" -> {
                JsonNode item = find(table, request.path("Key"));
                if (item == null) return "{}";
                ObjectNode answer = Json.mapper().createObjectNode();
                answer.set("Item", item);
                return answer.toString();
            }
            default -> {
                return "{}";
            }
        }
    }

    private JsonNode find(String table, JsonNode key) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Stored stored = items.get(i);
            if (stored.table().equals(table) && holds(stored.item(), key)) return stored.item();
        }
        return null;
    }

    private static boolean holds(JsonNode item, JsonNode key) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = key.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(item.path(field.getKey()))) return false;
        }
        return key.size() > 0;
    }
}
