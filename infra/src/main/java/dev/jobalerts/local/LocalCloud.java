package dev.jobalerts.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.confirmations.ConfirmationsHandler;
import dev.jobalerts.api.ApiHandler;
import dev.jobalerts.wiring.FunctionConfig;
import dev.jobalerts.digest.DigestHandler;
import dev.jobalerts.digest.DigestRun;
import dev.jobalerts.notifications.NotificationsHandler;
import dev.jobalerts.fetcher.Credentials;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.fetcher.FetcherHandler;
import dev.jobalerts.fetcher.SourceReport;
import dev.jobalerts.local.cloud.DataDir;
import dev.jobalerts.local.cloud.DeadLetterFile;
import dev.jobalerts.log.Log;
import dev.jobalerts.local.cloud.EventSourceMapping;
import dev.jobalerts.local.cloud.StreamCheckpoint;
import dev.jobalerts.local.mail.SmtpMailer;
import dev.jobalerts.local.mail.SmtpServer;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.StreamPoller;
import dev.jobalerts.local.cloud.Template;
import dev.jobalerts.matcher.MatcherHandler;
import dev.jobalerts.parser.ParserHandler;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.wiring.Services;
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
 * The whole system on one machine: DynamoDB Local with the template's tables, the functions wired by the same
 * {@link Services} as in Lambda, a stream poller per event source mapping of the template, the HTTP API on
 * loopback, the sample job board, and an outbox directory or an SMTP server instead of SES. With a {@link DataDir}
 * ({@code serve --data}) the database, the token secret and the stream positions outlive the process.
 */
