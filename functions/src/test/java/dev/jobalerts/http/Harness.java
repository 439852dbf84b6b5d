package dev.jobalerts.http;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Short-fuse settings and a collecting call for the fetcher ITs, so each suite stays within seconds. */
final class Harness {
    private Harness() {}

    static final String UA = "jobalerts/1.0 (+https://github.com/jobalerts/jobalerts)";

    static {
        // The first exchange in a JVM loads and links the HTTP client and server (several hundred ms), which
        // would trip the short read timeouts some tests use on purpose. Pay for it once, up front.
        try (TestHost warm = new TestHost(); PoliteFetcher fetcher = fetcher(settings())) {
            fetchAll(fetcher, List.of(FetchRequest.of("warm-up", warm.url("/"))), Duration.ofSeconds(10));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static FetchSettings settings(Duration delay) {
        return new FetchSettings(UA, Duration.ofSeconds(1), Duration.ofSeconds(2), 1024 * 1024, 5, 3, delay, true);
    }

    static FetchSettings settings() {
        return settings(Duration.ofMillis(20));
    }

    static Tuning tuning() {
        return new Tuning(Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofMillis(100), 64, 64 * 1024, 512 * 1024,
                Duration.ofSeconds(1));
    }

    static PoliteFetcher fetcher(FetchSettings settings) {
        return new PoliteFetcher(settings, tuning(), new AddressGuard(settings.allowPrivateAddresses()));
    }

    static List<FetchOutcome> fetchAll(PoliteFetcher fetcher, List<FetchRequest> requests, Duration budget) {
        List<FetchOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        fetcher.fetchAll(requests, Instant.now().plus(budget), outcomes::add);
        return List.copyOf(outcomes);
    }

    static FetchOutcome fetchOne(FetchSettings settings, FetchRequest request) {
        try (PoliteFetcher fetcher = fetcher(settings)) {
            List<FetchOutcome> outcomes = fetchAll(fetcher, List.of(request), Duration.ofSeconds(15));
            if (outcomes.size() != 1) throw new AssertionError("expected one outcome, got " + outcomes);
            return outcomes.get(0);
        }
    }

    static FetchOutcome fetchOne(URI url) {
        return fetchOne(settings(), FetchRequest.of("src", url));
    }
}
