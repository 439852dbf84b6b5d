package dev.jobalerts.matcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.log.Log;
import dev.jobalerts.lambda.Deadline;
import dev.jobalerts.lambda.StreamBatch;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.store.PostingItems;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.wiring.Services;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Postings stream (NEW_IMAGE, INSERT only) → {@link AlertMatcher}. The whole batch is matched at once so each
 * subscriber gets one email per batch ({@link StreamBatch#processAtOnce}): a record that is not a readable posting is
 * skipped, an infrastructure fault fails the batch from its first record, and the delivery ledger makes the retry
 * send only what was not sent.
 */
public final class MatcherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** Ten seconds kept back from the Lambda timeout to settle the ledger and return. */
    static final Deadline DEADLINE = new Deadline(Duration.ofSeconds(10), Duration.ofMinutes(1));

    private final AlertMatcher matcher;
    /** The matcher's clock: the deadline must be on the same clock as the matcher's "now". */
    private final Clock clock;
    private final StreamBatch<StoredPosting> postings;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public MatcherHandler() {
        this(Services.fromEnvironment(System.getenv()));
    }

    private MatcherHandler(Services services) {
        SesMailer ses = services.sesMailer();
        this.matcher = services.alertMatcher(ses);
        this.clock = services.clock();
        this.postings = postingsOn(clock);
        this.priming = MatcherPriming.register(services, matcher, ses);
    }

    public MatcherHandler(AlertMatcher matcher) {
        this(matcher, Clock.systemUTC());
    }

    public MatcherHandler(AlertMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
        this.postings = postingsOn(clock);
        this.priming = null;
    }

    private static StreamBatch<StoredPosting> postingsOn(Clock clock) {
        return new StreamBatch<>(record -> PostingItems.fromItem(StreamImages.toSdk(record.getDynamodb().getNewImage())),
                "postingId", posting -> posting.posting().id(), clock);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context);
        Instant deadline = DEADLINE.of(context, clock);
        return postings.processAtOnce(event, batch -> matcher.process(batch, deadline), posting -> {
            matcher.process(List.of(posting), deadline);
            return StreamBatch.Outcome.DONE;
        });
    }
}
