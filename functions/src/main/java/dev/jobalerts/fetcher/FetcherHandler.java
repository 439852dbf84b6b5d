package dev.jobalerts.fetcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.ReaderPriming;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.fetch.FetchRequest;
import dev.jobalerts.fetch.FetchSettings;
import dev.jobalerts.fetch.PoliteFetcher;
import dev.jobalerts.log.Log;
import dev.jobalerts.store.AwsClients;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.TableNames;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The schedule's target: {@code {"segment": i, "totalSegments": n}} → one {@link FetchRun} over that segment of
 * the Sources table, stopping {@link #SAFETY_MARGIN_MILLIS} before the Lambda timeout; what was not reached keeps
 * its due time and goes first next run. Bad input (a segment out of range) is answered, not thrown.
 */
public final class FetcherHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final long SAFETY_MARGIN_MILLIS = 30_000;

    private final FetchRun run;
    /** SnapStart hooks; held here because the runtime holds registered hooks weakly. Null when wired by hand. */
    private final Priming priming;

    public FetcherHandler() {
        this(System.getenv());
    }

    private FetcherHandler(Map<String, String> env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        this.run = create(env, dynamo);
        SourceStore sources = new SourceStore(dynamo, TableNames.fromEnvironment(env).sources());
        this.priming = Priming.register("fetcher", env, FetcherHandler::samples, () -> sources.find(Priming.ABSENT_KEY));
    }

    public FetcherHandler(FetchRun run) {
        this.run = run;
        this.priming = null;
    }

    private static FetchRun create(Map<String, String> env, DynamoDbClient dynamo) {
        TableNames tables = TableNames.fromEnvironment(env);
        FetchSettings settings = FetchSettings.defaults();
        // Only the local cloud sets this: its sample job board lives on loopback.
        if ("true".equals(env.get("ALLOW_PRIVATE_ADDRESSES"))) settings = settings.allowingPrivateAddresses();
        Credentials credentials = new Credentials(env, new SecretsManagerStrings(() -> AwsClients.secretsManager(env), Clock.systemUTC()));
        return new FetchRun(new SourceStore(dynamo, tables.sources()), new PageStore(dynamo, tables.pages()),
                new PoliteFetcher(settings), new Adapters(), credentials, Clock.systemUTC());
    }

    /**
     * A run over an empty Sources table, the bundled sample answers read as listings, and one polite GET (robots.txt
     * first) to the priming endpoint, which is on loopback, so the copy may reach private addresses.
     */
    private static Priming.Samples samples(Map<String, String> env) {
        Map<String, String> loopback = new HashMap<>(env);
        loopback.put("ALLOW_PRIVATE_ADDRESSES", "true");
        FetcherHandler copy = new FetcherHandler(create(loopback, AwsClients.dynamoDb(loopback)));
        SourceReader reader = new SourceReader();
        URI board = URI.create(env.get("AWS_ENDPOINT_URL") + "/jobs");
        PoliteFetcher fetcher = new PoliteFetcher(FetchSettings.defaults().allowingPrivateAddresses());
        return new Priming.Samples() {
            @Override
            public void run() {
                copy.handleRequest(Map.of("segment", 0, "totalSegments", 1), PrimingContext.INSTANCE);
                ReaderPriming.readAll(reader);
                fetcher.fetchAll(List.of(new FetchRequest("priming", board, null, null, Duration.ZERO)), Instant.now().plusSeconds(20), outcome -> { });
            }

            @Override
            public void close() {
                fetcher.close();
            }
        };
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.invocation(context);
        int total = intOf(input, "totalSegments", 1);
        int segment = intOf(input, "segment", 0);
        Map<String, Object> result = new LinkedHashMap<>();
        if (total < 1 || total > 1000 || segment < 0 || segment >= total) {
            Log.warn("fetch input rejected", "segment", segment, "totalSegments", total);
            result.put("error", "segment must be in [0, totalSegments) and totalSegments in [1, 1000]");
            return result;
        }
        long remaining = context == null ? 300_000 : context.getRemainingTimeInMillis();
        Instant deadline = Instant.now().plusMillis(Math.max(1_000, remaining - SAFETY_MARGIN_MILLIS));
        FetchRun.Summary summary = run.run(segment, total, Set.of(), deadline, line -> { });
        result.put("sources", summary.sources());
        result.put("changed", summary.changed());
        result.put("unchanged", summary.unchanged());
        result.put("notModified", summary.notModified());
        result.put("failed", summary.failed());
        result.put("disallowed", summary.disallowed());
        result.put("deferred", summary.deferred());
        result.put("detailPages", summary.detailPages());
        Log.metrics("fetcher", Map.of("SourcesFetched", summary.sources(), "PagesChanged", summary.changed(), "FetchFailures", summary.failed()));
        return result;
    }

    private static int intOf(Map<String, Object> input, String name, int fallback) {
        Object value = input == null ? null : input.get(name);
        if (value instanceof Number number) return number.intValue();
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return fallback;
    }
}
