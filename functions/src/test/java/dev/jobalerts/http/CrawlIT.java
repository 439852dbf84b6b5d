package dev.jobalerts.http;

import static dev.jobalerts.http.Harness.fetcher;
import static dev.jobalerts.http.Harness.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.http.FetchOutcome.Fetched;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests that follow from earlier answers (next pages, details), POST queries, credentials and host routes. */
class CrawlIT {
    private static final Duration DELAY = Duration.ofMillis(150);

    private static FetchRequest get(URI url) {
        return new FetchRequest("s", url, null, null, DELAY);
    }

    private static List<FetchOutcome> crawl(PoliteFetcher fetcher, List<FetchRequest> first, Duration budget,
            java.util.function.Function<FetchOutcome, List<FetchRequest>> next) {
        List<FetchOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        fetcher.crawl(first, Instant.now().plus(budget), outcome -> {
            outcomes.add(outcome);
            return next.apply(outcome);
        });
        return List.copyOf(outcomes);
    }

    @Test
    void crawl_followUpsJoinTheirHostsLane_withThePolitenessDelayBetween() throws IOException {
        try (TestHost host = new TestHost(); PoliteFetcher fetcher = fetcher(settings(DELAY))) {
            for (int i = 1; i <= 4; i++) host.text("/page/" + i, "application/json", "{\"page\":" + i + "}");
            List<FetchOutcome> outcomes = crawl(fetcher, List.of(get(host.url("/page/1"))), Duration.ofSeconds(10), outcome -> {
                String path = outcome.request().url().getPath();
                int page = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                return page < 4 ? List.of(get(host.url("/page/" + (page + 1)))) : List.of();
            });

            assertThat(outcomes).hasSize(4).allMatch(o -> o instanceof Fetched);
            assertThat(host.maxConcurrent()).isEqualTo(1);
            List<TestHost.Seen> pages = host.pagesSeen();
            assertThat(pages).extracting(TestHost.Seen::path).containsExactly("/page/1", "/page/2", "/page/3", "/page/4");
            for (int i = 1; i < pages.size(); i++)
                assertThat(Duration.ofNanos(pages.get(i).startNanos() - pages.get(i - 1).startNanos())).isGreaterThanOrEqualTo(DELAY);
        }
    }

