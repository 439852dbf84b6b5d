package dev.jobalerts.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.alert.AlertSettings;
import dev.jobalerts.confirmations.ConfirmationsHandler;
import dev.jobalerts.api.ApiConfig;
import dev.jobalerts.api.ApiHandler;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.digest.DigestHandler;
import dev.jobalerts.digest.DigestRun;
import dev.jobalerts.notifications.NotificationsHandler;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.fetcher.Credentials;
import dev.jobalerts.fetch.FetchSettings;
import dev.jobalerts.fetch.PoliteFetcher;
import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.fetcher.FetcherHandler;
import dev.jobalerts.local.cloud.EventSourceMapping;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.StreamPoller;
import dev.jobalerts.local.cloud.Template;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.matcher.MatcherHandler;
import dev.jobalerts.parser.PageParser;
import dev.jobalerts.parser.ParserHandler;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.TokenService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The whole system on one machine: DynamoDB Local with the template's tables, the four functions wired with
 * the same services as in Lambda, a stream poller per event source mapping of the template, the HTTP API on
 * loopback, the sample job board, and an outbox directory instead of SES.
 */
public final class LocalCloud implements AutoCloseable {
    /**
     * Where to listen (0 = any free port) and where mail goes.
     *
     * @param dynamoEndpoint an already running DynamoDB to use (e.g. LocalStack); null starts DynamoDB Local in-process
     */
    public record Options(int dynamoPort, int apiPort, int boardPort, Path outbox, String dynamoEndpoint, String host,
                          Set<String> trustedProxies) {
        public Options {
            host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
            trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
        }

        public Options(int dynamoPort, int apiPort, int boardPort, Path outbox) {
            this(dynamoPort, apiPort, boardPort, outbox, null, null, null);
        }

        public Options(int dynamoPort, int apiPort, int boardPort, Path outbox, String dynamoEndpoint) {
            this(dynamoPort, apiPort, boardPort, outbox, dynamoEndpoint, null, null);
        }
    }

    public static final String SENDER = "alerts@jobalerts.local";

    private final LocalDynamo dynamo;
    private final SampleBoard board;
    private final LocalHttpApi api;
    private final OutboxMailer outbox;
    private final TableNames tables;
    private final FetchRun fetchRun;
    private final PoliteFetcher fetcher;
    private final SubscriptionService subscriptions;
    private final List<StreamPoller> pollers = new ArrayList<>();
    private final Map<String, RequestHandler<?, ?>> handlers;
    private final DigestHandler digest;
    private final FunctionConfig config;
    private final List<EventSourceMapping> mappings;
    private final List<DynamodbEvent.DynamodbStreamRecord> deadLetters = new CopyOnWriteArrayList<>();
    private final Clock clock;

    private LocalCloud(Options options, Clock clock) {
        this.clock = clock;
        JsonNode template = Template.load();
        dynamo = options.dynamoEndpoint() == null ? LocalDynamo.start(options.host(), options.dynamoPort()) : LocalDynamo.connect(options.dynamoEndpoint());
        tables = dynamo.createTables(template, LocalDynamo.STACK);
        board = SampleBoard.start(options.host(), options.boardPort());
        outbox = new OutboxMailer(options.outbox());
        int apiPort = options.apiPort() == 0 ? LocalDynamo.freePort() : options.apiPort();
        String apiUrl = "http://127.0.0.1:" + apiPort;
        config = new FunctionConfig(tables, SENDER, apiUrl, randomSecret(), null);
        var client = dynamo.client();

        var sources = new SourceStore(client, tables.sources());
        var pages = new PageStore(client, tables.pages());
        var adapters = new Adapters();
        // The sample board is on loopback, which the SSRF guard refuses everywhere but here.
        fetcher = new PoliteFetcher(FetchSettings.defaults().allowingPrivateAddresses());
        // Sources name their API keys by env: reference; the local cloud has no Secrets Manager.
        fetchRun = new FetchRun(sources, pages, fetcher, adapters, Credentials.fromEnvironment(System.getenv()), clock);
        var parser = new ParserHandler(new PageParser(pages, new PostingStore(client, tables.postings()), new SourceReader(adapters), clock));
        var matcher = new MatcherHandler(MatcherHandler.create(config, outbox, client, clock), clock);

        var subscribers = new SubscriberStore(client, tables.subscribers());
        var tokens = new TokenService(config.tokenSecret(), clock);
        subscriptions = new SubscriptionService(subscribers, tokens, new SubscriberIds(config.tokenSecret()), clock);
        var apiHandler = new ApiHandler(subscriptions, new ManageService(subscribers, clock), ApiConfig.defaults(apiUrl));
        api = new LocalHttpApi(apiHandler, options.host(), apiPort, options.trustedProxies());

        digest = new DigestHandler(DigestHandler.create(config, outbox, client, clock));
        handlers = Map.of(
                FetcherHandler.class.getName(), new FetcherHandler(fetchRun),
                ParserHandler.class.getName(), parser,
                MatcherHandler.class.getName(), matcher,
                ApiHandler.class.getName(), apiHandler,
                DigestHandler.class.getName(), digest,
                NotificationsHandler.class.getName(), new NotificationsHandler(subscriptions),
                ConfirmationsHandler.class.getName(), new ConfirmationsHandler(ConfirmationsHandler.create(config, outbox, client, clock)));
        mappings = EventSourceMapping.fromTemplate(template);
        pollers.addAll(newPollers());
    }

