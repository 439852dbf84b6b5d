package dev.jobalerts.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.api.ApiConfig;
import dev.jobalerts.api.ApiHandler;
import dev.jobalerts.api.ApiServices;
import dev.jobalerts.wiring.FunctionConfig;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.Template;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.preview.PreviewService;
import dev.jobalerts.preview.PreviewSettings;
import dev.jobalerts.wiring.Services;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.TableNames;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench preview}: what a search preview costs. {@code --postings} (default 5,000) synthetic postings, their
 * descriptions at least {@code --description-chars} long (default 3,000, as real boards' run), first seen over the
 * last 14 days, are stored in DynamoDB Local's Postings table as template.yaml defines it. Then:
 * <ul>
 *   <li>the window is read {@code --reads} times (default 5) the way a refresh reads it — the Query pages of the
 *       byFirstSeenDay index, the read capacity DynamoDB reports for them, and the preparation of the postings;</li>
 *   <li>{@code --previews} (default 2,000) previews of generated saved searches go through the API handler, as
 *       {@code POST /subscriptions/preview} events, after {@code --warmup} (default 500) untimed ones: wall time
 *       per preview (p50, p99) and this thread's CPU time per preview.</li>
 * </ul>
 */
@Command(name = "preview", description = "what a search preview costs: window reads and previews through the API handler")
public final class PreviewBenchmark implements Callable<Integer> {
    private static final byte[] SECRET = "bench-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Option(names = "--postings", paramLabel = "N", description = "stored postings (default 5,000)")
    int postings = 5_000;
    @Option(names = "--description-chars", paramLabel = "N", description = "least description length (default 3,000)")
    int descriptionChars = 3_000;
    @Option(names = "--reads", paramLabel = "N", description = "reads of the window (default 5)")
    int reads = 5;
    @Option(names = "--previews", paramLabel = "N", description = "timed previews (default 2,000)")
    int previews = 2_000;
    @Option(names = "--warmup", paramLabel = "N", description = "untimed previews first (default 500)")
    int warmup = 500;
    @Option(names = "--seed", paramLabel = "X", description = "of the synthetic postings and searches (default 42)")
    int seed = 42;

    private final PrintStream out;

    PreviewBenchmark(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        try (LocalDynamo dynamo = LocalDynamo.start(0)) {
            TableNames tables = dynamo.createTables(Template.load(), "bench");
            PostingStore store = new PostingStore(dynamo.client(), tables.postings());
            SyntheticJobs jobs = new SyntheticJobs(seed, LocalDate.ofInstant(now, ZoneOffset.UTC));
            long descriptionTotal = 0;
            List<Posting> generated = jobs.postings(postings, descriptionChars);
            for (int i = 0; i < generated.size(); i++) {
                // Spread evenly over the 14 days, the newest first; all inside the window.
                Instant firstSeen = now.minus(Duration.ofMinutes(1)).minusSeconds((long) i * (14L * 24 * 3600 - 3600) / Math.max(1, postings));
                StoredPosting stored = new StoredPosting(generated.get(i), "bench", firstSeen);
                store.putIfAbsent(stored);
                descriptionTotal += stored.posting().description().length();
            }

            ApiServices services = new Services(new FunctionConfig(tables, "bench@example.test", "", SECRET, null), dynamo.client(), clock)
                    .apiServices(PreviewSettings.DEFAULTS);
            PreviewService previewService = services.previews();
            out.printf(Locale.ROOT, "preview benchmark: %,d postings (descriptions of %,d characters on average), %s, 1 thread%n%n",
                    postings, descriptionTotal / Math.max(1, postings), Runtime.version());

            out.println("| window read | postings | Query calls | read units (eventually consistent) | wall ms | CPU ms |");
            out.println("|---|---:|---:|---:|---:|---:|");
            long heapBefore = usedHeap();
            for (int i = 1; i <= reads; i++) {
                PreviewService.WindowRead read = previewService.readWindowNow();
                out.printf(Locale.ROOT, "| %d | %,d | %d | %,.1f | %,d | %,d |%n", i, read.postings(), read.requests(), read.readUnits(),
                        read.wallMillis(), read.cpuMillis());
            }
            long heapAfter = usedHeap();
            out.printf(Locale.ROOT, "%nheap held by the window (used heap after GC, before and after reading it): about %.0f MB%n%n",
                    (heapAfter - heapBefore) / 1e6);

            ApiConfig generous = new ApiConfig(null, new ApiConfig.RateLimit(1_000_000, Duration.ofMillis(1)),
                    new ApiConfig.RateLimit(1_000_000, Duration.ofMillis(1)), new ApiConfig.RateLimit(1_000_000, Duration.ofMillis(1)), clock);
            ApiHandler api = new ApiHandler(services, generous);
            List<String> searches = jobs.searches(warmup + previews).stream().map(PreviewBenchmark::json).toList();
            for (int i = 0; i < warmup; i++) preview(api, searches.get(i));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] wall = new long[previews];
            long[] cpu = new long[previews];
            long matches = 0;
            for (int i = 0; i < previews; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                JsonNode answer = preview(api, searches.get(warmup + i));
                wall[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                matches += answer.get("matches").asLong();
            }
            out.printf(Locale.ROOT, "%,d previews of generated saved searches through ApiHandler (POST /subscriptions/preview), %,d untimed first%n%n",
                    previews, warmup);
            out.println("| | p50 | p99 | mean |");
            out.println("|---|---:|---:|---:|");
            out.printf(Locale.ROOT, "| wall time per preview | %.2f ms | %.2f ms | %.2f ms |%n", percentile(wall, 50) / 1e6, percentile(wall, 99) / 1e6,
                    mean(wall) / 1e6);
            out.printf(Locale.ROOT, "| CPU time per preview | %.2f ms | %.2f ms | %.2f ms |%n", percentile(cpu, 50) / 1e6, percentile(cpu, 99) / 1e6,
                    mean(cpu) / 1e6);
            out.printf(Locale.ROOT, "%nmatches per preview: %.1f on average (of %,d postings)%n", (double) matches / previews, postings);
            return 0;
        }
    }

    private static JsonNode preview(ApiHandler api, String searchJson) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/subscriptions/preview")
                .withHeaders(Map.of("content-type", "application/json", "host", "api.bench"))
                .withBody(searchJson)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withDomainName("api.bench")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/subscriptions/preview")
                                .withSourceIp("192.0.2.1").build()).build())
                .build();
        APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
        if (response.getStatusCode() != 200) throw new IllegalStateException("preview answered " + response.getStatusCode() + ": " + response.getBody());
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException("preview answered no JSON", e);
        }
    }

    /** The search as a client sends it: the sign-up's search object, without an id. */
    private static String json(SavedSearch search) {
        var node = Json.mapper().valueToTree(search);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("id");
        return Json.write(node);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static double percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
