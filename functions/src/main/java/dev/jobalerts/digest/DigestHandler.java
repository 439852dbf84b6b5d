package dev.jobalerts.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.jobalerts.alert.AlertDispatcher;
import dev.jobalerts.alert.AlertPriming;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.json.Json;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.subscribe.SubscriberStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hourly schedule's target → one {@link DigestRun} for "now". The schedule's input carries nothing the run
 * needs, so any input is accepted. The run stops {@link #SAFETY_MARGIN_MILLIS} before the Lambda timeout; what it
 * did not reach stays queued or claimed and goes out with a later run.
 */
public final class DigestHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Time kept back from the Lambda timeout to settle the ledger for the email in flight and return. */
    static final long SAFETY_MARGIN_MILLIS = 20_000;

    private final DigestRun run;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public DigestHandler() {
        this(System.getenv());
    }

    private DigestHandler(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        SesMailer ses = new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet());
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        this.run = create(config, ses, dynamo, Clock.systemUTC());
        SubscriberStore subscribers = new SubscriberStore(dynamo, config.tables().subscribers());
        this.priming = Priming.register("digest", env, DigestHandler::samples, () -> {
            subscribers.find(Priming.ABSENT_KEY);
            ses.sendRate();
        });
    }

    public DigestHandler(DigestRun run) {
        this.run = run;
        this.priming = null;
    }

    /** A run that finds no digest due, then one alert matched, sent and recorded. */
    private static Priming.Samples samples(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        Mailer ses = new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet());
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        DigestHandler copy = new DigestHandler(create(config, ses, dynamo, Clock.systemUTC()));
        DeliveryStore deliveries = new DeliveryStore(dynamo, config.tables().deliveries());
        return () -> {
            copy.handleRequest(Map.of(), PrimingContext.INSTANCE);
            AlertPriming.mailOneAlert(config, deliveries, ses);
        };
    }

    /** Wires the run the way every runtime does; the local cloud passes its outbox as the mailer. */
    public static DigestRun create(FunctionConfig config, Mailer mailer, DynamoDbClient dynamo, Clock clock) {
        var deliveries = new DeliveryStore(dynamo, config.tables().deliveries());
        var dispatcher = AlertDispatcher.create(config, deliveries, mailer, clock);
        return new DigestRun(deliveries, new PostingStore(dynamo, config.tables().postings()),
                new SubscriberStore(dynamo, config.tables().subscribers()), dispatcher, clock);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.invocation(context);
        long remaining = context == null ? 300_000 : context.getRemainingTimeInMillis();
        Instant deadline = Instant.now().plusMillis(Math.max(1_000, remaining - SAFETY_MARGIN_MILLIS));
        try {
            DigestRun.Summary summary = run.run(deadline);
            return new LinkedHashMap<>(Json.mapper().convertValue(summary, Map.class));
        } catch (RuntimeException e) {
            // An infrastructure fault (DynamoDB, SES unreachable): fail the invocation so it shows as an error;
            // the ledger keeps what was not sent, and the next hourly run catches up.
            Log.error("digest run failed", e);
            throw e;
        }
    }
}
