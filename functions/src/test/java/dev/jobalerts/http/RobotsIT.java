package dev.jobalerts.http;

import static dev.jobalerts.http.Harness.fetchAll;
import static dev.jobalerts.http.Harness.fetcher;
import static dev.jobalerts.http.Harness.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.http.FetchOutcome.Deferred;
import dev.jobalerts.http.FetchOutcome.Disallowed;
import dev.jobalerts.http.FetchOutcome.Fetched;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RobotsIT {

    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        host = new TestHost().text("/jobs", "text/html", "<h1>jobs</h1>").text("/private/jobs", "text/html", "secret");
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private List<FetchOutcome> fetch(String... paths) {
        try (PoliteFetcher fetcher = fetcher(settings())) {
            return fetchAll(fetcher, java.util.Arrays.stream(paths).map(p -> FetchRequest.of(p, host.url(p))).toList(), Duration.ofSeconds(10));
        }
    }

    @Test
    void fetchAll_whenRobotsDisallowsPath_reportsDisallowedWithoutRequestingIt() {
        host.robots("User-agent: *\nDisallow: /private/\n");

        List<FetchOutcome> outcomes = fetch("/jobs", "/private/jobs");

        assertThat(outcomes).filteredOn(o -> o.request().sourceId().equals("/private/jobs")).singleElement()
                .isInstanceOfSatisfying(Disallowed.class, d -> assertThat(d.reason()).contains("robots.txt"));
        assertThat(outcomes).filteredOn(o -> o.request().sourceId().equals("/jobs")).singleElement().isInstanceOf(Fetched.class);
        assertThat(host.seen("/private/jobs")).isEmpty();
    }

    @Test
    void fetchAll_whenRobotsNamesOurProductToken_obeysThatGroupOverTheWildcard() {
        host.robots("User-agent: *\nAllow: /\n\nUser-agent: jobalerts\nDisallow: /jobs\n");

        assertThat(fetch("/jobs")).singleElement().isInstanceOf(Disallowed.class);
        assertThat(host.seen("/robots.txt")).singleElement()
                .satisfies(s -> assertThat(s.header("User-Agent")).isEqualTo(Harness.UA));
    }

    @Test
    void fetchAll_whenRobotsIs404_fetchesEverything() {
        assertThat(fetch("/jobs", "/private/jobs")).hasSize(2).allMatch(o -> o instanceof Fetched);
    }

    @Test
    void fetchAll_whenRobotsIs403_fetchesEverything() {
        host.page("/robots.txt", (ex, hit) -> TestHost.send(ex, 403, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));

        assertThat(fetch("/jobs")).singleElement().isInstanceOf(Fetched.class);
    }

    @Test
    void fetchAll_whenRobotsIs5xx_defersTheHostWithoutRequestingPages() {
        host.page("/robots.txt", (ex, hit) -> TestHost.send(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));

        List<FetchOutcome> outcomes = fetch("/jobs", "/private/jobs");

        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Deferred.class,
                d -> assertThat(d.reason()).contains("robots.txt").contains("503")));
        assertThat(host.pagesSeen()).isEmpty();
        assertThat(host.seen("/robots.txt")).as("robots.txt is read once per run").hasSize(1);
    }

    @Test
    void fetchAll_whenHostIsUnreachable_defersItsPages() throws IOException {
        URI dead;
        try (TestHost gone = new TestHost("127.0.0.9")) {
            dead = gone.url("/jobs");
        }
        try (PoliteFetcher fetcher = fetcher(settings())) {
            assertThat(fetchAll(fetcher, List.of(FetchRequest.of("dead", dead)), Duration.ofSeconds(10))).singleElement()
                    .isInstanceOfSatisfying(Deferred.class, d -> assertThat(d.reason()).contains("robots.txt unreachable"));
        }
    }

    @Test
    void fetchAll_whenRobotsSetsCrawlDelay_spacesRequestsByAtLeastThatMuch() {
        host.robots("User-agent: *\nCrawl-delay: 0.3\n").text("/a", "text/html", "a").text("/b", "text/html", "b");

        assertThat(fetch("/a", "/b", "/jobs")).hasSize(3).allMatch(o -> o instanceof Fetched);

        List<TestHost.Seen> pages = host.pagesSeen();
        for (int i = 1; i < pages.size(); i++) {
            assertThat(Duration.ofNanos(pages.get(i).startNanos() - pages.get(i - 1).startNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }
}
