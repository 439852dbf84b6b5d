package dev.jobalerts.matcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.alert.AlertDispatcher;
import dev.jobalerts.alert.AlertPriming;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.Faults;
import dev.jobalerts.store.PostingItems;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
    private final Clock clock;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    /** Lambda's entry: reads the environment once and builds the clients for the life of the container. */
    public MatcherHandler() {
        this(System.getenv());
    }

    private MatcherHandler(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        SesMailer ses = new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet());
        this.clock = Clock.systemUTC();
        this.matcher = create(config, ses, AwsClients.dynamoDb(env), clock);
        // Warming loads the live searches and the send rate: the first batch would otherwise read both.
        this.priming = Priming.register("matcher", env, MatcherHandler::samples, () -> {
            matcher.warm();
            ses.sendRate();
        });
    }

    public MatcherHandler(AlertMatcher matcher) {
        this(matcher, Clock.systemUTC());
    }

    /** With the clock the matcher runs on, so the deadline is on the same clock as the matcher's "now". */
    public MatcherHandler(AlertMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
        this.priming = null;
    }

    /** A batch with one new posting (no live search: the index is empty), then one alert matched, sent and recorded. */
    /**
     * Batches of one new posting that the sample subscriber's live search matches: the profile is put first (the
     * priming endpoint gives it back), so each batch reads it, claims the delivery, renders and sends the alert and
     * records it, as a real batch does.
     */
    private static Priming.Samples samples(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        Mailer ses = new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet());
        var dynamo = AwsClients.dynamoDb(env);
        SubscriberStore subscribers = new SubscriberStore(dynamo, config.tables().subscribers());
        Subscriber subscriber = AlertPriming.subscriber();
        subscribers.saveProfile(subscriber, Instant.now());
        var live = new SubscriberSearch(subscriber.subscriberId(), AlertPriming.search(), false, true, false, SubscriberStatus.ACTIVE,
                Frequency.INSTANT, System.currentTimeMillis());
        MatcherHandler copy = new MatcherHandler(create(config, ses, dynamo, Clock.systemUTC(), subscribers, List.of(live)));
        StoredPosting sample = AlertPriming.samplePosting();
        var inserted = StreamImages.event("INSERT", Map.of("postingId", AttributeValue.fromS(sample.posting().id())), PostingItems.toItem(sample));
        return () -> copy.handleRequest(inserted, PrimingContext.INSTANCE);
    }

    /** Wires the matcher the way every runtime does; the local cloud passes its outbox as the mailer. */
    public static AlertMatcher create(FunctionConfig config, Mailer mailer,
                                      software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, Clock clock) {
        return create(config, mailer, dynamo, clock, new SubscriberStore(dynamo, config.tables().subscribers()), List.of());
    }

    /** The same, with {@code live} searches in the index from the start (priming's sample search). */
    private static AlertMatcher create(FunctionConfig config, Mailer mailer, software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo,
                                       Clock clock, SubscriberStore subscribers, List<SubscriberSearch> live) {
        var deliveries = new DeliveryStore(dynamo, config.tables().deliveries());
        var dispatcher = AlertDispatcher.create(config, deliveries, mailer, clock);
        var postings = new PostingStore(dynamo, config.tables().postings());
        LiveSearchIndex index = new LiveSearchIndex(subscribers);
        live.forEach(index::apply);
        return new AlertMatcher(index, subscribers, deliveries, postings, dispatcher, clock);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context);
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        if (records.isEmpty()) return new StreamsEventResponse();
        List<StoredPosting> postings = new ArrayList<>();
        Map<StoredPosting, DynamodbEvent.DynamodbStreamRecord> recordOf = new IdentityHashMap<>();
        for (var record : records) {
            try {
                StoredPosting posting = PostingItems.fromItem(StreamImages.toSdk(record.getDynamodb().getNewImage()));
                postings.add(posting);
                recordOf.put(posting, record);
            } catch (RuntimeException poison) {
                Log.error("stream record is not a readable posting, skipped", poison, "eventID", record.getEventID());
            }
        }
        long remaining = context == null ? 60_000 : context.getRemainingTimeInMillis();
        Instant deadline = Instant.now(clock).plusMillis(Math.max(1_000, remaining - SAFETY_MARGIN_MILLIS));
        try {
            metrics(matcher.process(postings, deadline));
            return new StreamsEventResponse();
        } catch (RuntimeException e) {
            if (Faults.isTransient(e)) {
                Log.error("matching failed; batch will be retried", e, "records", records.size());
                return StreamKeys.failedFrom(records.get(0));
            }
            // A fault that would recur on every retry: find the posting that causes it by matching one at a time,
            // so only that one is skipped and the healthy ones behind it are not dead-lettered with it.
            Log.error("matching failed the same way it would again; matching posting by posting", e, "records", records.size());
            return oneByOne(postings, recordOf, deadline);
        }
    }

    private StreamsEventResponse oneByOne(List<StoredPosting> postings, Map<StoredPosting, DynamodbEvent.DynamodbStreamRecord> recordOf,
            Instant deadline) {
        for (StoredPosting posting : postings) {
            try {
                metrics(matcher.process(List.of(posting), deadline));
            } catch (RuntimeException e) {
                if (Faults.isTransient(e)) {
                    Log.error("matching failed; batch will be retried", e, "postingId", posting.posting().id());
                    return StreamKeys.failedFrom(recordOf.get(posting));
                }
                Log.error("posting cannot be matched; skipped", e, "postingId", posting.posting().id());
            }
        }
        return new StreamsEventResponse();
    }

    private static void metrics(AlertMatcher.Summary summary) {
        Log.metrics("matcher", Map.of("Postings", summary.postings(), "Matches", summary.matches(),
                "EmailsSent", summary.emailsSent(), "EmailsDeferred", summary.emailsDeferred(),
                "QueuedForDigest", summary.queuedForDigest()));
    }
}
