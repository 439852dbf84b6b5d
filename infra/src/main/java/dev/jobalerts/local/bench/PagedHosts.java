package dev.jobalerts.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.Board;
import dev.jobalerts.adapter.ListingEntry;
import dev.jobalerts.http.FetchOutcome;
import dev.jobalerts.http.FetchRequest;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.fetcher.ListingCrawl;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The paged part of {@code bench fetch}: Workday tenants served on loopback addresses 127.0.0.(hosts+1)… under
 * Workday host names (through host routes), read by the real Workday board and {@link ListingCrawl} with every
 * detail requested, mixed into the same run as the plain pages.
 */
final class PagedHosts {
    private static final List<HttpServer> SERVERS = new ArrayList<>();

    private PagedHosts() {}

    static String host(int tenant) {
        return "bench" + tenant + ".wd5.myworkdayjobs.com";
    }

    /** Starts the tenants' servers and routes their host names to them. */
    static FetchSettings route(FetchSettings settings, FetchBenchmark.Options o, ExecutorService threads) throws IOException {
        for (int t = 1; t <= o.pagedHosts(); t++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + (o.hosts() + t), 0), 64);
            int tenant = t;
            server.setExecutor(threads);
            server.createContext("/", ex -> answer(ex, tenant, o));
            server.start();
            SERVERS.add(server);
            settings = settings.routing(host(t), URI.create("http://127.0.0." + (o.hosts() + t) + ":" + server.getAddress().getPort()));
        }
        return settings;
    }

    static FetchBenchmark.Result measure(PoliteFetcher fetcher, List<FetchRequest> plain, FetchBenchmark.Options o, ExecutorService threads) {
        Adapters adapters = new Adapters();
        Map<FetchRequest, ListingCrawl> crawls = new IdentityHashMap<>();
        List<FetchRequest> first = new ArrayList<>(plain);
        for (int t = 1; t <= o.pagedHosts(); t++) {
            SourceDefinition source = new SourceDefinition("bench-wd-" + t, null, "https://" + host(t) + "/en-US/Careers", SourceKind.AUTO,
                    null, null, o.delay().toMillis() + "ms", null, null, null, null, null, null);
            Board board = adapters.board(source);
            ListingCrawl crawl = new ListingCrawl(source, board, Instant.now());
            FetchRequest request = crawl.start(Map.of(), FetchState.none());
            crawls.put(request, crawl);
            first.add(request);
        }
        List<FetchOutcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        fetcher.crawl(first, Instant.now().plus(Duration.ofMinutes(10)), outcome -> {
            outcomes.add(outcome);
            ListingCrawl crawl = crawls.remove(outcome.request());
            if (crawl == null) return List.of();
            ListingCrawl.Step step = crawl.accept(outcome);
            if (step.next() != null) {
                crawls.put(step.next(), crawl);
                return List.of(step.next());
            }
            List<FetchRequest> details = new ArrayList<>();
            for (ListingEntry entry : crawl.entries()) {
                if (!entry.needsDetail()) continue;
                var api = entry.detail();
                details.add(new FetchRequest(outcome.request().sourceId(), api.url(), null, null, o.delay(), api.method(), api.body(),
                        api.headers(), api.secrets()));
            }
            return details;
        });
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        int pages = (o.pagedPostings() + 19) / 20;
        int perHost = 1 + pages + o.pagedPostings();
        int plainPerHost = (o.sources() + o.hosts() - 1) / o.hosts() + 1;
        int busiest = Math.max(perHost, plainPerHost);
        SERVERS.forEach(s -> s.stop(0));
        SERVERS.clear();
        return new FetchBenchmark.Result(outcomes, wall, o.delay().multipliedBy(busiest - 1), busiest);
    }

    /** A Workday cxs API: listing pages of 20 by the POSTed offset, and a detail for every posting. */
    private static void answer(HttpExchange ex, int tenant, FetchBenchmark.Options o) throws IOException {
        try (ex) {
            FetchBenchmark.sleepFor(o.latency());
            String path = ex.getRequestURI().getPath();
            byte[] body;
            if (path.equals("/robots.txt")) {
                body = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
            } else if (ex.getRequestMethod().equals("POST")) {
                JsonNode query = Json.mapper().readTree(ex.getRequestBody());
                body = listing(tenant, query.path("offset").asInt(), o.pagedPostings()).getBytes(StandardCharsets.UTF_8);
            } else {
                String req = path.substring(path.lastIndexOf('_') + 1);
                ObjectNode detail = Json.mapper().createObjectNode();
                ObjectNode info = detail.putObject("jobPostingInfo");
                info.put("title", "Job " + req);
                info.put("jobReqId", req);
                info.put("location", "Charlotte, NC");
                info.put("startDate", "2026-11-20");
                info.put("timeType", "Full time");
                info.put("jobDescription", "<p>" + "Lorem ipsum dolor sit amet. ".repeat(60) + "</p>");
                detail.putObject("hiringOrganization").put("name", "Bench Tenant " + tenant);
                body = detail.toString().getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String listing(int tenant, int offset, int total) {
        ObjectNode page = Json.mapper().createObjectNode();
        page.put("total", offset == 0 ? total : 0);
        ArrayNode jobs = page.putArray("jobPostings");
        for (int i = offset; i < Math.min(total, offset + 20); i++) {
            ObjectNode job = jobs.addObject();
            job.put("title", "Job " + i);
            job.put("externalPath", String.format("/job/Charlotte-NC/Job-%d_R%d%04d", i, tenant, i));
            job.put("locationsText", "Charlotte, NC");
            job.put("postedOn", "Posted Today");
        }
        return page.toString();
    }
}