    @Test
    void crawl_post_sendsTheJsonBodyAndItsHeaders() throws IOException {
        try (TestHost host = new TestHost(); PoliteFetcher fetcher = fetcher(settings())) {
            host.text("/jobs", "application/json", "{\"total\":0}");
            FetchRequest post = new FetchRequest("s", host.url("/jobs"), null, null, null, "POST", "{\"offset\":20}",
                    Map.of("Content-Type", "application/json", "Accept", "application/json"), null);

            List<FetchOutcome> outcomes = crawl(fetcher, List.of(post), Duration.ofSeconds(10), o -> List.of());

            assertThat(outcomes).singleElement().isInstanceOf(Fetched.class);
            TestHost.Seen seen = host.seen("/jobs").get(0);
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.body()).isEqualTo("{\"offset\":20}");
            assertThat(seen.header("Content-Type")).isEqualTo("application/json");
            assertThat(seen.header("Accept")).isEqualTo("application/json");
        }
    }

    @Test
    void crawl_secrets_goOnTheWireToTheRequestsOriginOnly_andNeverIntoTheUrlItReports() throws IOException {
        try (TestHost api = new TestHost("127.0.0.1"); TestHost elsewhere = new TestHost("127.0.0.2");
             PoliteFetcher fetcher = fetcher(settings())) {
            api.page("/search?q=python&app_id=id-1&app_key=key-2", (ex, hit) -> TestHost.redirect(ex, 302, elsewhere.url("/moved?q=python").toString()));
            elsewhere.text("/moved?q=python", "application/json", "{}");
            RequestSecrets secrets = new RequestSecrets(Map.of("Authorization-Key", "key-3"), Map.of("app_id", "id-1", "app_key", "key-2"));
            FetchRequest request = new FetchRequest("s", api.url("/search?q=python"), null, null, null, "GET", null, Map.of(), secrets);

            List<FetchOutcome> outcomes = crawl(fetcher, List.of(request), Duration.ofSeconds(10), o -> List.of());

            Fetched fetched = (Fetched) outcomes.get(0);
            assertThat(fetched.request().url().toString()).doesNotContain("key-2").doesNotContain("id-1");
            assertThat(fetched.request().toString()).doesNotContain("key-2").doesNotContain("key-3");
            assertThat(api.pagesSeen()).singleElement().satisfies(s -> assertThat(s.header("Authorization-Key")).isEqualTo("key-3"));
            TestHost.Seen redirected = elsewhere.pagesSeen().get(0);
            assertThat(redirected.header("Authorization-Key")).isNull();
            assertThat(redirected.path()).isEqualTo("/moved?q=python");
        }
    }

    @Test
    void crawl_redirects_303TurnsAPostIntoAGet_307KeepsMethodAndBody() throws IOException {
        try (TestHost host = new TestHost(); PoliteFetcher fetcher = fetcher(settings())) {
            host.page("/see-other", (ex, hit) -> TestHost.redirect(ex, 303, "/result"));
            host.page("/temporary", (ex, hit) -> TestHost.redirect(ex, 307, "/result"));
            host.text("/result", "application/json", "{}");
            List<FetchRequest> posts = List.of(
                    new FetchRequest("a", host.url("/see-other"), null, null, null, "POST", "{\"a\":1}", Map.of("Content-Type", "application/json"), null),
                    new FetchRequest("b", host.url("/temporary"), null, null, null, "POST", "{\"b\":2}", Map.of("Content-Type", "application/json"), null));

            crawl(fetcher, posts, Duration.ofSeconds(10), o -> List.of());

            assertThat(host.seen("/result")).extracting(TestHost.Seen::method, TestHost.Seen::body)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("GET", ""), org.assertj.core.groups.Tuple.tuple("POST", "{\"b\":2}"));
        }
    }

    @Test
    void crawl_hostRoute_sendsTheRequestToTheRoutedOrigin_namingTheBoardItWasFor() throws IOException {
        try (TestHost fake = new TestHost()) {
            fake.text("/wday/cxs/acme/External/jobs", "application/json", "{\"total\":0}");
            URI origin = URI.create("http://127.0.0.1:" + fake.url("/").getPort());
            try (PoliteFetcher fetcher = fetcher(settings().routing("acme.wd5.myworkdayjobs.test", origin))) {
                FetchRequest request = FetchRequest.of("s", URI.create("http://acme.wd5.myworkdayjobs.test/wday/cxs/acme/External/jobs"));

                List<FetchOutcome> outcomes = crawl(fetcher, List.of(request), Duration.ofSeconds(10), o -> List.of());

                Fetched fetched = (Fetched) outcomes.get(0);
                assertThat(fetched.body()).isEqualTo("{\"total\":0}");
                assertThat(fetched.request().url().getHost()).isEqualTo("acme.wd5.myworkdayjobs.test");
                assertThat(fake.seen("/robots.txt")).hasSize(1);
                assertThat(fake.pagesSeen()).singleElement()
                        .satisfies(s -> assertThat(s.header("X-Forwarded-Host")).isEqualTo("acme.wd5.myworkdayjobs.test"));
            }
        }
    }

    @Test
    void crawl_followUpsThatCannotStartBeforeTheDeadline_areReportedDeferred() throws IOException {
        try (TestHost host = new TestHost(); PoliteFetcher fetcher = fetcher(settings())) {
            // /a answers late enough that /b's turn (after the delay) falls past the run's start limit.
            host.page("/a", (ex, hit) -> {
                sleep(350);
                TestHost.send(ex, 200, "text/html", "a".getBytes(StandardCharsets.UTF_8));
            });
            host.text("/b", "text/html", "b");
            List<FetchOutcome> outcomes = crawl(fetcher, List.of(get(host.url("/a"))), Duration.ofMillis(700),
                    o -> o.request().url().getPath().equals("/a") ? List.of(get(host.url("/b"))) : List.of());

            assertThat(outcomes).hasSize(2);
            assertThat(outcomes.get(1)).isInstanceOf(FetchOutcome.Deferred.class);
            assertThat(host.seen("/b")).isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
