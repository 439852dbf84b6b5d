package dev.jobalerts.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.json.Json;
import dev.jobalerts.lambda.Deadline;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.wiring.Services;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hourly schedule's target → one {@link DigestRun} for "now". The schedule's input carries nothing the run
 * needs, so any input is accepted. The run stops {@link #DEADLINE}'s margin before the Lambda timeout; what it
 * did not reach stays queued or claimed and goes out with a later run.
 */
public final class DigestHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Twenty seconds kept back from the Lambda timeout to settle the ledger for the email in flight and return. */
    static final Deadline DEADLINE = new Deadline(Duration.ofSeconds(20), Duration.ofMinutes(5));

    private final DigestRun run;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public DigestHandler() {
        this(Services.fromEnvironment(System.getenv()));
    }

    private DigestHandler(Services services) {
        SesMailer ses = services.sesMailer();
        this.run = services.digestRun(ses);
        this.priming = DigestPriming.register(services, ses);
    }

    public DigestHandler(DigestRun run) {
        this.run = run;
        this.priming = null;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.invocation(context);
        try {
            DigestRun.Summary summary = run.run(DEADLINE.of(context));
            return new LinkedHashMap<>(Json.mapper().convertValue(summary, Map.class));
        } catch (RuntimeException e) {
            // An infrastructure fault (DynamoDB, SES unreachable): fail the invocation so it shows as an error;
            // the ledger keeps what was not sent, and the next hourly run catches up.
            Log.error("digest run failed", e);
            throw e;
        }
    }
}
