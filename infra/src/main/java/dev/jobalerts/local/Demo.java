package dev.jobalerts.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.store.SourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code demo}: the whole pipeline once, on the local cloud. Signs a subscriber up through the HTTP API,
 * confirms through the link in the confirmation email, fetches the sample board, lets the stream pollers drive
 * the parser and the matcher, and reports what happened and where the first alert is.
 */
final class Demo {
    static final String DEMO_EMAIL = "dev@example.com";
    static final String DEMO_SEARCH = "{\"id\":\"demo\",\"query\":\"python AND (django OR flask)\",\"locations\":[\"Charlotte\"],"
            + "\"remote\":\"include\",\"minSalary\":120000,\"currency\":\"USD\"}";

    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    int run(Path outboxDir) throws Exception {
        long started = System.nanoTime();
        Outbox outbox = new Outbox(outboxDir);
        outbox.clear();
        try (LocalCloud cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outboxDir))) {
            step("local cloud up: DynamoDB Local " + cloud.dynamoEndpoint() + ", API " + cloud.apiUrl() + ", sample board " + cloud.boardUrl());
            List<SourceDefinition> sources = SampleSources.load(cloud.boardUrl());
            var sourceStore = new SourceStore(cloud.dynamo(), cloud.tables().sources());
            sources.forEach(sourceStore::saveDefinition);
            step("added " + sources.size() + " sample sources");

            HttpClient http = HttpClient.newHttpClient();
            ObjectNode signUp = Json.mapper().createObjectNode();
            signUp.put("email", DEMO_EMAIL);
            signUp.set("search", Json.mapper().readTree(DEMO_SEARCH));
            signUp.put("frequency", "instant");
            var response = http.send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/subscriptions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(signUp.toString())).build(), HttpResponse.BodyHandlers.ofString());
            step("signed up " + DEMO_EMAIL + " for " + signUp.get("search").get("query") + ": HTTP " + response.statusCode() + " " + response.body());
            String confirmLink = outbox.latestConfirmLink(DEMO_EMAIL)
                    .orElseThrow(() -> new IllegalStateException("no confirmation email reached the outbox"));
            var confirmed = http.send(HttpRequest.newBuilder(URI.create(confirmLink)).GET().build(), HttpResponse.BodyHandlers.ofString());
            step("followed the confirmation link from the email: HTTP " + confirmed.statusCode());
            if (confirmed.statusCode() != 200) throw new IllegalStateException("confirmation failed with HTTP " + confirmed.statusCode());

            step("scheduled fetch:");
            FetchRun.Summary fetch = cloud.fetch(Set.of(), line -> out.println("    " + line));
            cloud.drainStreams();
            step("stream pollers drained: parser and matcher saw every new record");

            int postings = count(cloud, cloud.tables().postings());
            int matches = count(cloud, cloud.tables().deliveries());
            List<Path> alerts = outbox.alerts();
            out.println();
            out.println("summary");
            out.printf("  pages fetched     %d (%d changed listing pages, %d detail pages)%n",
                    fetch.changed() + fetch.unchanged() + fetch.detailPages(), fetch.changed(), fetch.detailPages());
            out.printf("  postings stored   %d%n", postings);
            out.printf("  matches           %d%n", matches);
            out.printf("  alert emails      %d%n", alerts.size());
            out.printf("  dead letters      %d%n", cloud.deadLetters().size());
            out.printf("  took              %.1f s%n", (System.nanoTime() - started) / 1e9);
            out.println();
            out.println("source health");
            SourceTable.print(sourceStore.listAll(), out);
            out.println();
            if (alerts.isEmpty()) {
                out.println("no alert email was written; see the log lines above");
                return 1;
            }
            Path first = alerts.get(0);
            out.println("first alert: " + first.toAbsolutePath());
            out.println("preview:     " + Path.of(first.toString().replaceFirst("\\.eml$", ".html")).toAbsolutePath());
            return 0;
        }
    }

    private static int count(LocalCloud cloud, String table) {
        return cloud.dynamo().scan(b -> b.tableName(table).select("COUNT")).count();
    }

    private void step(String message) {
        out.println("• " + message);
    }

    /** The bundled sample sources, pointed at wherever the sample board listens. */
    static final class SampleSources {
        private SampleSources() {}

        static List<SourceDefinition> load(String boardUrl) throws IOException {
            try (InputStream in = Demo.class.getResourceAsStream("/sample-sources.json")) {
                if (in == null) throw new IllegalStateException("sample-sources.json is missing from the jar");
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${board}", boardUrl);
                JsonNode array = Json.mapper().readTree(json);
                return Json.mapper().convertValue(array, Json.mapper().getTypeFactory().constructCollectionType(List.class, SourceDefinition.class));
            }
        }
    }
}
