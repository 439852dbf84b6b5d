package dev.jobalerts.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Turns the {@code AWS::DynamoDB::Table} resources of template.yaml (already parsed into a JSON tree) into
 * CreateTable requests, so the local cloud and the tests build exactly the tables SAM deploys: one definition,
 * no drift. Table names follow the template's {@code ${AWS::StackName}-…} pattern for the given stack name.
 */
public final class TableSchemas {
    private TableSchemas() {}

    /** A table of the template: its logical id (e.g. {@code PagesTable}), the request, and its TTL attribute (or null). */
    public record TableSchema(String logicalId, CreateTableRequest request, String ttlAttribute) {}

    public static List<TableSchema> fromTemplate(JsonNode template, String stackName) {
        List<TableSchema> tables = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            JsonNode node = resource.getValue();
            if (!"AWS::DynamoDB::Table".equals(node.path("Type").asText())) return;
            JsonNode props = node.path("Properties");
            var request = CreateTableRequest.builder()
                    .tableName(tableName(props.path("TableName")).replace("${AWS::StackName}", stackName))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes(props.path("AttributeDefinitions")))
                    .keySchema(keys(props.path("KeySchema")));
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (JsonNode index : props.path("GlobalSecondaryIndexes")) {
                indexes.add(GlobalSecondaryIndex.builder()
                        .indexName(index.path("IndexName").asText())
                        .keySchema(keys(index.path("KeySchema")))
                        .projection(projection(index.path("Projection")))
                        .build());
            }
            if (!indexes.isEmpty()) request.globalSecondaryIndexes(indexes);
            JsonNode stream = props.path("StreamSpecification").path("StreamViewType");
            if (!stream.isMissingNode()) {
                request.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(stream.asText()).build());
            }
            JsonNode ttl = props.path("TimeToLiveSpecification");
            String ttlAttribute = ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText() : null;
            tables.add(new TableSchema(resource.getKey(), request.build(), ttlAttribute));
        });
        return tables;
    }

    /** The table names a stack gets, keyed the way {@link TableNames} expects them. */
    public static TableNames names(List<TableSchema> tables) {
        return new TableNames(name(tables, "SourcesTable"), name(tables, "PagesTable"), name(tables, "PostingsTable"),
                name(tables, "SubscribersTable"), name(tables, "DeliveriesTable"));
    }

    private static String name(List<TableSchema> tables, String logicalId) {
        return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template has no table " + logicalId))
                .request().tableName();
    }

    /** The name pattern, whether the template was read with short tags kept as text or mapped to {@code Fn::Sub}. */
    private static String tableName(JsonNode name) {
        return name.isObject() ? name.path("Fn::Sub").asText() : name.asText();
    }

    private static List<AttributeDefinition> attributes(JsonNode definitions) {
        List<AttributeDefinition> result = new ArrayList<>();
        for (JsonNode definition : definitions) {
            result.add(AttributeDefinition.builder()
                    .attributeName(definition.path("AttributeName").asText())
                    .attributeType(definition.path("AttributeType").asText().toUpperCase(Locale.ROOT))
                    .build());
        }
        return result;
    }

    private static Projection projection(JsonNode projection) {
        var builder = Projection.builder().projectionType(projection.path("ProjectionType").asText("ALL"));
        List<String> attributes = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(attribute -> attributes.add(attribute.asText()));
        if (!attributes.isEmpty()) builder.nonKeyAttributes(attributes);
        return builder.build();
    }

    private static List<KeySchemaElement> keys(JsonNode schema) {
        List<KeySchemaElement> result = new ArrayList<>();
        for (JsonNode key : schema) {
            result.add(KeySchemaElement.builder().attributeName(key.path("AttributeName").asText())
                    .keyType(key.path("KeyType").asText()).build());
        }
        return result;
    }
}
