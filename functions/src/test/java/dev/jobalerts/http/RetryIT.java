package dev.jobalerts.http;

import static dev.jobalerts.http.Harness.fetchAll;
import static dev.jobalerts.http.Harness.fetchOne;
import static dev.jobalerts.http.Harness.fetcher;
import static dev.jobalerts.http.Harness.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.http.FetchOutcome.Deferred;
import dev.jobalerts.http.FetchOutcome.Failed;
import dev.jobalerts.http.FetchOutcome.Fetched;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryIT {

    private static final byte[] OK = "<h1>jobs</h1>".getBytes(StandardCharsets.UTF_8);
    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        host = new TestHost();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private static TestHost.Page failing(int times, int status, String retryAfter) {
        return (ex, hit) -> {
            if (hit <= times) {
                if (retryAfter != null) ex.getResponseHeaders().set("Retry-After", retryAfter);
                TestHost.send(ex, status, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                TestHost.send(ex, 200, "text/html", OK);
            }
        };
    }

    @Test
    void fetchAll_when5xxThenOk_retriesAndFetches() {
        host.page("/jobs", failing(2, 500, null));

        assertThat(Harness.fetchOne(host.url("/jobs"))).isInstanceOf(Fetched.class);
        assertThat(host.seen("/jobs")).hasSize(3);
    }

    @Test
    void fetchAll_when5xxEveryTime_failsAfterMaxAttempts() {
        host.page("/jobs", failing(99, 502, null));

        assertThat(Harness.fetchOne(host.url("/jobs"))).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.status()).isEqualTo(502);
            assertThat(f.reason()).contains("3 attempts");
        });
        assertThat(host.seen("/jobs")).hasSize(3);
    }

    @Test
    void fetchAll_when4xx_failsWithoutRetrying() {
        assertThat(Harness.fetchOne(host.url("/missing"))).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.status()).isEqualTo(404));
        assertThat(host.seen("/missing")).hasSize(1);
    }

    @Test
    void fetchAll_when429WithRetryAfterSeconds_waitsThatLongBeforeRetrying() {
        host.page("/jobs", failing(1, 429, "1"));

        assertThat(Harness.fetchOne(host.url("/jobs"))).isInstanceOf(Fetched.class);
        List<TestHost.Seen> tries = host.seen("/jobs");
        assertThat(Duration.ofNanos(tries.get(1).startNanos() - tries.get(0).startNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void fetchAll_when503WithRetryAfterHttpDate_waitsUntilThatDate() {
        host.page("/jobs", (ex, hit) -> {
            if (hit == 1) {
                // IMF-fixdate has whole seconds: two seconds ahead means a wait of 1-2 s.
                String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
                ex.getResponseHeaders().set("Retry-After", at);
                TestHost.send(ex, 503, "text/plain", "later".getBytes(StandardCharsets.UTF_8));
            } else {
                TestHost.send(ex, 200, "text/html", OK);
            }
        });

        assertThat(Harness.fetchOne(host.url("/jobs"))).isInstanceOf(Fetched.class);
        List<TestHost.Seen> tries = host.seen("/jobs");
        assertThat(Duration.ofNanos(tries.get(1).startNanos() - tries.get(0).startNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void fetchAll_whenRetryAfterExceedsTheCap_defersInsteadOfWaiting() {
        host.page("/jobs", failing(99, 429, "3600"));

        // Deferred at once by the cap, after one attempt: a fetcher that waited would instead give up on reaching the
        // run's deadline ("would pass the run deadline") or try again.
        assertThat(Harness.fetchOne(host.url("/jobs"))).isInstanceOfSatisfying(Deferred.class,
                d -> assertThat(d.reason()).contains("Retry-After 3600 s exceeds the 5 s we wait within a run").doesNotContain("deadline"));
        assertThat(host.seen("/jobs")).hasSize(1);
    }

    @Test
    void fetchAll_whenRetryAfterPassesTheDeadline_defersInsteadOfWaiting() {
        host.page("/jobs", failing(99, 503, "3"));

        try (PoliteFetcher fetcher = fetcher(settings())) {
            List<FetchOutcome> outcomes = fetchAll(fetcher, List.of(FetchRequest.of("s", host.url("/jobs"))), Duration.ofSeconds(2));
            assertThat(outcomes).singleElement().isInstanceOfSatisfying(Deferred.class,
                    d -> assertThat(d.reason()).contains("deadline"));
        }
    }

    @Test
    void fetchAll_whenServerIsSlowerThanReadTimeout_retriesThenFetches() {
        host.page("/jobs", (ex, hit) -> {
            if (hit == 1) PolitenessIT.sleep(700);
            TestHost.send(ex, 200, "text/html", OK);
        });
        FetchSettings shortRead = new FetchSettings(Harness.UA, Duration.ofSeconds(1), Duration.ofMillis(300), 1024 * 1024, 5, 3,
                Duration.ofMillis(20), true);

        assertThat(fetchOne(shortRead, FetchRequest.of("s", host.url("/jobs")))).isInstanceOf(Fetched.class);
        assertThat(host.seen("/jobs")).hasSize(2);
    }

    @Test
    void fetchAll_whenServerStaysSlow_failsWithReadTimeout() {
        host.page("/jobs", (ex, hit) -> {
            PolitenessIT.sleep(700);
            TestHost.send(ex, 200, "text/html", OK);
        });
        FetchSettings shortRead = new FetchSettings(Harness.UA, Duration.ofSeconds(1), Duration.ofMillis(200), 1024 * 1024, 5, 2,
                Duration.ofMillis(20), true);

        assertThat(fetchOne(shortRead, FetchRequest.of("s", host.url("/jobs")))).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.status()).isZero();
            assertThat(f.reason()).contains("timed out").contains("2 attempts");
        });
    }

    @Test
    void fetchAll_whenBodyTricklesPastReadTimeout_failsInsteadOfHanging() {
        host.page("/jobs", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write('x');
                    out.flush();
                    PolitenessIT.sleep(100);
                }
            }
        });
        FetchSettings shortRead = new FetchSettings(Harness.UA, Duration.ofSeconds(1), Duration.ofMillis(300), 1024 * 1024, 5, 1,
                Duration.ofMillis(20), true);

        assertThat(fetchOne(shortRead, FetchRequest.of("s", host.url("/jobs")))).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).contains("timed out"));
    }

    @Test
    void fetchAll_whenConnectionDropsMidBody_retriesAndFetches() {
        host.page("/jobs", (ex, hit) -> {
            if (hit == 1) {
                // Promise 1000 bytes, send 10 and hang up: the client sees a truncated body, a network error.
                ex.sendResponseHeaders(200, 1000);
                ex.getResponseBody().write("<h1>jobs</".getBytes(StandardCharsets.UTF_8));
                ex.getResponseBody().flush();
                throw new IOException("hang up");
            }
            TestHost.send(ex, 200, "text/html", OK);
        });

        assertThat(Harness.fetchOne(host.url("/jobs"))).isInstanceOfSatisfying(Fetched.class,
                f -> assertThat(f.body()).isEqualTo("<h1>jobs</h1>"));
        List<TestHost.Seen> tries = host.seen("/jobs");
        assertThat(tries).hasSize(2);
    }
}
