package dev.jobalerts.local.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobalerts.http.FetchOutcome;
import dev.jobalerts.http.FetchRequest;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobalerts.jar bench fetch}: how close a {@link PoliteFetcher} run comes to the politeness bound.
 *
 * <p>Serves {@code --sources} pages (default 200) spread over {@code --hosts} loopback hosts (default 20:
 * 127.0.0.1 to 127.0.0.20), each answering after {@code --latency-ms} (default 100). With a politeness delay of
 * {@code --delay-ms} (default 1000) a host that receives n requests (its robots.txt included) cannot be done in
 * less than (n - 1) delays: that is the bound. A second run sends the ETags from the first, which every host
 * answers with 304. Exit code 0 when both runs stay within 1.25 times the bound and every page is a 304 the
 * second time.
 *
 * <p>A third run mixes in {@code --paged-hosts} (default 5) Workday tenants on further loopback addresses, each with
 * {@code --paged-postings} (default 25) postings: the real Workday board pages its listing with POSTs of 20 and then
 * asks each posting's detail, every request a follow-up of an earlier answer in the same crawl. Their host lanes are
 * the long ones, so this run's bound is theirs: (robots.txt + pages + details − 1) delays.
 */
@Command(name = "fetch", description = {"how close a polite fetch run comes to the politeness bound", "Exit 0 when every run stays within 1.25 times the bound."})
public final class FetchBenchmark implements Callable<Integer> {

    private static final double GOAL = 1.25;

    @Option(names = "--sources", paramLabel = "N", description = "pages to fetch (default 200)")
    int sources = 200;
    @Option(names = "--hosts", paramLabel = "N", description = "loopback hosts they are spread over (default 20)")
    int hosts = 20;
    @Option(names = "--latency-ms", paramLabel = "MS", description = "each answer's delay (default 100)")
    long latencyMs = 100;
    @Option(names = "--delay-ms", paramLabel = "MS", description = "the politeness delay per host (default 1000)")
    long delayMs = 1000;
    @Option(names = "--paged-hosts", paramLabel = "N", description = "Workday tenants in the third run (default 5)")
    int pagedHosts = 5;
    @Option(names = "--paged-postings", paramLabel = "N", description = "postings per Workday tenant (default 25)")
    int pagedPostings = 25;

    private final PrintStream out;

