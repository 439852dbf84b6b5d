package dev.jobalerts.store;

import static dev.jobalerts.store.Attrs.bool;
import static dev.jobalerts.store.Attrs.n;
import static dev.jobalerts.store.Attrs.num;
import static dev.jobalerts.store.Attrs.s;
import static dev.jobalerts.store.Attrs.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The Sources table: one item per job board holding its definition, fetch validators and health.
 * Listing all sources is a Scan on purpose: it runs once per scheduled fetch (and per operator listing),
 * never per posting, and a parallel-scan segment is how the fetch fans out.
 */
public final class SourceStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public SourceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Saves the definition, keeping any fetch state and health already stored (so import is idempotent). */
    public void saveDefinition(SourceDefinition definition) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("sourceId", s(definition.id())))
                .updateExpression("SET #definition = :d, #paused = :p")
                .expressionAttributeNames(Map.of("#definition", "definition", "#paused", "paused"))
                .expressionAttributeValues(Map.of(":d", s(Json.write(definition)), ":p", bool(definition.paused()))));
    }

    public Optional<Source> find(String sourceId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of("sourceId", s(sourceId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Every source in one parallel-scan segment ({@code segment} of {@code totalSegments}). */
    public List<Source> list(int segment, int totalSegments) {
        List<Source> sources = new ArrayList<>();
        ScanRequest.Builder request = ScanRequest.builder().tableName(table);
        if (totalSegments > 1) request.segment(segment).totalSegments(totalSegments);
        for (var page : dynamo.scanPaginator(request.build())) {
            for (var item : page.items()) sources.add(fromItem(item));
        }
        sources.sort(java.util.Comparator.comparing(Source::id));
        return sources;
    }

    public List<Source> listAll() {
        return list(0, 1);
    }

    public boolean delete(String sourceId) {
        var response = dynamo.deleteItem(b -> b.tableName(table).key(Map.of("sourceId", s(sourceId)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
        return response.hasAttributes() && !response.attributes().isEmpty();
    }

    /** Records the outcome of one fetch: validators for the next conditional GET and the new health. */
    public void recordFetch(String sourceId, FetchState state, SourceHealth health) {
        Map<String, AttributeValue> values = new HashMap<>(healthValues(health));
        Map<String, String> names = new HashMap<>(healthNames());
        StringBuilder set = new StringBuilder(healthAssignments());
        List<String> remove = new ArrayList<>();
        assignOrRemove(set, remove, names, values, "etag", state.etag());
        assignOrRemove(set, remove, names, values, "lastModified", state.lastModified());
        assignOrRemove(set, remove, names, values, "contentHash", state.contentHash());
        assignOrRemove(set, remove, names, values, "nextDueAt", state.nextDueAt() == null ? null : state.nextDueAt().toString());
        String expression = "SET " + set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("sourceId", s(sourceId)))
                .conditionExpression("attribute_exists(sourceId)")
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    private static void assignOrRemove(StringBuilder set, List<String> remove, Map<String, String> names,
                                       Map<String, AttributeValue> values, String name, String value) {
        names.put("#" + name, name);
        if (value == null) {
            remove.add("#" + name);
        } else {
            set.append(", #").append(name).append(" = :").append(name);
            values.put(":" + name, s(value));
        }
    }

    /** Every attribute goes through a name placeholder: DynamoDB reserves hundreds of words, and more over time. */
    private static final List<String> HEALTH_ATTRIBUTES = List.of(
            "lastRunAt", "lastStatus", "statusDetail", "failures", "postingsLastRun", "postingsHighWater", "broken");

    private static String healthAssignments() {
        return String.join(", ", HEALTH_ATTRIBUTES.stream().map(a -> "#" + a + " = :" + a).toList());
    }

    private static Map<String, String> healthNames() {
        Map<String, String> names = new HashMap<>();
        HEALTH_ATTRIBUTES.forEach(a -> names.put("#" + a, a));
        return names;
    }

    private static Map<String, AttributeValue> healthValues(SourceHealth health) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":lastRunAt", s(health.lastRunAt() == null ? "" : health.lastRunAt().toString()));
        values.put(":lastStatus", s(health.lastStatus().stored()));
        values.put(":statusDetail", s(health.detail() == null ? "" : health.detail()));
        values.put(":failures", n(health.consecutiveFailures()));
        values.put(":postingsLastRun", n(health.postingsLastRun()));
        values.put(":postingsHighWater", n(health.postingsHighWater()));
        values.put(":broken", bool(health.broken()));
        return values;
    }

    static Source fromItem(Map<String, AttributeValue> item) {
        SourceDefinition definition;
        try {
            definition = Json.mapper().readValue(str(item, "definition"), SourceDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source " + str(item, "sourceId") + " has an unreadable definition", e);
        }
        String nextDue = str(item, "nextDueAt");
        FetchState state = new FetchState(str(item, "etag"), str(item, "lastModified"), str(item, "contentHash"),
                nextDue == null ? null : Instant.parse(nextDue));
        SourceHealth health = SourceHealth.unknown();
        if (item.containsKey("lastStatus")) {
            String lastRun = str(item, "lastRunAt");
            health = new SourceHealth(lastRun == null || lastRun.isEmpty() ? null : Instant.parse(lastRun),
                    FetchStatus.fromStored(str(item, "lastStatus")), str(item, "statusDetail"),
                    num(item, "failures").intValue(), num(item, "postingsLastRun").intValue(),
                    num(item, "postingsHighWater").intValue(), Attrs.flag(item, "broken"));
        }
        return new Source(definition, state, health);
    }

}
