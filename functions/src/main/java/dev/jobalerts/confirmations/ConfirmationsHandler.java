package dev.jobalerts.confirmations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.alert.ConfirmationMailer;
import dev.jobalerts.config.FunctionConfig;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.Faults;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.subscribe.PendingConfirmations;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.TokenService;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Subscribers stream (keys of new pending searches, filtered in the template) → {@link PendingConfirmations}: the
 * confirmation emails a sign-up asked for, sent off its request path. A throttled send or a store fault fails the
 * batch from that record (Lambda retries from there); everything else is final for its record.
 */
public final class ConfirmationsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final PendingConfirmations confirmations;

    public ConfirmationsHandler() {
        this(System.getenv());
    }

    private ConfirmationsHandler(Map<String, String> env) {
        this(env, FunctionConfig.fromEnvironment(env));
    }

    private ConfirmationsHandler(Map<String, String> env, FunctionConfig config) {
        this(create(config, new SesMailer(AwsClients.sesV2(env), config.sesConfigurationSet()), AwsClients.dynamoDb(env), Clock.systemUTC()));
    }

    public ConfirmationsHandler(PendingConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    /** Wires the sender the way every runtime does; the local cloud passes its outbox as the mailer. */
    public static PendingConfirmations create(FunctionConfig config, Mailer mailer,
                                              software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, Clock clock) {
        return new PendingConfirmations(new SubscriberStore(dynamo, config.tables().subscribers()), new TokenService(config.tokenSecret(), clock),
                new ConfirmationMailer(new EmailRenderer(), mailer, config.senderAddress()), clock);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
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
