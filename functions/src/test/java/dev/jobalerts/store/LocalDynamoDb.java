package dev.jobalerts.store;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM on a free loopback port, with every table of template.yaml created in it.
 * Tests share one instance per class; {@link #freshTables()} gives each test its own stack name (and so
 * its own empty tables) without restarting the server.
 */
public final class LocalDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;
    private final DynamoDbClient client;
    private final JsonNode template;
    private int stacks;

    private LocalDynamoDb(DynamoDBProxyServer server, int port, JsonNode template) {
        this.server = server;
        this.port = port;
        this.template = template;
        this.client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static LocalDynamoDb start() {
        try {
            int port = freePort();
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            return new LocalDynamoDb(server, port, readTemplate());
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates every table of the template under a new stack name and returns their names. */
    public synchronized TableNames freshTables() {
        String stack = "test" + (++stacks);
        List<TableSchemas.TableSchema> tables = TableSchemas.fromTemplate(template, stack);
        for (TableSchemas.TableSchema table : tables) client.createTable(table.request());
        return TableSchemas.names(tables);
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

    /** The CloudFormation short tags do not matter for table properties, so a plain YAML read is enough here. */
    static JsonNode readTemplate() throws IOException {
        Path template = Path.of("..", "template.yaml");
        if (!Files.exists(template)) template = Path.of("template.yaml");
        return new ObjectMapper(new YAMLFactory()).readTree(template.toFile());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
