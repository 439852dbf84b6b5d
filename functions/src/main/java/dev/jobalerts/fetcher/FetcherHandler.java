package dev.jobalerts.fetcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.lambda.Deadline;
import dev.jobalerts.log.Log;
import dev.jobalerts.wiring.Services;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The schedule's target: {@code {"segment": i, "totalSegments": n}} → one {@link FetchRun} over that segment of
 * the Sources table, stopping {@link #DEADLINE}'s margin before the Lambda timeout; what was not reached keeps
 * its due time and goes first next run. Bad input (a segment out of range) is answered, not thrown.
 */
public final class FetcherHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Thirty seconds kept back from the Lambda timeout to record the fetches in flight and return. */
    static final Deadline DEADLINE = new Deadline(Duration.ofSeconds(30), Duration.ofMinutes(5));

    private final FetchRun run;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public FetcherHandler() {
        this(Services.fromEnvironment(System.getenv()));
    }

    private FetcherHandler(Services services) {
        this.run = services.fetchRun();
        this.priming = FetcherPriming.register(services);
    }

    public FetcherHandler(FetchRun run) {
        this.run = run;
        this.priming = null;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.invocation(context);
        Segment segment = Segment.of(input);
        if (!segment.exists()) {
            Log.warn("fetch input rejected", "segment", segment.index(), "totalSegments", segment.total());
            return Map.of("error", Segment.RULE);
        }
        return run.run(segment.index(), segment.total(), Set.of(), DEADLINE.of(context), report -> { }).counts();
    }
}
