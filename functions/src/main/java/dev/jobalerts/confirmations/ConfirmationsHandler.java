package dev.jobalerts.confirmations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.log.Log;
import dev.jobalerts.lambda.StreamBatch;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.store.StreamKeys;
import dev.jobalerts.subscribe.PendingConfirmations;
import dev.jobalerts.wiring.Services;

/**
 * Subscribers stream (keys of new pending searches, filtered in the template) → {@link PendingConfirmations}: the
 * confirmation emails a sign-up asked for, sent off its request path, one by one through {@link StreamBatch}. A
 * throttled send or a store fault fails the batch from that record (Lambda retries from there); everything else is
 * final for its record.
 */
public final class ConfirmationsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final StreamBatch<Pending> PENDING = new StreamBatch<>(Pending::of, "subscriberId", Pending::subscriberId);

    private final PendingConfirmations confirmations;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public ConfirmationsHandler() {
        this(Services.fromEnvironment(System.getenv()));
    }

    private ConfirmationsHandler(Services services) {
        SesMailer ses = services.sesMailer();
        this.confirmations = services.pendingConfirmations(ses);
        this.priming = ConfirmationsPriming.register(services, ses);
    }

    public ConfirmationsHandler(PendingConfirmations confirmations) {
        this.confirmations = confirmations;
        this.priming = null;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context);
        return PENDING.process(event, pending -> {
            PendingConfirmations.Outcome outcome = confirmations.send(pending.subscriberId(), pending.searchId());
            return outcome == PendingConfirmations.Outcome.RETRY ? StreamBatch.Outcome.RETRY : StreamBatch.Outcome.DONE;
        });
    }

    /** The keys of a pending search: its item id is {@code pending#<searchId>}. */
    private record Pending(String subscriberId, String searchId) {
        static Pending of(DynamodbEvent.DynamodbStreamRecord record) {
            String subscriberId = StreamKeys.string(record, "subscriberId");
            String itemId = StreamKeys.string(record, "itemId");
            if (subscriberId == null || itemId == null || !itemId.startsWith("pending#")) return null;
            return new Pending(subscriberId, itemId.substring("pending#".length()));
        }
    }
}
