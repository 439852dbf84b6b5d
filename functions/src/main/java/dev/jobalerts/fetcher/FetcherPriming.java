package dev.jobalerts.fetcher;

import dev.jobalerts.adapter.ReaderPriming;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.coldstart.Priming;
import dev.jobalerts.coldstart.PrimingContext;
import dev.jobalerts.http.FetchRequest;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.wiring.Services;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fetcher's SnapStart priming (see {@link Priming}). */
final class FetcherPriming {
    private FetcherPriming() {}

    /** Hooks that prime a copy wired like {@code services}, and warm the function's own client with a read that finds nothing. */
    static Priming register(Services services) {
        return Priming.register("fetcher", services.environment(), FetcherPriming::samples, () -> services.sources().find(Priming.ABSENT_KEY));
    }

    /**
     * A run over an empty Sources table, the bundled sample answers read as listings, and one polite GET (robots.txt
     * first) to the priming endpoint, which is on loopback, so the copy may reach private addresses.
     */
    private static Priming.Samples samples(Map<String, String> environment) {
        Map<String, String> loopback = new HashMap<>(environment);
        loopback.put("ALLOW_PRIVATE_ADDRESSES", "true");
        FetcherHandler copy = new FetcherHandler(Services.fromEnvironment(loopback).fetchRun());
        SourceReader reader = new SourceReader();
        URI board = URI.create(environment.get("AWS_ENDPOINT_URL") + "/jobs");
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
}
