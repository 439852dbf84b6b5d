package dev.jobalerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.http.FetchOutcome.Deferred;
import dev.jobalerts.http.FetchOutcome.Fetched;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineIT {

    @Test
    void fetchAll_whenPolitenessOutlastsTheDeadline_fetchesWhatFitsAndDefersTheRest() throws IOException {
        try (TestHost host = new TestHost(); PoliteFetcher fetcher = Harness.fetcher(Harness.settings(Duration.ofMillis(300)))) {
            List<FetchRequest> requests = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                host.text("/p" + i, "text/html", "page " + i);
                requests.add(FetchRequest.of("s" + i, host.url("/p" + i)));
            }
            List<FetchOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            Instant deadline = Instant.now().plusMillis(1200);

            fetcher.fetchAll(requests, deadline, outcomes::add);

            // Deferred by the deadline (not swept up when the run's grace ran out), none fetched past what fits.
            assertThat(outcomes).hasSize(10);
            long fetched = outcomes.stream().filter(o -> o instanceof Fetched).count();
            assertThat(fetched).isBetween(1L, 4L); // robots + pages every 300 ms, none started in the last 100 ms
            assertThat(outcomes).filteredOn(o -> o instanceof Deferred).hasSize((int) (10 - fetched))
                    .allSatisfy(o -> assertThat(((Deferred) o).reason()).contains("deadline"));
            assertThat(host.pagesSeen()).hasSize((int) fetched);
        }
    }

    @Test
    void fetchAll_whenARequestIsInFlightAtTheDeadline_cutsItOffAsDeferred() throws IOException {
        try (TestHost host = new TestHost(); PoliteFetcher fetcher = Harness.fetcher(Harness.settings())) {
            host.page("/slow", (ex, hit) -> {
                PolitenessIT.sleep(3000);
                TestHost.send(ex, 200, "text/html", "late".getBytes(StandardCharsets.UTF_8));
            });
            List<FetchOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            Instant deadline = Instant.now().plusMillis(800);

            // readTimeout is 2 s, so only the deadline can end this request in time.
            fetcher.fetchAll(List.of(FetchRequest.of("s", host.url("/slow"))), deadline, outcomes::add);

            assertThat(host.served()).as("fetchAll returned while the server was still answering")
                    .noneMatch(served -> served.path().equals("/slow"));
            assertThat(outcomes).singleElement().isInstanceOfSatisfying(Deferred.class,
                    d -> assertThat(d.reason()).contains("deadline"));
        }
    }

    @Test
    void fetchAll_whenDeadlineHasPassed_defersEverythingWithoutRequests() throws IOException {
        try (TestHost host = new TestHost().text("/jobs", "text/html", "x"); PoliteFetcher fetcher = Harness.fetcher(Harness.settings())) {
            List<FetchOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

            fetcher.fetchAll(List.of(FetchRequest.of("s", host.url("/jobs"))), Instant.now().minusSeconds(1), outcomes::add);

            assertThat(outcomes).singleElement().isInstanceOf(Deferred.class);
            assertThat(host.seen()).isEmpty();
        }
    }

    @Test
    void fetchAll_whenConsumerThrows_rethrowsAfterTheRunAndStopsCalling() throws IOException {
        try (TestHost host = new TestHost().text("/a", "text/html", "a").text("/b", "text/html", "b");
                PoliteFetcher fetcher = Harness.fetcher(Harness.settings())) {
            List<FetchOutcome> seen = Collections.synchronizedList(new ArrayList<>());
            IllegalStateException boom = new IllegalStateException("table unavailable");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fetcher.fetchAll(
                    List.of(FetchRequest.of("a", host.url("/a")), FetchRequest.of("b", host.url("/b"))), Instant.now().plusSeconds(5), o -> {
                        seen.add(o);
                        throw boom;
                    })).isSameAs(boom);
            assertThat(seen).hasSize(1);
        }
    }
}
