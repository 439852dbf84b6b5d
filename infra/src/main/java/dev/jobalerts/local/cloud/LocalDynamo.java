package dev.jobalerts.local.cloud;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.store.TableSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local running in this JVM (in memory, telemetry off) with the template's tables created in it.
 * DynamoDB Local keeps non-daemon threads alive after stop, which is why the CLI exits explicitly.
 */
public final class LocalDynamo implements AutoCloseable {
    public static final String STACK = "local";

    /** Null when connected to a DynamoDB that runs elsewhere (LocalStack, a container). */
    private final DynamoDBProxyServer server;
    private final String endpoint;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;

    private LocalDynamo(DynamoDBProxyServer server, String endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        this.client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Starts on {@code port}, or a free port when it is 0. */
    public static LocalDynamo start(int port) {
        int chosen = port == 0 ? freePort() : port;
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(chosen), "-disableTelemetry"});
            server.start();
            return new LocalDynamo(server, "http://127.0.0.1:" + chosen);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + chosen + ": " + e.getMessage(), e);
        }
    }

    /** Uses a DynamoDB-compatible endpoint that runs elsewhere, e.g. LocalStack; nothing is started or stopped. */
    public static LocalDynamo connect(String endpoint) {
        return new LocalDynamo(null, endpoint);
    }

    /** Creates every table of the template under {@code stack}, with TTL enabled where the template enables it. */
    public TableNames createTables(JsonNode template, String stack) {
        List<TableSchemas.TableSchema> tables = TableSchemas.fromTemplate(template, stack);
        for (TableSchemas.TableSchema table : tables) {
            client.createTable(table.request());
            if (table.ttlAttribute() != null) {
                client.updateTimeToLive(b -> b.tableName(table.request().tableName())
                        .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
            }
        }
        return TableSchemas.names(tables);
    }

    public String streamArn(String tableName) {
        return client.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        client.close();
        streams.close();
        if (server == null) return;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
