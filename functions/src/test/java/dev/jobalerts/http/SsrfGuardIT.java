package dev.jobalerts.http;

import static dev.jobalerts.http.Harness.fetchAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.http.FetchOutcome.Disallowed;
import dev.jobalerts.http.FetchOutcome.Fetched;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsrfGuardIT {

    private static final FetchSettings GUARDED = new FetchSettings(Harness.UA, Duration.ofSeconds(1), Duration.ofSeconds(2),
            1024 * 1024, 5, 3, Duration.ofMillis(20), false);

    private static List<FetchOutcome> fetch(AddressGuard guard, URI url) {
        try (PoliteFetcher fetcher = new PoliteFetcher(GUARDED, Harness.tuning(), guard)) {
            return fetchAll(fetcher, List.of(FetchRequest.of("s", url)), Duration.ofSeconds(10));
        }
    }

    @Test
    void fetchAll_whenPrivateAddressesAreNotAllowed_refusesLoopbackWithoutConnecting() throws IOException {
        try (TestHost host = new TestHost().text("/jobs", "text/html", "x")) {
            try (PoliteFetcher fetcher = new PoliteFetcher(GUARDED)) {
                assertThat(fetchAll(fetcher, List.of(FetchRequest.of("s", host.url("/jobs"))), Duration.ofSeconds(10))).singleElement()
                        .isInstanceOfSatisfying(Disallowed.class, d -> assertThat(d.reason()).contains("loopback"));
            }
            assertThat(host.seen()).as("not even robots.txt").isEmpty();
        }
    }

    @Test
    void fetchAll_whenSchemeIsNotHttp_refusesIt() {
        for (String url : List.of("file:///etc/passwd", "ftp://example.com/jobs", "jar:file:/x.jar!/a")) {
            assertThat(fetch(new AddressGuard(false), URI.create(url))).singleElement()
                    .isInstanceOfSatisfying(Disallowed.class, d -> assertThat(d.reason()).contains("scheme"));
        }
    }

    @Test
    void fetchAll_whenARedirectLeadsToAPrivateAddress_refusesThatHop() throws IOException {
        try (TestHost pub = new TestHost("127.0.0.2"); TestHost internal = new TestHost("127.0.0.3")) {
            internal.text("/admin", "text/html", "metadata");
            pub.page("/jobs", (ex, hit) -> TestHost.redirect(ex, 302, internal.url("/admin").toString()));
            // Pretend 127.0.0.2 is a public address so only the redirect hop is private.
            AddressGuard guard = new AddressGuard(false, host -> host.equals("127.0.0.2")
                    ? new InetAddress[] {InetAddress.getByName("203.0.113.7")} : InetAddress.getAllByName(host));

            assertThat(fetch(guard, pub.url("/jobs"))).singleElement()
                    .isInstanceOfSatisfying(Disallowed.class, d -> assertThat(d.reason()).contains("127.0.0.3").contains("loopback"));
            assertThat(pub.seen("/jobs")).hasSize(1);
            assertThat(internal.seen()).isEmpty();
        }
    }

    @Test
    void fetchAll_whenPrivateAddressesAreAllowed_fetchesLoopback() throws IOException {
        try (TestHost host = new TestHost().text("/jobs", "text/html", "x");
                PoliteFetcher fetcher = new PoliteFetcher(GUARDED.allowingPrivateAddresses())) {
            assertThat(fetchAll(fetcher, List.of(FetchRequest.of("s", host.url("/jobs"))), Duration.ofSeconds(10))).singleElement()
                    .isInstanceOf(Fetched.class);
        }
    }
}
