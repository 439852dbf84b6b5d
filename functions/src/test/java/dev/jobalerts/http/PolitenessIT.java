package dev.jobalerts.http;

import static dev.jobalerts.http.Harness.fetchAll;
import static dev.jobalerts.http.Harness.fetcher;
import static dev.jobalerts.http.Harness.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.http.FetchOutcome.Fetched;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PolitenessIT {

    private static final Duration DELAY = Duration.ofMillis(200);

    private static TestHost slowHost(String address, int pages) throws IOException {
        TestHost host = new TestHost(address);
        for (int i = 0; i < pages; i++) {
            host.page("/p" + i, (ex, hit) -> {
                sleep(50);
                TestHost.send(ex, 200, "text/html", "ok".getBytes(StandardCharsets.UTF_8));
            });
        }
        return host;
    }

    @Test
    void fetchAll_onOneHost_sendsOneRequestAtATimeWithTheDelayBetween() throws IOException {
        try (TestHost host = slowHost("127.0.0.1", 4); PoliteFetcher fetcher = fetcher(settings(DELAY))) {
            List<FetchRequest> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++) requests.add(FetchRequest.of("s" + i, host.url("/p" + i)));

            assertThat(fetchAll(fetcher, requests, Duration.ofSeconds(10))).hasSize(4).allMatch(o -> o instanceof Fetched);

            assertThat(host.maxConcurrent()).isEqualTo(1);
            List<TestHost.Seen> seen = host.seen(); // robots.txt counts as a request to the host too
            assertThat(seen).hasSize(5);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(Duration.ofNanos(seen.get(i).startNanos() - seen.get(i - 1).startNanos())).isGreaterThanOrEqualTo(DELAY);
            }
        }
    }

    @Test
    void fetchAll_whenSourceNamesALongerDelay_waitsThatLong() throws IOException {
        try (TestHost host = slowHost("127.0.0.1", 2); PoliteFetcher fetcher = fetcher(settings(Duration.ofMillis(10)))) {
            Duration own = Duration.ofMillis(400);
            List<FetchRequest> requests = List.of(new FetchRequest("a", host.url("/p0"), null, null, own),
                    new FetchRequest("a", host.url("/p1"), null, null, own));

            fetchAll(fetcher, requests, Duration.ofSeconds(10));

            List<TestHost.Seen> pages = host.pagesSeen();
            assertThat(Duration.ofNanos(pages.get(1).startNanos() - pages.get(0).startNanos())).isGreaterThanOrEqualTo(own);
        }
    }

    @Test
    void fetchAll_acrossHosts_runsThemSideBySideSoTimeApproachesTheBusiestHost() throws IOException {
        int hosts = 5;
        int perHost = 3;
        List<TestHost> servers = new ArrayList<>();
        try (PoliteFetcher fetcher = fetcher(settings(DELAY))) {
            List<FetchRequest> requests = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                TestHost host = slowHost("127.0.0." + (h + 1), perHost);
                servers.add(host);
                for (int i = 0; i < perHost; i++) requests.add(FetchRequest.of("h" + h, host.url("/p" + i)));
            }
            assertThat(fetchAll(fetcher, requests, Duration.ofSeconds(20))).hasSize(hosts * perHost).allMatch(o -> o instanceof Fetched);

            // Each host needs 3 delays between its pages. Had the hosts taken turns, or only some of them at a time, one
            // host would have answered its last page before another was asked for its first; side by side, every host
            // is asked for its first page before any host has answered its last.
            long lastHostToStart = servers.stream().mapToLong(s -> pages(s).mapToLong(TestHost.Served::startNanos).min().orElseThrow())
                    .max().orElseThrow();
            long firstHostToFinish = servers.stream().mapToLong(s -> pages(s).mapToLong(TestHost.Served::endNanos).max().orElseThrow())
                    .min().orElseThrow();
            assertThat(lastHostToStart).isLessThan(firstHostToFinish);
            assertThat(servers).allSatisfy(s -> assertThat(s.maxConcurrent()).isEqualTo(1));
        } finally {
            servers.forEach(TestHost::close);
        }
    }

    @Test
    void fetchAll_acrossHosts_neverHasMoreRequestsInFlightThanTheBound() throws IOException {
        int bound = 2;
        List<TestHost> servers = new ArrayList<>();
        Tuning tight = new Tuning(Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofMillis(100), bound, 64 * 1024, 512 * 1024,
                Duration.ofSeconds(1));
        FetchSettings settings = settings(Duration.ofMillis(10));
        try (PoliteFetcher fetcher = new PoliteFetcher(settings, tight, new AddressGuard(settings.allowPrivateAddresses()))) {
            List<FetchRequest> requests = new ArrayList<>();
            for (int h = 0; h < 6; h++) {
                TestHost host = slowHost("127.0.0." + (h + 1), 2);
                servers.add(host);
                for (int i = 0; i < 2; i++) requests.add(FetchRequest.of("h" + h, host.url("/p" + i)));
            }
            assertThat(fetchAll(fetcher, requests, Duration.ofSeconds(20))).hasSize(12).allMatch(o -> o instanceof Fetched);

            // Every request the servers saw (robots.txt included) as an interval; at no moment more than the bound
            // overlap, and the bound is reached: six hosts did not simply take turns one at a time.
            List<long[]> events = new ArrayList<>();
            for (TestHost server : servers) {
                for (TestHost.Served served : server.served()) {
                    events.add(new long[] {served.startNanos(), 1});
                    events.add(new long[] {served.endNanos(), -1});
                }
            }
            events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int inFlight = 0, most = 0;
            for (long[] event : events) most = Math.max(most, inFlight += (int) event[1]);
            assertThat(most).isEqualTo(bound);
        } finally {
            servers.forEach(TestHost::close);
        }
    }

    private static java.util.stream.Stream<TestHost.Served> pages(TestHost host) {
        return host.served().stream().filter(s -> !s.path().equals("/robots.txt"));
    }

    @Test
    void fetchAll_callsTheConsumerOncePerRequestAndNeverConcurrently() throws IOException {
        List<TestHost> servers = new ArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<FetchOutcome> outcomes = new ArrayList<>();
        try (PoliteFetcher fetcher = fetcher(settings())) {
            List<FetchRequest> requests = new ArrayList<>();
            for (int h = 0; h < 6; h++) {
                TestHost host = new TestHost("127.0.0." + (h + 1)).text("/", "text/html", "x");
                servers.add(host);
                for (int i = 0; i < 3; i++) requests.add(FetchRequest.of("h" + h + "-" + i, host.url("/")));
            }
            fetcher.fetchAll(requests, java.time.Instant.now().plusSeconds(10), o -> {
                if (inside.incrementAndGet() > 1) overlaps.incrementAndGet();
                sleep(5);
                outcomes.add(o); // plain ArrayList: safe only because calls never overlap
                inside.decrementAndGet();
            });
            assertThat(overlaps).hasValue(0);
            assertThat(outcomes).hasSize(18).extracting(FetchOutcome::request).doesNotHaveDuplicates();
        } finally {
            servers.forEach(TestHost::close);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
