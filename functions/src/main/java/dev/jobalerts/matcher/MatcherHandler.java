package dev.jobalerts.matcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.alert.AlertDispatcher;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingItems;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.subscribe.SubscriberStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Postings stream (NEW_IMAGE, INSERT only) → {@link AlertMatcher}. The whole batch is matched at once so each
 * subscriber gets one email per batch. A record that is not a readable posting is logged and skipped (it can
 * never succeed); an infrastructure fault fails the batch from its first record, and the delivery ledger makes
 * the retry send only what was not sent.
 */
public final class MatcherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** Time kept back from the Lambda timeout to settle the ledger and return. */
    static final long SAFETY_MARGIN_MILLIS = 10_000;

    private final AlertMatcher matcher;

    /** Lambda's entry: reads the environment once and builds the clients for the life of the container. */
    public MatcherHandler() {
        this(System.getenv());
    }

    private MatcherHandler(Map<String, String> env) {
        this(fromEnvironment(env));
    }

    public MatcherHandler(AlertMatcher matcher) {
        this.matcher = matcher;
    }

    private static AlertMatcher fromEnvironment(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        Mailer ses = new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet());
        return create(config, ses, AwsClients.dynamoDb(env), Clock.systemUTC());
    }

    /** Wires the matcher the way every runtime does; the local cloud passes its outbox as the mailer. */
    public static AlertMatcher create(FunctionConfig config, Mailer mailer,
                                      software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, Clock clock) {
        var subscribers = new SubscriberStore(dynamo, config.tables().subscribers());
        var deliveries = new DeliveryStore(dynamo, config.tables().deliveries());
        var dispatcher = AlertDispatcher.create(config, deliveries, mailer, clock);
        return new AlertMatcher(new LiveSearchIndex(subscribers), subscribers, deliveries, dispatcher, clock);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        if (records.isEmpty()) return new StreamsEventResponse();
        List<StoredPosting> postings = new ArrayList<>();
        for (var record : records) {
            try {
                postings.add(PostingItems.fromItem(StreamImages.toSdk(record.getDynamodb().getNewImage())));
            } catch (RuntimeException poison) {
                Log.error("stream record is not a readable posting, skipped", poison, "eventID", record.getEventID());
            }
        }
        long remaining = context == null ? 60_000 : context.getRemainingTimeInMillis();
        Instant deadline = Instant.now().plusMillis(Math.max(1_000, remaining - SAFETY_MARGIN_MILLIS));
        try {
            AlertMatcher.Summary summary = matcher.process(postings, deadline);
            Log.metrics("matcher", Map.of("Postings", summary.postings(), "Matches", summary.matches(),
                    "EmailsSent", summary.emailsSent(), "EmailsDeferred", summary.emailsDeferred(),
                    "QueuedForDigest", summary.queuedForDigest()));
            return new StreamsEventResponse();
        } catch (RuntimeException e) {
            Log.error("matching failed; batch will be retried", e, "records", records.size());
            return StreamKeys.failedFrom(records.get(0));
        }
    }
}
