package dev.jobalerts.store;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM on a free loopback port, with every table of template.yaml created in it.
 * Tests share one instance per class ({@code @RegisterExtension static final LocalDynamoDb dynamo =
 * LocalDynamoDb.perTestClass();}); {@link #freshTables()} gives each test its own stack name (and so its own empty
 * tables) without restarting the server.
 */
public final class LocalDynamoDb implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    static {
        DynamoDbLocalWarnings.quiet();
    }

    private DynamoDBProxyServer server;
    private int port;
    private DynamoDbClient client;
    private JsonNode template;
    private int stacks;

    private LocalDynamoDb() {}

    /** Started now; the caller closes it. */
    public static LocalDynamoDb start() {
        LocalDynamoDb dynamo = new LocalDynamoDb();
        dynamo.startServer();
        return dynamo;
    }

    /** A JUnit extension: started before the class's first test, stopped after its last. */
    public static LocalDynamoDb perTestClass() {
        return new LocalDynamoDb();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startServer() {
        try {
            port = freePort();
            // createServer, not createServerFromCommandLineArgs: the latter prints an eight-line banner on System.out.
            CommandLineInput input = new CommandLineInput(new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            if (!input.init()) throw new IllegalStateException("DynamoDB Local refused its arguments");
            server = ServerRunner.createServer(input);
            server.start();
            template = readTemplate();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
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