    /** One poller per stream mapping of the template, reading its stream from TRIM_HORIZON. */
    @SuppressWarnings("unchecked")
    private List<StreamPoller> newPollers() {
        List<StreamPoller> created = new ArrayList<>();
        for (EventSourceMapping mapping : mappings) {
            var handler = (RequestHandler<DynamodbEvent, StreamsEventResponse>) handlers.get(mapping.handlerClass());
            if (handler == null) throw new IllegalStateException("no local handler for " + mapping.handler());
            created.add(new StreamPoller(dynamo.streams(), dynamo.streamArn(tableOf(mapping.table())), mapping, handler, deadLetters::addAll));
        }
        return created;
    }

    /**
     * Delivers every record of every stream again, from TRIM_HORIZON, to the same handlers: what Lambda does when
     * an event source mapping is recreated or a batch is retried. Returns how many records were replayed.
     */
    public int replayStreams() {
        List<StreamPoller> replay = newPollers();
        boolean readAny;
        do {
            readAny = false;
            for (StreamPoller poller : replay) readAny |= poller.pollOnce();
        } while (readAny);
        return replay.stream().mapToInt(StreamPoller::recordsDelivered).sum();
    }

    /** The handler instance the local cloud runs for a template Handler class name (for tests and sample events). */
    public RequestHandler<?, ?> handler(String className) {
        RequestHandler<?, ?> handler = handlers.get(className);
        if (handler == null) throw new IllegalArgumentException("no local handler for " + className);
        return handler;
    }

    public static LocalCloud start(Options options) {
        return start(options, Clock.systemUTC());
    }

    /** The local cloud with every function on {@code clock}: tests move it to see what happens days later. */
    public static LocalCloud start(Options options, Clock clock) {
        LocalCloud cloud = new LocalCloud(options, clock);
        cloud.api.start();
        return cloud;
    }

    private String tableOf(String logicalId) {
        return switch (logicalId) {
            case "SourcesTable" -> tables.sources();
            case "PagesTable" -> tables.pages();
            case "PostingsTable" -> tables.postings();
            case "SubscribersTable" -> tables.subscribers();
            case "DeliveriesTable" -> tables.deliveries();
            default -> throw new IllegalStateException("template streams from unknown table " + logicalId);
        };
    }

    /** Runs the hourly digest and pending sweep now, as its schedule would. */
    public Map<String, Object> runDigest() {
        return digest.handleRequest(Map.of(), new dev.jobalerts.local.cloud.LocalContext("DigestFunction", 300));
    }

    /**
     * Runs the digest as the hourly schedule would at {@code when} — the demo uses it to show tomorrow morning's
     * digest without waiting a day. Mail goes to the same outbox.
     */
    public DigestRun.Summary runDigestAt(Instant when) {
        Clock at = Clock.fixed(when, java.time.ZoneOffset.UTC);
        return DigestHandler.create(config, outbox, dynamo.client(), at).run(when.plusSeconds(300));
    }

    /** Runs the scheduled fetch now over all due sources, or over {@code only} these ids. */
    public FetchRun.Summary fetch(Set<String> only, Consumer<String> progress) {
        return fetchRun.run(0, 1, only, Instant.now(clock).plusSeconds(600), progress);
    }

    /**
     * Polls every stream until a full round reads nothing new: parser and matcher have then seen every record the
     * fetch caused (the parser's writes feed the matcher's stream, hence rounds).
     */
    public void drainStreams() {
        boolean readAny;
        do {
            readAny = false;
            for (StreamPoller poller : pollers) readAny |= poller.pollOnce();
        } while (readAny);
    }

    /** Starts every poller on its own thread (serve mode). */
    public void startPollers(long intervalMillis) {
        pollers.forEach(poller -> poller.start(intervalMillis));
    }

    public List<StreamPoller> pollers() {
        return List.copyOf(pollers);
    }

    public List<DynamodbEvent.DynamodbStreamRecord> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public TableNames tables() {
        return tables;
    }

    public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo() {
        return dynamo.client();
    }

    public String dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + api.port();
    }

    public String boardUrl() {
        return board.baseUrl();
    }

    public OutboxMailer outbox() {
        return outbox;
    }

    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    @Override
    public void close() {
        pollers.forEach(StreamPoller::close);
        api.close();
        board.close();
        fetcher.close();
        dynamo.close();
    }

    /** A fresh HMAC key per run: links from an earlier run's in-memory tables would be meaningless anyway. */
    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII);
    }
}
