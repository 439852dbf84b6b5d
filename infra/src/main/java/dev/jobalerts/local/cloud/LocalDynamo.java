package dev.jobalerts.local.cloud;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.store.TableSchemas;
import java.io.IOException;
import java.lang.reflect.Field;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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

    /** Starts on loopback, on {@code port} or a free port when it is 0. */
    public static LocalDynamo start(int port) {
        return start("127.0.0.1", port);
    }

    /**
     * Starts on {@code host} (an address of this machine; 127.0.0.1 unless the operator chose to expose it), on
     * {@code port} or a free port when it is 0.
     */
    public static LocalDynamo start(String host, int port) {
        int chosen = port == 0 ? freePort() : port;
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(chosen), "-disableTelemetry"});
            bindTo(server, host);
            server.start();
            String endpointHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            return new LocalDynamo(server, "http://" + (endpointHost.contains(":") ? "[" + endpointHost + "]" : endpointHost) + ":" + chosen);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on " + host + ":" + chosen + ": " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local has no option for the address it listens on and binds every interface, which would let anyone
     * on the network read subscribers and add sources. Its Jetty server is built but not started by
     * {@code createServerFromCommandLineArgs}; this sets the host of its connectors before the start.
     */
    static void bindTo(DynamoDBProxyServer proxy, String host) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local's server has no connector to bind");
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector serverConnector))
                throw new IllegalStateException("DynamoDB Local's connector cannot be bound to " + host + ": " + connector);
            serverConnector.setHost(host);
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
