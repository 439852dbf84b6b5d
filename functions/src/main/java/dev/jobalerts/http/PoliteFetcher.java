package dev.jobalerts.http;

import dev.jobalerts.coldstart.Lazy;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fetches job-board pages the way a site owner would want: robots.txt (RFC 9309) and its Crawl-delay obeyed,
 * one request at a time per host with a pause between requests, conditional GETs, bounded retries with
 * back-off, capped bodies and no requests to private addresses. Many hosts are fetched concurrently, so a run
 * takes about as long as its busiest host's politeness requires.
 *
 * <p>Build one per container and reuse it across invocations: it keeps the HTTP client's connections. robots.txt
 * is re-read on every {@link #fetchAll} call.
 */
public final class PoliteFetcher implements AutoCloseable {

    private final FetchSettings settings;
    private final Tuning tuning;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;
    /** Built on first fetch: an HTTP client sets up TLS (the JDK's trust store), which a cold start need not wait for. */
    private final Lazy<HttpHops> hops;

    public PoliteFetcher(FetchSettings settings) {
        this(settings, Tuning.defaults(), new AddressGuard(settings.allowPrivateAddresses()));
    }

    PoliteFetcher(FetchSettings settings, Tuning tuning, AddressGuard guard) {
        if (settings == null) throw new IllegalArgumentException("settings must not be null");
        this.settings = settings;
        this.tuning = tuning;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("jobalerts-fetch-timer"));
        // Work here is short (DNS, decoding, bookkeeping); waiting happens on the timer, never on these threads.
        this.worker = Executors.newCachedThreadPool(daemonThreads("jobalerts-fetch"));
        this.hops = Lazy.of(() -> new HttpHops(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // Redirects are followed by HttpHops so the SSRF guard and robots.txt see every hop.
                .followRedirects(HttpClient.Redirect.NEVER)
                // One request per host at a time gains nothing from HTTP/2, and h2c upgrade attempts upset some servers.
                .version(HttpClient.Version.HTTP_1_1)
                .executor(worker)
                .build(), settings, guard, timer, worker));
    }

    /**
     * Fetches all requests politely and concurrently; calls onOutcome (from any thread, but never concurrently)
     * once per request, in completion order; returns when all are done or deferred. No request starts close to
     * {@code deadline}; requests still waiting then are reported {@link FetchOutcome.Deferred}, and ones in flight
     * are cut off at the deadline, so this returns shortly after it at the latest. An exception thrown by
     * {@code onOutcome} stops further calls and is rethrown here once the run has wound down.
     */
    public void fetchAll(List<FetchRequest> requests, Instant deadline, Consumer<FetchOutcome> onOutcome) {
        if (onOutcome == null) throw new IllegalArgumentException("onOutcome must not be null");
        crawl(requests, deadline, outcome -> {
            onOutcome.accept(outcome);
            return List.of();
        });
    }

    /**
     * Like {@link #fetchAll}, but {@code onOutcome} may answer an outcome with more requests to make in the same run
     * (the next page of a listing, the detail pages it links to). They obey the same politeness, robots.txt, SSRF
     * guard and deadline; those that cannot start before the deadline are reported {@link FetchOutcome.Deferred}.
     * Returns when every request, follow-ups included, has an outcome.
     */
    public void crawl(List<FetchRequest> requests, Instant deadline, Function<FetchOutcome, List<FetchRequest>> onOutcome) {
        if (requests == null) throw new IllegalArgumentException("requests must not be null");
        if (deadline == null) throw new IllegalArgumentException("deadline must not be null");
        if (onOutcome == null) throw new IllegalArgumentException("onOutcome must not be null");
        if (requests.stream().anyMatch(java.util.Objects::isNull)) throw new IllegalArgumentException("requests must not contain null");
        if (requests.isEmpty()) return;
        new HostLanes(settings, tuning, hops.get(), timer, deadline, onOutcome).execute(requests);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        worker.shutdownNow();
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            // Daemon threads never keep a Lambda container or the CLI alive after the work is done.
            t.setDaemon(true);
            return t;
        };
    }
}
