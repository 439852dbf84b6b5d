package dev.jobalerts.store;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * DynamoDB Local in-process on a free loopback port, for tests. Each {@code create…Table} method builds one table
 * exactly as template.yaml declares it (keys, indexes, projections, streams, TTL attribute), so tests exercise the
 * same access patterns as the deployed stack. Close it after the tests: DynamoDB Local keeps non-daemon threads.
 */
public final class LocalDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = AwsClients.dynamoDb(environment());
    }

    /** Starts an in-memory server; DDB_LOCAL_TELEMETRY=0 is set by surefire so nothing phones home. */
    public static LocalDynamoDb start() {
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            return new LocalDynamoDb(server, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Environment variables that point {@link AwsClients} at this server (for code that builds its own clients). */
    public Map<String, String> environment() {
        // No keys: AwsClients then uses dummy ones for an overridden endpoint, never the machine's credentials.
        return Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString(), "AWS_REGION", "us-east-1");
    }

    /** Creates all five tables for a stack name and returns their names. */
    public TableNames createAllTables(String stackName) {
        TableNames names = TableNames.forStack(stackName);
        createSourcesTable(names.sources());
        createPagesTable(names.pages());
        createPostingsTable(names.postings());
        createSubscribersTable(names.subscribers());
        createDeliveriesTable(names.deliveries());
        return names;
    }

    public String createSourcesTable(String name) {
        return create(name, List.of(attr("sourceId")), key("sourceId", null), List.of(), null, false);
    }

    public String createPagesTable(String name) {
        return create(name, List.of(attr("url"), attr("sourceId"), attr("fetchedAt")), key("url", null),
                List.of(index("bySource", "sourceId", "fetchedAt", ProjectionType.KEYS_ONLY)), StreamViewType.KEYS_ONLY, true);
    }

    public String createPostingsTable(String name) {
        return create(name, List.of(attr("postingId"), attr("sourceId"), attr("firstSeen")), key("postingId", null),
                List.of(index("bySource", "sourceId", "firstSeen", ProjectionType.ALL)), StreamViewType.NEW_IMAGE, true);
    }

    public String createSubscribersTable(String name) {
        return create(name,
                List.of(attr("subscriberId"), attr("itemId"), attr("changeFeed"),
                        AttributeDefinition.builder().attributeName("updatedAt").attributeType(ScalarAttributeType.N).build(),
                        attr("status"), attr("email")),
                key("subscriberId", "itemId"),
                List.of(index("searchChanges", "changeFeed", "updatedAt", ProjectionType.ALL),
                        index("byStatus", "status", "email", ProjectionType.ALL)),
                null, true);
    }

    public String createDeliveriesTable(String name) {
        return create(name, List.of(attr("subscriberId"), attr("postingId"), attr("pendingKey"), attr("pendingSort")),
                key("subscriberId", "postingId"),
                List.of(index("pending", "pendingKey", "pendingSort", ProjectionType.ALL)), null, true);
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private String create(String name, List<AttributeDefinition> attributes, List<KeySchemaElement> key,
                          List<GlobalSecondaryIndex> indexes, StreamViewType stream, boolean ttl) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(attributes).keySchema(key);
            if (!indexes.isEmpty()) b.globalSecondaryIndexes(indexes);
            if (stream != null) b.streamSpecification(s -> s.streamEnabled(true).streamViewType(stream));
        });
        if (ttl) client.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        return name;
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static List<KeySchemaElement> key(String hash, String range) {
        List<KeySchemaElement> key = new ArrayList<>();
        key.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) key.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        return key;
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(hash, range))
                .projection(Projection.builder().projectionType(projection).build()).build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