public final class LocalCloud implements AutoCloseable {
    /**
     * Where to listen (0 = any free port) and where mail goes.
     *
     * @param dynamoEndpoint an already running DynamoDB to use (e.g. LocalStack); null starts DynamoDB Local in-process
     * @param data           the data directory of {@code serve --data} (database, token secret, stream positions); null
     *                       keeps everything in memory and makes a new token secret per run
     * @param publicUrl      the base of links in emails and pages when the API is reached through a proxy; null for the
     *                       API's own loopback URL
     * @param sender         the From address; null for {@link #SENDER}
     * @param smtp           the SMTP server mail goes to; null writes it to {@code outbox}
     */
    public record Options(int dynamoPort, int apiPort, int boardPort, Path outbox, String dynamoEndpoint, String host,
                          Set<String> trustedProxies, DataDir data, String publicUrl, String sender, SmtpServer smtp) {
        public Options {
            host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
            trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
            publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
            sender = sender == null || sender.isBlank() ? SENDER : sender.strip();
        }

        public Options(int dynamoPort, int apiPort, int boardPort, Path outbox, String dynamoEndpoint, String host,
                       Set<String> trustedProxies) {
            this(dynamoPort, apiPort, boardPort, outbox, dynamoEndpoint, host, trustedProxies, null, null, null, null);
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
    private final Mailer mailer;
    private final DataDir data;
    private final TableNames tables;
    private final FetchRun fetchRun;
    private final PoliteFetcher fetcher;
    private final SubscriptionService subscriptions;
    private final List<StreamPoller> pollers = new ArrayList<>();
    private final Map<String, RequestHandler<?, ?>> handlers;
    private final DigestHandler digest;
    private final Services services;
    private final List<EventSourceMapping> mappings;
    private final List<DynamodbEvent.DynamodbStreamRecord> deadLetters = new CopyOnWriteArrayList<>();
    private final Clock clock;

    private LocalCloud(Options options, Clock clock) {
        this.clock = clock;
        JsonNode template = Template.load();
        data = options.data();
        // First, before anything is started: an SMTP server that is down or refuses us stops the start-up here.
        // Without SMTP, mail goes to the outbox; with SMTP, a recipient the server refuses for good is suppressed,
        // as NotificationsFunction does for an SES hard bounce.
        mailer = options.smtp() == null ? new OutboxMailer(options.outbox())
                : SmtpMailer.connect(options.smtp(), options.sender(), this::suppressBounced);
        if (options.dynamoEndpoint() != null) {
            dynamo = LocalDynamo.connect(options.dynamoEndpoint());
            tables = dynamo.createTables(template, LocalDynamo.STACK);
        } else if (data == null) {
            dynamo = LocalDynamo.start(options.host(), options.dynamoPort());
            tables = dynamo.createTables(template, LocalDynamo.STACK);
        } else {
            dynamo = LocalDynamo.start(options.host(), options.dynamoPort(), data.dynamoDb());
            tables = ensureTables(template);
        }
        int apiPort = options.apiPort() == 0 ? LocalDynamo.freePort() : options.apiPort();
        String apiUrl = options.publicUrl() != null ? options.publicUrl() : "http://127.0.0.1:" + apiPort;
        // The sample board is on loopback, which the SSRF guard refuses everywhere but here.
        services = new Services(new FunctionConfig(tables, options.sender(), apiUrl, data != null ? data.tokenSecret() : randomSecret(), null, true),
                dynamo.client(), clock);
        var apiServices = services.apiServices();
        subscriptions = apiServices.subscriptions();
        board = SampleBoard.start(options.host(), options.boardPort());

        fetcher = new PoliteFetcher(services.fetchSettings());
        // Sources name their API keys by env: reference; the local cloud has no Secrets Manager.
        fetchRun = services.fetchRun(fetcher, Credentials.fromEnvironment(System.getenv()));
        var apiHandler = new ApiHandler(apiServices, services.apiConfig());
        api = new LocalHttpApi(apiHandler, options.host(), apiPort, options.trustedProxies());

        digest = new DigestHandler(services.digestRun(mailer));
        handlers = Map.of(
                FetcherHandler.class.getName(), new FetcherHandler(fetchRun),
                ParserHandler.class.getName(), new ParserHandler(services.pageParser()),
                MatcherHandler.class.getName(), new MatcherHandler(services.alertMatcher(mailer), clock),
                ApiHandler.class.getName(), apiHandler,
                DigestHandler.class.getName(), digest,
                NotificationsHandler.class.getName(), new NotificationsHandler(subscriptions),
                ConfirmationsHandler.class.getName(), new ConfirmationsHandler(services.pendingConfirmations(mailer)));
        mappings = EventSourceMapping.fromTemplate(template);
        pollers.addAll(newPollers());
    }

    /** One poller per stream mapping of the template, reading its stream from TRIM_HORIZON. */
    @SuppressWarnings("unchecked")
    private List<StreamPoller> newPollers() {
        List<StreamPoller> created = new ArrayList<>();
        for (EventSourceMapping mapping : mappings) {
            var handler = handlerOf(mapping);
            StreamCheckpoint checkpoint = data == null ? null
                    : new StreamCheckpoint(data.streams().resolve(mapping.function() + "." + mapping.table() + ".json"));
            created.add(new StreamPoller(dynamo.streams(), dynamo.streamArn(tableOf(mapping.table())), mapping, handler,
                    records -> deadLetter(mapping, records), checkpoint));
        }
        return created;
    }

    /** Kept in memory for the demo and tests, and with a data directory also in DIR/dead-letters.jsonl. */
    private void deadLetter(EventSourceMapping mapping, List<DynamodbEvent.DynamodbStreamRecord> records) {
        deadLetters.addAll(records);
        Log.warn("records given up after retries", "function", mapping.function(), "records", records.size());
        if (data != null) new DeadLetterFile(data.deadLetters()).append(mapping.function(), records);
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<DynamodbEvent, StreamsEventResponse> handlerOf(EventSourceMapping mapping) {
        var handler = (RequestHandler<DynamodbEvent, StreamsEventResponse>) handlers.get(mapping.handlerClass());
        if (handler == null) throw new IllegalStateException("no local handler for " + mapping.handler());
        return handler;
    }

    /**
     * Delivers every record of every stream again, from TRIM_HORIZON, to the same handlers: what Lambda does when
     * an event source mapping is recreated or a batch is retried. Returns how many records were replayed.
     */
    public int replayStreams() {
        List<StreamPoller> replay = new ArrayList<>();
        for (StreamPoller poller : pollers)
            replay.add(new StreamPoller(dynamo.streams(), poller.streamArn(), poller.mapping(), handlerOf(poller.mapping()), deadLetters::addAll));
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
        return services.withClock(Clock.fixed(when, java.time.ZoneOffset.UTC)).digestRun(mailer).run(when.plusSeconds(300));
    }

    /** Runs the scheduled fetch now over all due sources, or over {@code only} these ids. */
    public FetchRun.Summary fetch(Set<String> only, Consumer<SourceReport> progress) {
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

    /** Where mail goes: the outbox, or the SMTP server. */
    public Mailer mailer() {
        return mailer;
    }

    /** The outbox directory mail is written to; null when it goes to an SMTP server. */
    public Path outboxDirectory() {
        return mailer instanceof OutboxMailer outbox ? outbox.directory() : null;
    }

    /** The data directory of {@code serve --data}; null in memory. */
    public DataDir data() {
        return data;
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
        if (mailer instanceof SmtpMailer smtp) smtp.close();
        dynamo.close();
        // Last: the directory stays locked until the database is closed.
        if (data != null) data.close();
    }

    /**
     * The template's tables in the data directory: created on its first run, kept (with any index a newer template
     * added) on every later one.
     */
    private TableNames ensureTables(JsonNode template) {
        try {
            return dynamo.ensureTables(template, LocalDynamo.STACK);
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    private void suppressBounced(String address) {
        boolean known = subscriptions.suppress(address);
        Log.info(known ? "address suppressed after an SMTP hard bounce" : "SMTP hard bounce for an unknown address ignored");
    }

    /** A fresh HMAC key per run: links from an earlier run's in-memory tables would be meaningless anyway. */
    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII);
    }
}