    FetchBenchmark(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() throws Exception {
        // The JDK server writes headers and body in two packets; without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs add ~40 ms to every response, which would be measured as fetcher overhead. Must precede the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (hosts < 1 || hosts + pagedHosts > 254 || sources < 1 || pagedHosts < 0 || pagedPostings < 1)
            throw new UsageException("need 1-254 hosts in all, at least one source and one paged posting");
        Options o = new Options(sources, hosts, Duration.ofMillis(latencyMs), Duration.ofMillis(delayMs), pagedHosts, pagedPostings);
        List<HttpServer> servers = new ArrayList<>();
        ExecutorService serverThreads = Executors.newFixedThreadPool(Math.max(4, o.hosts), r -> {
            Thread t = new Thread(r, "bench-host");
            t.setDaemon(true);
            return t;
        });
        try {
            List<FetchRequest> requests = new ArrayList<>();
            for (int h = 1; h <= o.hosts; h++) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + h, 0), 64);
                server.setExecutor(serverThreads);
                server.createContext("/", ex -> answer(ex, o.latency));
                server.start();
                servers.add(server);
            }
            for (int i = 0; i < o.sources; i++) {
                HttpServer server = servers.get(i % o.hosts);
                URI url = URI.create("http://127.0.0." + (i % o.hosts + 1) + ":" + server.getAddress().getPort() + "/jobs/" + i);
                requests.add(new FetchRequest("bench-" + i, url, null, null, null));
            }
            FetchSettings settings = PagedHosts.route(new FetchSettings(FetchSettings.DEFAULT_USER_AGENT, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), 5L * 1024 * 1024, 5, 3, o.delay, true), o, serverThreads);

            out.printf(Locale.ROOT, "Fetch benchmark: %d sources on %d loopback hosts, %d ms latency, %d ms politeness delay%n%n",
                    o.sources, o.hosts, o.latency.toMillis(), o.delay.toMillis());
            out.println("| run | requests per host (with robots.txt) | 200 | 304 | other | wall time s | politeness bound s | ratio |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            try (PoliteFetcher fetcher = new PoliteFetcher(settings)) {
                warmUp(settings, requests, o);
                Result first = measure(fetcher, requests, o);
                out.println(first.row("first (unconditional)"));
                List<FetchRequest> conditional = new ArrayList<>();
                for (FetchOutcome outcome : first.outcomes) {
                    FetchRequest r = outcome.request();
                    String etag = outcome instanceof FetchOutcome.Fetched f ? f.etag() : null;
                    conditional.add(new FetchRequest(r.sourceId(), r.url(), etag, null, r.minDelay()));
                }
                Result second = measure(fetcher, conditional, o);
                out.println(second.row("second (stored ETags)"));
                Result mixed = o.pagedHosts == 0 ? null : PagedHosts.measure(fetcher, requests, o, serverThreads);
                if (mixed != null) out.println(mixed.row("third: with " + o.pagedHosts + " Workday hosts (paged listing + details)"));
                boolean ok = first.ratio() <= GOAL && second.ratio() <= GOAL && second.notModified == o.sources
                        && (mixed == null || (mixed.ratio() <= GOAL && mixed.fetched == mixed.outcomes.size()));
                out.printf(Locale.ROOT, "%nGoal: wall time <= %.2f x bound and %d 304s on the second run: %s%n", GOAL, o.sources,
                        ok ? "met" : "NOT met");
                return ok ? 0 : 1;
            }
        } catch (IOException e) {
            out.println("could not start loopback hosts: " + e.getMessage());
            return 1;
        } finally {
            servers.forEach(s -> s.stop(0));
            serverThreads.shutdownNow();
        }
    }

    /**
     * Loads and compiles the fetch path once (one request per host, no delay) so the measured runs time the
     * scheduling, not the JVM's first-use class loading; the measured runs use their own fetcher, so nothing is cached.
     */
    private static void warmUp(FetchSettings settings, List<FetchRequest> requests, Options o) {
        FetchSettings quick = new FetchSettings(settings.userAgent(), settings.connectTimeout(), settings.readTimeout(),
                settings.maxBodyBytes(), settings.maxRedirects(), settings.maxAttempts(), Duration.ZERO, true);
        try (PoliteFetcher fetcher = new PoliteFetcher(quick)) {
            fetcher.fetchAll(requests.subList(0, Math.min(o.hosts, requests.size())), Instant.now().plusSeconds(60), outcome -> { });
        }
    }

    private static Result measure(PoliteFetcher fetcher, List<FetchRequest> requests, Options o) {
        List<FetchOutcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        fetcher.fetchAll(requests, Instant.now().plus(Duration.ofMinutes(5)), outcomes::add); // calls never overlap
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        int perHost = (o.sources + o.hosts - 1) / o.hosts + 1;
        Duration bound = o.delay.multipliedBy(perHost - 1);
        return new Result(outcomes, wall, bound, perHost);
    }

    static void sleepFor(Duration d) {
        sleep(d);
    }

    /** Every path answers after the latency; the ETag is derived from the path, so a resent ETag always matches. */
    private static void answer(HttpExchange ex, Duration latency) throws IOException {
        try (ex) {
            sleep(latency);
            String path = ex.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                send(ex, 200, "User-agent: *\nAllow: /\n");
                return;
            }
            String etag = "\"" + Integer.toHexString(path.hashCode()) + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            send(ex, 200, "<html><body><h1>Job " + path + "</h1><p>" + "Lorem ipsum ".repeat(400) + "</p></body></html>");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Result(List<FetchOutcome> outcomes, Duration wall, Duration bound, int perHost, int fetched, int notModified) {
        Result(List<FetchOutcome> outcomes, Duration wall, Duration bound, int perHost) {
            this(outcomes, wall, bound, perHost, count(outcomes, FetchOutcome.Fetched.class), count(outcomes, FetchOutcome.NotModified.class));
        }

        double ratio() {
            return bound.isZero() ? 1 : (double) wall.toNanos() / bound.toNanos();
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.2f | %.2f |", name, perHost, fetched, notModified,
                    outcomes.size() - fetched - notModified, wall.toMillis() / 1000.0, bound.toMillis() / 1000.0, ratio());
        }

        private static int count(List<FetchOutcome> outcomes, Class<?> type) {
            return (int) outcomes.stream().filter(type::isInstance).count();
        }
    }

    record Options(int sources, int hosts, Duration latency, Duration delay, int pagedHosts, int pagedPostings) {}
}
