package dev.jobalerts.http;

import static dev.jobalerts.http.Harness.fetchOne;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.http.FetchOutcome.Failed;
import dev.jobalerts.http.FetchOutcome.Fetched;
import dev.jobalerts.http.FetchOutcome.NotModified;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseIT {

    private static final String ETAG = "\"v42\"";
    private static final String LAST_MODIFIED = "Sat, 21 Nov 2026 10:00:00 GMT";
    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        host = new TestHost();
        host.page("/jobs", (ex, hit) -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            ex.getResponseHeaders().set("ETag", ETAG);
            ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if (ETAG.equals(inm) || (inm == null && LAST_MODIFIED.equals(ims))) TestHost.send(ex, 304, null, null);
            else TestHost.send(ex, 200, "text/html; charset=utf-8", "<h1>Jobs in Köln</h1>".getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private FetchOutcome get(String path) {
        return fetchOne(host.url(path));
    }

    @Test
    void fetchAll_whenUnconditional_returnsBodyAndValidators() {
        assertThat(get("/jobs")).isInstanceOfSatisfying(Fetched.class, f -> {
            assertThat(f.status()).isEqualTo(200);
            assertThat(f.body()).isEqualTo("<h1>Jobs in Köln</h1>");
            assertThat(f.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(f.etag()).isEqualTo(ETAG);
            assertThat(f.lastModified()).isEqualTo(LAST_MODIFIED);
            assertThat(f.finalUrl()).isEqualTo(host.url("/jobs"));
        });
        assertThat(host.seen("/jobs").get(0).header("User-Agent")).isEqualTo(Harness.UA);
    }

    @Test
    void fetchAll_whenEtagStillMatches_returnsNotModified() {
        FetchRequest request = new FetchRequest("s", host.url("/jobs"), ETAG, null, null);

        assertThat(fetchOne(Harness.settings(), request)).isEqualTo(new NotModified(request));
        assertThat(host.seen("/jobs").get(0).header("If-None-Match")).isEqualTo(ETAG);
    }

    @Test
    void fetchAll_whenOnlyLastModifiedIsKnown_sendsIfModifiedSince() {
        FetchRequest request = new FetchRequest("s", host.url("/jobs"), null, LAST_MODIFIED, null);

        assertThat(fetchOne(Harness.settings(), request)).isInstanceOf(NotModified.class);
        assertThat(host.seen("/jobs").get(0).header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void fetchAll_whenEtagIsStale_returnsTheNewPage() {
        FetchRequest request = new FetchRequest("s", host.url("/jobs"), "\"v41\"", null, null);

        assertThat(fetchOne(Harness.settings(), request)).isInstanceOf(Fetched.class);
    }

    @Test
    void fetchAll_whenDeclaredLengthIsOverTheCap_failsTooLargeWithoutReading() {
        host.page("/huge", (ex, hit) -> TestHost.send(ex, 200, "text/html", new byte[2 * 1024 * 1024]));

        assertThat(get("/huge")).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.status()).isEqualTo(200);
            assertThat(f.reason()).startsWith("too large");
        });
    }

    @Test
    void fetchAll_whenChunkedBodyNeverEnds_failsTooLargeAtTheCap() throws InterruptedException {
        int chunks = 10_000;
        AtomicInteger written = new AtomicInteger();
        CountDownLatch serverDone = new CountDownLatch(1);
        host.page("/endless", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: no length to refuse up front
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < chunks; i++) { // 640 MB if nobody stops it
                    out.write(chunk);
                    written.incrementAndGet();
                }
            } finally {
                serverDone.countDown();
            }
        });

        assertThat(get("/endless")).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason()).startsWith("too large"));
        // The fetcher hung up near the 1 MB cap: the server got no further than the cap plus what loopback socket
        // buffers hold (a few MB), far from the whole body. (The latch only waits for the server's write to end.)
        assertThat(serverDone.await(60, TimeUnit.SECONDS)).as("server's write ended").isTrue();
        assertThat(written.get() * 64L * 1024).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void fetchAll_whenGzipExpandsPastTheCap_failsTooLarge() throws IOException {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]); // 8 MB of zeros, a few KB on the wire
        host.page("/bomb", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestHost.send(ex, 200, "text/html", bomb);
        });

        assertThat(get("/bomb")).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason()).startsWith("too large"));
    }

    @Test
    void fetchAll_whenGzipEncoded_returnsDecodedText() throws IOException {
        byte[] body = gzip("<p>Zürich</p>".getBytes(StandardCharsets.UTF_8));
        host.page("/gz", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestHost.send(ex, 200, "text/html; charset=utf-8", body);
        });

        assertThat(get("/gz")).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).isEqualTo("<p>Zürich</p>"));
        assertThat(host.seen("/gz").get(0).header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void fetchAll_whenDeflateEncoded_returnsDecodedText() throws IOException {
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
            out.write("<p>Genève</p>".getBytes(StandardCharsets.UTF_8));
        }
        host.page("/deflate", (ex, hit) -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            TestHost.send(ex, 200, "text/html; charset=utf-8", zlib.toByteArray());
        });

        assertThat(get("/deflate")).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).isEqualTo("<p>Genève</p>"));
    }

    @Test
    void fetchAll_whenHeaderHasNoCharsetButMetaDoes_decodesWithTheMetaCharset() {
        Charset latin = Charset.forName("windows-1252");
        host.page("/latin", (ex, hit) -> TestHost.send(ex, 200, "text/html",
                "<meta charset=\"iso-8859-1\"><p>Málaga</p>".getBytes(latin)));

        assertThat(get("/latin")).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).contains("Málaga"));
    }

    @Test
    void fetchAll_whenHeaderCharsetIsLatin1_decodesWithIt() {
        host.page("/latin", (ex, hit) -> TestHost.send(ex, 200, "text/html; charset=ISO-8859-1",
                "<p>Málaga</p>".getBytes(Charset.forName("windows-1252"))));

        assertThat(get("/latin")).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).isEqualTo("<p>Málaga</p>"));
    }

    @Test
    void fetchAll_whenRedirected_followsToTheFinalUrl() {
        host.page("/old", (ex, hit) -> TestHost.redirect(ex, 301, "/older"));
        host.page("/older", (ex, hit) -> TestHost.redirect(ex, 302, host.url("/jobs").toString()));

        assertThat(get("/old")).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.finalUrl()).isEqualTo(host.url("/jobs")));
    }

    @Test
    void fetchAll_whenRedirectsLoop_failsWithoutLoopingForever() {
        host.page("/a", (ex, hit) -> TestHost.redirect(ex, 302, "/b"));
        host.page("/b", (ex, hit) -> TestHost.redirect(ex, 302, "/a"));

        assertThat(get("/a")).isInstanceOfSatisfying(Failed.class, f -> assertThat(f.reason()).contains("redirect loop"));
        assertThat(host.seen("/a")).hasSize(1);
    }

    @Test
    void fetchAll_whenMoreThanFiveRedirects_fails() {
        for (int i = 0; i < 7; i++) {
            String next = "/r" + (i + 1);
            host.page("/r" + i, (ex, hit) -> TestHost.redirect(ex, 307, next));
        }
        host.text("/r7", "text/html", "too far");

        assertThat(get("/r0")).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.status()).isEqualTo(307);
            assertThat(f.reason()).contains("more than 5 redirects");
        });
        assertThat(host.seen("/r6")).isEmpty();
    }

    @Test
    void fetchAll_whenExactlyFiveRedirects_follows() {
        for (int i = 0; i < 5; i++) {
            String next = "/r" + (i + 1);
            host.page("/r" + i, (ex, hit) -> TestHost.redirect(ex, 308, next));
        }
        host.text("/r5", "text/html", "arrived");

        assertThat(get("/r0")).isInstanceOfSatisfying(Fetched.class, f -> assertThat(f.body()).isEqualTo("arrived"));
    }

    @Test
    void fetchAll_whenRedirectTargetIsDisallowedByRobots_reportsDisallowed() {
        host.robots("User-agent: *\nDisallow: /private/\n");
        host.page("/go", (ex, hit) -> TestHost.redirect(ex, 302, "/private/jobs"));

        assertThat(get("/go")).isInstanceOfSatisfying(FetchOutcome.Disallowed.class,
                d -> assertThat(d.reason()).contains("robots.txt"));
        assertThat(host.seen("/private/jobs")).isEmpty();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
