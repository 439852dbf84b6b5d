package dev.jobalerts.confirmations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.alert.ConfirmationMailer;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.Faults;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.subscribe.PendingConfirmations;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.TokenService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Subscribers stream (keys of new pending searches, filtered in the template) → {@link PendingConfirmations}: the
 * confirmation emails a sign-up asked for, sent off its request path. A throttled send or a store fault fails the
 * batch from that record (Lambda retries from there); everything else is final for its record.
 */
public final class ConfirmationsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final PendingConfirmations confirmations;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public ConfirmationsHandler() {
        this(System.getenv());
    }

    private ConfirmationsHandler(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        SesMailer ses = new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet());
        var dynamo = AwsClients.dynamoDb(env);
        this.confirmations = create(config, ses, dynamo, Clock.systemUTC());
        SubscriberStore subscribers = new SubscriberStore(dynamo, config.tables().subscribers());
        this.priming = Priming.register("confirmations", env, ConfirmationsHandler::samples, () -> {
            subscribers.find(Priming.ABSENT_KEY);
            ses.sendRate();
        });
    }

    public ConfirmationsHandler(PendingConfirmations confirmations) {
        this.confirmations = confirmations;
        this.priming = null;
    }

    /** A stream record for a pending search that is gone by now, then one confirmation rendered and sent. */
    private static Priming.Samples samples(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        Mailer ses = new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet());
        ConfirmationsHandler copy = new ConfirmationsHandler(create(config, ses, AwsClients.dynamoDb(env), Clock.systemUTC()));
        ConfirmationMailer mailer = new ConfirmationMailer(new EmailRenderer(), ses, config.senderAddress());
        var stored = StreamImages.event("INSERT",
                Map.of("subscriberId", AttributeValue.fromS("priming"), "itemId", AttributeValue.fromS("pending#priming")), null);
        SavedSearch search = SavedSearch.ofQuery("priming", "python AND (django OR flask)");
        return () -> {
            copy.handleRequest(stored, PrimingContext.INSTANCE);
            mailer.send("priming", "priming@example.com", search, "https://priming.invalid/subscriptions/confirm?token=priming");
        };
    }

    /** Wires the sender the way every runtime does; the local cloud passes its outbox as the mailer. */
    public static PendingConfirmations create(FunctionConfig config, Mailer mailer,
                                              software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, Clock clock) {
        return new PendingConfirmations(new SubscriberStore(dynamo, config.tables().subscribers()), new TokenService(config.tokenSecret(), clock),
                new ConfirmationMailer(new EmailRenderer(), mailer, config.senderAddress()), clock);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context);
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (var record : records) {
            String subscriberId = StreamKeys.string(record, "subscriberId");
            String itemId = StreamKeys.string(record, "itemId");
            if (subscriberId == null || itemId == null || !itemId.startsWith("pending#")) {
                Log.warn("stream record is not a pending search, skipped", "eventID", record.getEventID());
                continue;
            }
            try {
                PendingConfirmations.Outcome outcome = confirmations.send(subscriberId, itemId.substring("pending#".length()));
                if (outcome == PendingConfirmations.Outcome.RETRY) return StreamKeys.failedFrom(record);
            } catch (RuntimeException e) {
                if (!Faults.isTransient(e)) {
                    Log.error("confirmation cannot be sent; skipped", e, "subscriberId", subscriberId);
                    continue;
                }
                Log.error("confirmation failed; batch resumes here on retry", e, "subscriberId", subscriberId);
                return StreamKeys.failedFrom(record);
            }
        }
        return new StreamsEventResponse();
    }
}
