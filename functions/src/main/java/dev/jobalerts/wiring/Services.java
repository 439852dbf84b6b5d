package dev.jobalerts.wiring;

import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.alert.AlertDispatcher;
import dev.jobalerts.alert.ConfirmationMailer;
import dev.jobalerts.api.ApiConfig;
import dev.jobalerts.api.ApiServices;
import dev.jobalerts.digest.DigestRun;
import dev.jobalerts.feed.FeedService;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.fetcher.Credentials;
import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.fetcher.SecretsManagerStrings;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.matcher.AlertMatcher;
import dev.jobalerts.matcher.LiveSearchIndex;
import dev.jobalerts.parser.PageParser;
import dev.jobalerts.preview.PreviewService;
import dev.jobalerts.preview.PreviewSettings;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.PendingConfirmations;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.TokenService;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place that builds the functions' services: from the {@link FunctionConfig}, the DynamoDB client and a
 * clock, the same way in Lambda, in the local cloud, in tests and for SnapStart priming (which wires a second copy
 * from an environment of its own, hence {@link #fromEnvironment} takes the environment rather than reading it).
 * The mailer is a parameter where one is needed: SES in Lambda, the outbox or SMTP in the local cloud.
 *
 * <p>Each function calls only the methods it needs, and builds only the clients it uses: the deployment artifacts
 * keep what their handlers reach (functions/lambda-artifacts.pro), so the API's artifact carries no SES client and
 * the fetcher's no mail renderer. Nothing here does I/O; services are made afresh on each call, so a caller that
 * shares one (a store between a service and a SnapStart warmer) keeps the instance it got.
 */
public final class Services {
    private final FunctionConfig config;
    private final Map<String, String> environment;
    private final DynamoDbClient dynamo;
    private final Clock clock;

    /**
     * @param environment where the SES and Secrets Manager clients find their region and endpoints, and where a source's
     *                    {@code env:} credential references are resolved; empty where neither is used
     */
    public Services(FunctionConfig config, Map<String, String> environment, DynamoDbClient dynamo, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Services(FunctionConfig config, DynamoDbClient dynamo, Clock clock) {
        this(config, Map.of(), dynamo, clock);
    }

    /** Lambda's wiring: the configuration read once from {@code environment}, the DynamoDB client built from it, the system clock. */
    public static Services fromEnvironment(Map<String, String> environment) {
        return new Services(FunctionConfig.fromEnvironment(environment), environment, AwsClients.dynamoDb(environment), Clock.systemUTC());
    }

    /** The same services on another clock (the local cloud runs tomorrow's digest today). */
    public Services withClock(Clock other) {
        return new Services(config, environment, dynamo, other);
    }

    public FunctionConfig config() {
        return config;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Clock clock() {
        return clock;
    }

    public SourceStore sources() {
        return new SourceStore(dynamo, config.tables().sources());
    }

    public PageStore pages() {
        return new PageStore(dynamo, config.tables().pages());
    }

    public PostingStore postings() {
        return new PostingStore(dynamo, config.tables().postings());
    }

    public SubscriberStore subscribers() {
        return new SubscriberStore(dynamo, config.tables().subscribers());
    }

    public DeliveryStore deliveries() {
        return new DeliveryStore(dynamo, config.tables().deliveries());
    }

    /** A new SES mailer with its own client; the functions that send mail build one and keep it. */
    public SesMailer sesMailer() {
        return new SesMailer(AwsClients.sesV2(environment), config.sesConfigurationSet());
    }

    /**
     * The scheduled fetch as Lambda runs it: the polite fetcher with the default settings (private addresses only
     * where the configuration allows them), credentials from the environment and, built on first use, Secrets Manager.
     */
    public FetchRun fetchRun() {
        Credentials credentials = new Credentials(environment, new SecretsManagerStrings(() -> AwsClients.secretsManager(environment), clock));
        return fetchRun(new PoliteFetcher(fetchSettings()), credentials);
    }

    /** The polite fetcher's settings: the defaults, reaching private addresses only where the configuration allows it. */
    public FetchSettings fetchSettings() {
        return config.allowPrivateAddresses() ? FetchSettings.defaults().allowingPrivateAddresses() : FetchSettings.defaults();
    }

    /** The scheduled fetch with a fetcher the caller owns (and closes) and credentials of its choosing. */
    public FetchRun fetchRun(PoliteFetcher fetcher, Credentials credentials) {
        return new FetchRun(sources(), pages(), fetcher, new Adapters(), credentials, clock);
    }

    public PageParser pageParser() {
        return pageParser(new SourceReader());
    }

    public PageParser pageParser(SourceReader reader) {
        return new PageParser(pages(), postings(), reader, clock);
    }

    public AlertDispatcher alertDispatcher(Mailer mailer) {
        return new AlertDispatcher(deliveries(), tokens(), new EmailRenderer(), mailer, config.alertSettings(), clock);
    }

    public AlertMatcher alertMatcher(Mailer mailer) {
        return alertMatcher(mailer, new LiveSearchIndex(subscribers()));
    }

    /** The matcher over {@code index} (SnapStart priming's holds its sample search from the start). */
    public AlertMatcher alertMatcher(Mailer mailer, LiveSearchIndex index) {
        return new AlertMatcher(index, subscribers(), deliveries(), postings(), alertDispatcher(mailer), clock);
    }

    public DigestRun digestRun(Mailer mailer) {
        return new DigestRun(deliveries(), postings(), subscribers(), alertDispatcher(mailer), clock);
    }

    public ConfirmationMailer confirmationMailer(Mailer mailer) {
        return new ConfirmationMailer(new EmailRenderer(), mailer, config.senderAddress());
    }

    public PendingConfirmations pendingConfirmations(Mailer mailer) {
        return new PendingConfirmations(subscribers(), tokens(), confirmationMailer(mailer), clock);
    }

    public SubscriptionService subscriptions() {
        return subscriptions(subscribers());
    }

    /** The API's default limits; links point at the configured base URL, or else at each request's host. */
    public ApiConfig apiConfig() {
        return ApiConfig.defaults(config.publicBaseUrl());
    }

    public ApiServices apiServices() {
        return apiServices(PreviewSettings.DEFAULTS);
    }

    public ApiServices apiServices(PreviewSettings previewSettings) {
        SubscriberStore subscribers = subscribers();
        PostingStore postings = postings();
        SubscriptionService subscriptions = subscriptions(subscribers);
        return new ApiServices(subscriptions, new ManageService(subscribers, clock), new PreviewService(postings, previewSettings, clock),
                new FeedService(subscriptions, subscribers, deliveries(), postings, clock));
    }

    private SubscriptionService subscriptions(SubscriberStore subscribers) {
        return new SubscriptionService(subscribers, tokens(), new SubscriberIds(config.tokenSecret()), clock);
    }

    private TokenService tokens() {
        return new TokenService(config.tokenSecret(), clock);
    }
}
