package dev.jobalerts.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.api.ApiConfig;
import dev.jobalerts.api.ApiHandler;
import dev.jobalerts.api.ApiServices;
import dev.jobalerts.feed.FeedService;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.Template;
import dev.jobalerts.preview.PreviewService;
import dev.jobalerts.preview.PreviewSettings;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.subscribe.ConfirmationSender;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.PendingConfirmations;
import dev.jobalerts.subscribe.PendingSearch;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.TokenService;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench signup}: can the time a sign-up takes tell whether the address is known? Three groups of addresses —
 * new, existing and due a confirmation email, existing and mailed a moment ago — each signed up {@code --per-group}
 * times (default 50) through the real API handler against DynamoDB Local, the groups taking turns so machine noise
 * falls on all alike. For each pair of groups it finds the single time threshold that best tells them apart and prints
 * how often it is right: 50 % is a coin toss; the goal is at most 60 %.
 */
@Command(name = "signup", description = {"whether the time a sign-up takes tells if the address is known", "Exit 0 when the best threshold is right at most 60 % of the time."})
public final class SignUpTimingBenchmark implements Callable<Integer> {
    static final double GOAL = 0.60;
    private static final byte[] SECRET = "bench-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Option(names = "--per-group", paramLabel = "N", description = "sign-ups per group (default 50)")
    int perGroup = 50;

    private final PrintStream out;

    SignUpTimingBenchmark(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() {
        try (LocalDynamo dynamo = LocalDynamo.start(0)) {
            JsonNode template = Template.load();
            TableNames tables = dynamo.createTables(template, "bench");
            Clock clock = Clock.systemUTC();
            SubscriberStore store = new SubscriberStore(dynamo.client(), tables.subscribers());
            TokenService tokens = new TokenService(SECRET, clock);
            SubscriptionService subscriptions = new SubscriptionService(store, tokens, new SubscriberIds(SECRET), clock);
            PendingConfirmations mailer = new PendingConfirmations(store, tokens, (id, email, search, url) -> ConfirmationSender.Result.SENT, clock);
            ApiConfig generous = new ApiConfig(null, new ApiConfig.RateLimit(1_000_000, Duration.ofMillis(1)),
                    new ApiConfig.RateLimit(1_000_000, Duration.ofMillis(1)), clock);
            PostingStore postings = new PostingStore(dynamo.client(), tables.postings());
            ApiHandler api = new ApiHandler(new ApiServices(subscriptions, new ManageService(store, clock),
                    new PreviewService(postings, PreviewSettings.DEFAULTS, clock),
                    new FeedService(subscriptions, store, new DeliveryStore(dynamo.client(), tables.deliveries()), postings, clock)), generous);

            List<String> existing = new ArrayList<>();
            List<String> mailed = new ArrayList<>();
            for (int i = 0; i < perGroup + 20; i++) {
                existing.add(confirmed(subscriptions, tokens, store, "due" + i + "@bench.example"));
                String recent = confirmed(subscriptions, tokens, store, "recent" + i + "@bench.example");
                subscriptions.signUp(recent, SavedSearch.ofQuery("r", "rust"), Frequency.INSTANT, "https://api.bench");
                for (PendingSearch p : store.pendingOf(new SubscriberIds(SECRET).of(recent))) mailer.send(p.subscriberId(), p.pendingId());
                mailed.add(recent);
            }
            // Warm-up: the first sign-ups pay for class loading and the JIT, on every path alike.
            for (int i = 0; i < 20; i++) {
                time(api, "warm" + i + "@bench.example");
                time(api, existing.get(perGroup + i));
                time(api, mailed.get(perGroup + i));
            }
            double[] fresh = new double[perGroup], due = new double[perGroup], recent = new double[perGroup];
            for (int i = 0; i < perGroup; i++) {
                fresh[i] = time(api, "new" + i + "@bench.example");
                due[i] = time(api, existing.get(i));
                recent[i] = time(api, mailed.get(i));
            }
            out.printf(Locale.ROOT, "sign-up timing: %d sign-ups per group through ApiHandler on DynamoDB Local (%s)%n%n", perGroup, Runtime.version());
            out.println("| group | median ms | p90 ms |");
            out.println("|---|---:|---:|");
            row(out, "new address", fresh);
            row(out, "existing, due a mail", due);
            row(out, "existing, mailed a moment ago", recent);
            out.println();
            out.println("| groups told apart | best single threshold classifies |");
            out.println("|---|---:|");
            double worst = 0;
            for (var pair : List.of(Map.entry("new vs existing", new double[][] {fresh, due}),
                    Map.entry("new vs recently mailed", new double[][] {fresh, recent}),
                    Map.entry("existing vs recently mailed", new double[][] {due, recent}))) {
                double accuracy = bestThreshold(pair.getValue()[0], pair.getValue()[1]);
                worst = Math.max(worst, accuracy);
                out.printf(Locale.ROOT, "| %s | %.0f %% |%n", pair.getKey(), accuracy * 100);
            }
            out.printf(Locale.ROOT, "%ngoal: no threshold better than %.0f %%: %s%n", GOAL * 100, worst <= GOAL ? "met" : "NOT met");
            return worst <= GOAL ? 0 : 1;
        }
    }

    /** An address with one confirmed search, as the confirmation link would leave it. */
    private static String confirmed(SubscriptionService subscriptions, TokenService tokens, SubscriberStore store, String email) {
        var accepted = (SubscriptionService.SignUp.Accepted) subscriptions.signUp(email, SavedSearch.ofQuery("s", "java"), Frequency.INSTANT,
                "https://api.bench");
        PendingSearch pending = store.pendingOf(accepted.subscriberId()).get(0);
        subscriptions.confirm(tokens.issueConfirmation(pending));
        return email;
    }

    private static double time(ApiHandler api, String email) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/subscriptions")
                .withHeaders(Map.of("content-type", "application/json", "host", "api.bench"))
                .withBody("{\"email\":\"" + email + "\",\"search\":{\"query\":\"python AND django\"},\"frequency\":\"instant\"}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withDomainName("api.bench")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/subscriptions")
                                .withSourceIp("192.0.2.1").build()).build())
                .build();
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.getStatusCode() != 202) throw new IllegalStateException("sign-up answered " + response.getStatusCode() + ": " + response.getBody());
        return millis;
    }

    /** The share of both samples a single threshold (either direction) puts on the right side, at its best. */
    static double bestThreshold(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double best = 0.5;
        for (double threshold : all) {
            int aBelow = (int) Arrays.stream(a).filter(x -> x <= threshold).count();
            int bBelow = (int) Arrays.stream(b).filter(x -> x <= threshold).count();
            double right = (aBelow + (b.length - bBelow)) / (double) all.length;
            best = Math.max(best, Math.max(right, 1 - right));
        }
        return best;
    }

    private static void row(PrintStream out, String name, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)]);
    }
}
