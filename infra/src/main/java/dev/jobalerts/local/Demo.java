package dev.jobalerts.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.fetcher.FetchRun;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.SourceTable;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.log.Log;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.store.SourceStore;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo [--verbose]}: the whole pipeline once, on the local cloud. Signs a subscriber up through the HTTP API,
 * confirms through the link in the confirmation email, fetches the sample board, lets the stream pollers drive
 * the parser and the matcher, and reports what happened and where the first alert is. The functions' JSON log lines
 * go to {@link #LOG} so the console keeps the readable summary; {@code --verbose} prints them on stderr instead.
 */
@Command(name = "demo", description = {"run the whole pipeline once on the local cloud and exit",
        "Signs two subscribers up, fetches the sample board, lets the parser and the matcher run, and says where the",
        "first alert email is (outbox/). The functions' log lines go to logs/demo.jsonl, or with --verbose to stderr."})
public final class Demo implements Callable<Integer> {
    /** Where the functions' log lines go, relative to the working directory (beside {@code outbox/}); replaced each run. */
    static final Path LOG = Path.of("logs", "demo.jsonl");

    static final String DEMO_EMAIL = "dev@example.com";
    /** A second subscriber with the same search who asked for a daily digest instead of instant alerts. */
    static final String DIGEST_EMAIL = "daily@example.com";
    static final String DEMO_SEARCH = "{\"id\":\"demo\",\"query\":\"python AND (django OR flask)\",\"locations\":[\"Charlotte\"],"
            + "\"remote\":\"include\",\"minSalary\":120000,\"currency\":\"USD\"}";

    @Option(names = "--verbose", description = "print the functions' JSON log lines on stderr instead of in logs/demo.jsonl")
    boolean verbose;

    private final PrintStream out;
    private final PrintStream err;

    Demo(Terminal terminal) {
        this.out = terminal.out();
        this.err = terminal.err();
    }

    @Override
    public Integer call() throws Exception {
        if (verbose) return run(Path.of("outbox"), "the log lines above");
        Files.createDirectories(LOG.getParent());
        try (PrintStream log = new PrintStream(Files.newOutputStream(LOG), true, StandardCharsets.UTF_8)) {
            Log.to(log);
            return run(Path.of("outbox"), "the log lines in " + LOG);
        } finally {
            Log.to(err);
        }
    }

    /** @param logLines where the functions' log lines went, for the reader of a failed run */
    int run(Path outboxDir, String logLines) throws Exception {
        long started = System.nanoTime();
        Outbox outbox = new Outbox(outboxDir);
        outbox.clear();
        try (LocalCloud cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outboxDir))) {
            step("local cloud up: DynamoDB Local " + cloud.dynamoEndpoint() + ", API " + cloud.apiUrl() + ", sample board " + cloud.boardUrl());
            List<SourceDefinition> sources = SampleBoard.sources(cloud.boardUrl());
            var sourceStore = new SourceStore(cloud.dynamo(), cloud.tables().sources());
            sources.forEach(sourceStore::saveDefinition);
            step("added " + sources.size() + " sample sources");

            HttpClient http = HttpClient.newHttpClient();
            signUpAndConfirm(http, cloud, outbox, DEMO_EMAIL, "instant");
            signUpAndConfirm(http, cloud, outbox, DIGEST_EMAIL, "daily");

            step("scheduled fetch:");
            FetchRun.Summary fetch = cloud.fetch(Set.of(), report -> out.println("    " + report.line()));
            cloud.drainStreams();
            step("stream pollers drained: parser and matcher saw every new record");
            Instant tomorrowMorning = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(8, 5).toInstant(ZoneOffset.UTC);
            var digest = cloud.runDigestAt(tomorrowMorning);
            step("digest run as at " + tomorrowMorning + " (08:00 UTC is " + DIGEST_EMAIL + "'s digest hour): "
                    + digest.emailsSent() + " digest sent");

            int postings = count(cloud, cloud.tables().postings());
            int matches = count(cloud, cloud.tables().deliveries());
            List<Path> alerts = outbox.alerts();
            out.println();
            out.println("summary");
            out.printf("  pages fetched     %d (%d changed listing pages, %d detail pages)%n",
                    fetch.changed() + fetch.unchanged() + fetch.detailPages(), fetch.changed(), fetch.detailPages());
            out.printf("  postings stored   %d%n", postings);
            out.printf("  matches           %d%n", matches);
            out.printf("  alert emails      %d (instant alerts and digests)%n", alerts.size());
            out.printf("  dead letters      %d%n", cloud.deadLetters().size());
            out.printf("  took              %.1f s%n", (System.nanoTime() - started) / 1e9);
            out.println();
            out.println("source health");
            SourceTable.print(sourceStore.listAll(), out);
            out.println();
            if (alerts.isEmpty()) {
                out.println("no alert email was written; see " + logLines);
                return 1;
            }
            Path first = alerts.get(0);
            out.println("first alert: " + first.toAbsolutePath());
            out.println("preview:     " + Path.of(first.toString().replaceFirst("\\.eml$", ".html")).toAbsolutePath());
            if (alerts.size() > 1) out.println("digest:      " + alerts.get(alerts.size() - 1).toAbsolutePath());
            if (!logLines.endsWith("above")) out.println("log lines:   " + LOG.toAbsolutePath() + " (--verbose prints them here)");
            return 0;
        }
    }

    /** Signs up through the HTTP API and confirms with the link from the confirmation email, as a person would. */
    private void signUpAndConfirm(HttpClient http, LocalCloud cloud, Outbox outbox, String email, String frequency) throws Exception {
        ObjectNode signUp = Json.mapper().createObjectNode();
        signUp.put("email", email);
        signUp.set("search", Json.mapper().readTree(DEMO_SEARCH));
        signUp.put("frequency", frequency);
        var response = http.send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(signUp.toString())).build(), HttpResponse.BodyHandlers.ofString());
        step("signed up " + email + " (" + frequency + ") for " + signUp.get("search").get("query") + ": HTTP "
                + response.statusCode() + " " + response.body());
        // The sign-up stored a pending search; the Subscribers stream brings it to the confirmation mailer.
        cloud.drainStreams();
        String confirmLink = outbox.latestConfirmLink(email)
                .orElseThrow(() -> new IllegalStateException("no confirmation email for " + email + " reached the outbox"));
        var confirmed = http.send(HttpRequest.newBuilder(URI.create(confirmLink)).GET().build(), HttpResponse.BodyHandlers.ofString());
        step("followed the confirmation link from " + email + "'s email: HTTP " + confirmed.statusCode());
        if (confirmed.statusCode() != 200) throw new IllegalStateException("confirmation failed with HTTP " + confirmed.statusCode());
    }

    private static int count(LocalCloud cloud, String table) {
        return cloud.dynamo().scan(b -> b.tableName(table).select("COUNT")).count();
    }

    private void step(String message) {
        out.println("• " + message);
    }
}
