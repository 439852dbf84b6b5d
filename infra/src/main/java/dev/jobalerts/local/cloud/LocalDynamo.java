package dev.jobalerts.local.cloud;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
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
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.exception.SdkException;
import dev.jobalerts.store.DynamoDbLocalWarnings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local running in this JVM (in memory, or on disk for {@code serve --data}; telemetry off) with the template's tables created in it.
 * DynamoDB Local keeps non-daemon threads alive after stop, which is why the CLI exits explicitly.
 */
public final class LocalDynamo implements AutoCloseable {
    static {
        DynamoDbLocalWarnings.quiet();
    }

    public static final String STACK = "local";

    /** Null when connected to a DynamoDB that runs elsewhere (LocalStack, a container). */
    private final DynamoDBProxyServer server;
    private final String endpoint;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;

    /** Where the database lives; null in memory or elsewhere. */
    private final Path dbPath;

    private LocalDynamo(DynamoDBProxyServer server, Path dbPath, String endpoint) {
        this.server = server;
        this.dbPath = dbPath;
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
        return start(host, port, null);
    }

    /**
     * Starts on {@code host} and {@code port} (0: a free one), in memory when {@code dbPath} is null, else on disk in
     * that directory: one SQLite file ({@code -sharedDb}), so the operator CLI sees the same tables whatever
     * credentials and region it signs with.
     */
    public static LocalDynamo start(String host, int port, Path dbPath) {
        int chosen = port == 0 ? freePort() : port;
        String[] storage = dbPath == null ? new String[] {"-inMemory"} : new String[] {"-dbPath", dbPath.toString(), "-sharedDb"};
        try {
            // DynamoDB Local refuses a -dbPath that does not exist yet.
            if (dbPath != null) java.nio.file.Files.createDirectories(dbPath);
            String[] args = Stream.concat(Arrays.stream(storage), Stream.of("-port", Integer.toString(chosen), "-disableTelemetry"))
                    .toArray(String[]::new);
            // createServer, not createServerFromCommandLineArgs: the latter prints an eight-line banner on System.out,
            // into the output of demo and serve. (Neither uses -optimizeDbBeforeStartup, the one thing only it handles.)
            CommandLineInput input = new CommandLineInput(args);
            if (!input.init()) throw new IllegalArgumentException("DynamoDB Local refused its arguments " + Arrays.toString(args));
            DynamoDBProxyServer server = ServerRunner.createServer(input);
            bindTo(server, host);
            server.start();
            String endpointHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            return new LocalDynamo(server, dbPath, "http://" + (endpointHost.contains(":") ? "[" + endpointHost + "]" : endpointHost) + ":" + chosen);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on " + host + ":" + chosen + ": " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local has no option for the address it listens on and binds every interface, which would let anyone
     * on the network read subscribers and add sources. Its Jetty server is built but not started by
     * {@code createServer}; this sets the host of its connectors before the start.
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
        return new LocalDynamo(null, null, endpoint);
    }

    /** Creates every table of the template under {@code stack}, with TTL enabled where the template enables it. */
    public TableNames createTables(JsonNode template, String stack) {
        List<TableSchemas.TableSchema> tables = TableSchemas.fromTemplate(template, stack);
        tables.forEach(this::create);
        return TableSchemas.names(tables);
    }

    private void create(TableSchemas.TableSchema table) {
        client.createTable(table.request());
        if (table.ttlAttribute() != null) {
            client.updateTimeToLive(b -> b.tableName(table.request().tableName())
                    .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
        }
    }

    /**
     * Makes the template's tables exist in a database that may already hold them (a data directory from an earlier
     * run, perhaps of an older version): missing tables are created, and indexes the template has added since are
     * built on the existing tables (one per update, as DynamoDB requires). Data is never touched.
     *
     * @throws StartupException (exit 2) when the database cannot be read, e.g. a damaged file
     */
    public TableNames ensureTables(JsonNode template, String stack) {
        List<TableSchemas.TableSchema> tables = TableSchemas.fromTemplate(template, stack);
        Set<String> existing = new HashSet<>();
        try {
            String start = null;
            do {
                String from = start;
                var page = client.listTables(b -> b.exclusiveStartTableName(from));
                existing.addAll(page.tableNames());
                start = page.lastEvaluatedTableName();
            } while (start != null);
        } catch (SdkException e) {
            throw new StartupException(StartupException.BAD_INPUT, "DynamoDB Local cannot read its database"
                    + (server == null ? "" : " in " + dbPath) + ": " + e.getMessage() + "; restore the data directory from a backup", e);
        }
        for (TableSchemas.TableSchema table : tables) {
            if (!existing.contains(table.request().tableName())) create(table);
            else addMissingIndexes(table);
        }
        return TableSchemas.names(tables);
    }

    private void addMissingIndexes(TableSchemas.TableSchema table) {
        String name = table.request().tableName();
        var described = client.describeTable(b -> b.tableName(name)).table();
        Set<String> present = new HashSet<>();
        if (described.hasGlobalSecondaryIndexes()) described.globalSecondaryIndexes().forEach(i -> present.add(i.indexName()));
        for (GlobalSecondaryIndex index : table.request().globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) continue;
            client.updateTable(b -> b.tableName(name).attributeDefinitions(table.request().attributeDefinitions())
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName()).keySchema(index.keySchema())
                            .projection(index.projection()))));
            System.err.println("{\"level\":\"INFO\",\"message\":\"index added to an existing table\",\"table\":\"" + name
                    + "\",\"index\":\"" + index.indexName() + "\"}");
        }
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
