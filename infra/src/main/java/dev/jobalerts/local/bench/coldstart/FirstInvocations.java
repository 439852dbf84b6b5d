package dev.jobalerts.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.local.lambda.LambdaProcess;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.PostingItems;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.StreamImages;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Part two of {@code bench coldstart}: how much slower a function's first invocation is than its warm ones, with
 * and without SnapStart priming. Each round starts the function afresh (LocalLambdaRuntime: on-demand, or snap-start
 * with its hooks run before the first event) and sends it {@code invocations} events against DynamoDB Local and the
 * SES emulator: sign-ups for the API (one write each), batches of new postings for the matcher (index refresh,
 * matching, ledger claims, emails through SES). Every event is new (fresh addresses, fresh posting ids), so warm
 * invocations do the same work as the first rather than finding it done.
 */
final class FirstInvocations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORDS = List.of("python", "java", "golang", "rust", "kotlin");
    private static final int POSTINGS_PER_BATCH = 5;

    /** One function's figures in one mode: medians over rounds of the first and of the warm invocations. */
    record Figures(String function, boolean primed, double firstMillis, double warmMillis) {
        double ratio() {
            return firstMillis / warmMillis;
        }
    }

    private final LambdaProcess lambda;
    private final Path work;
    /** Where each run's invocation times go ({@code --raw}), or null. */
    private final PrintStream raw;
    private int sequence;

    FirstInvocations(LambdaProcess lambda, Path work, PrintStream raw) {
        this.lambda = lambda;
        this.work = work;
        this.raw = raw;
    }

    /** Ten instant subscribers, two per word, so every batch mails several of them. */
    static void seedSubscribers(SubscriberStore store) {
        Instant now = Instant.now();
        for (int i = 0; i < 2 * WORDS.size(); i++) {
            String email = "bench-" + i + "@example.com";
            Subscriber subscriber = new Subscriber("bench-" + i, email, SubscriberStatus.ACTIVE, Frequency.INSTANT, "UTC",
                    "nonce-" + i, now, null);
            store.saveProfile(subscriber, now);
            store.saveSearch(new SubscriberSearch(subscriber.subscriberId(), SavedSearch.ofQuery("s" + i, WORDS.get(i % WORDS.size())),
                    false, true, false, SubscriberStatus.ACTIVE, Frequency.INSTANT, System.currentTimeMillis()));
        }
    }

    Figures measure(String function, LambdaProcess.Launch launch, int rounds, int invocations) {
        List<Double> first = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Path> events = new ArrayList<>();
            for (int i = 0; i < invocations; i++) events.add(function.equals("ApiFunction") ? signUp() : postingBatch());
            LambdaProcess.Run run = lambda.run(launch, events);
            List<JsonNode> timed = run.invocations();
            if (run.exitCode() != 0 || timed.size() != invocations || timed.stream().anyMatch(t -> t.has("error")))
                throw new IllegalStateException(function + " did not answer every event:\n" + run.results() + "\n" + run.output());
            first.add(timed.get(0).path("millis").asDouble());
            if (raw != null) raw.println(function + (launch.snapStart() ? ", primed: " : ", not primed: ")
                    + timed.stream().map(t -> String.format(Locale.ROOT, "%.0f", t.path("millis").asDouble())).toList());
            List<Double> rest = timed.subList(1, timed.size()).stream().map(t -> t.path("millis").asDouble()).toList();
            warm.add(Medians.of(rest));
        }
        return new Figures(function, launch.snapStart(), Medians.of(first), Medians.of(warm));
    }

    static void print(List<Figures> figures, int rounds, int invocations, PrintStream out) {
        out.printf(Locale.ROOT, "first invocation after init vs warm ones (median of invocations 2..%d), median of %d fresh JVMs each%n",
                invocations, rounds);
        out.println("| function | SnapStart priming | first ms | warm ms | first / warm |");
        out.println("|---|---|---:|---:|---:|");
        for (Figures f : figures)
            out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f |%n", f.function(), f.primed() ? "primed" : "not primed",
                    f.firstMillis(), f.warmMillis(), f.ratio());
    }

    /** POST /subscriptions from its own client address (the API limits sign-ups per client). */
    private Path signUp() {
        int n = ++sequence;
        String ip = "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
        ObjectNode search = JSON.createObjectNode().put("query", "python AND (django OR flask)").put("remote", "include");
        search.putArray("locations").add("Charlotte, NC");
        ObjectNode body = JSON.createObjectNode().put("email", "signup-" + n + "@example.com").put("frequency", "instant");
        body.set("search", search);
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", "POST /subscriptions")
                .put("rawPath", "/subscriptions").put("rawQueryString", "").put("body", body.toString()).put("isBase64Encoded", false);
        event.putObject("headers").put("content-type", "application/json").put("accept", "application/json").put("host", "bench.local");
        ObjectNode context = event.putObject("requestContext").put("domainName", "bench.local").put("requestId", "bench-" + n)
                .put("routeKey", "POST /subscriptions").put("stage", "$default");
        context.putObject("http").put("method", "POST").put("path", "/subscriptions").put("protocol", "HTTP/1.1")
                .put("sourceIp", ip).put("userAgent", "bench");
        return write("api-" + n, event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A stream batch of new postings, one per word, as the Postings stream delivers it. */
    private Path postingBatch() {
        int n = ++sequence;
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int k = 0; k < POSTINGS_PER_BATCH; k++) {
            String word = WORDS.get(k % WORDS.size());
            Posting posting = new Posting("bench:" + n + "-" + k, "https://jobs.bench.local/" + n + "/" + k,
                    "Senior " + word + " engineer " + n, "Bench Co " + k, "Charlotte, NC", k % 2 == 0, "FULL_TIME",
                    LocalDate.now().toString(), new Salary(110_000.0 + 1000 * k, 150_000.0, "USD", "YEAR", false),
                    "Build services in " + word + ". Batch " + n + ", posting " + k + ".", "bench");
            StoredPosting stored = new StoredPosting(posting, "bench", Instant.now());
            records.addAll(StreamImages.event("INSERT", Map.of("postingId", AttributeValue.fromS(posting.id())),
                    PostingItems.toItem(stored)).getRecords());
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        PojoSerializer<DynamodbEvent> serializer = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader());
        Path file = work.resolve("matcher-" + n + ".json");
        try (OutputStream out = Files.newOutputStream(file)) {
            serializer.toJson(event, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private Path write(String name, byte[] json) {
        try {
            return Files.write(work.resolve(name + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
