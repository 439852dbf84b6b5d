package dev.jobalerts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.json.Json;
import dev.jobalerts.parser.PageParser;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.TableNames;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hostile board costs only itself: a redirect to a 3,000-character URL, and a page whose postings carry a
 * 3,000-character link and a 560 KB description, fetched in the same run as a healthy board. Every healthy posting
 * is stored, and so are the hostile board's, bounded.
 */
class PoisonedSourcesIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    private static final String LONG = "/jobs/" + "a".repeat(3_000);

    @Test
    void run_withAPoisonedSource_storesEveryHealthySourcesPostings_andTheHostileOnesBounded() throws IOException {
        TableNames tables = dynamo.freshTables();
        SourceStore sources = new SourceStore(dynamo.client(), tables.sources());
        PageStore pages = new PageStore(dynamo.client(), tables.pages());
        PostingStore postings = new PostingStore(dynamo.client(), tables.postings());
        sources.saveDefinition(source("poisoned", "https://poison.example/careers"));
        sources.saveDefinition(source("healthy", "https://healthy.example/careers"));

        List<JsonNode> routes = List.of(
                route("poison.example", "/careers", 302, "", Map.of("Location", "https://poison.example" + LONG)),
                route("poison.example", LONG, 200, page(
                        posting("Welder", "https://poison.example" + LONG + "?apply", "d".repeat(560_000)),
                        posting("Pipefitter", "https://poison.example/jobs/pipefitter", "Fits pipes.")), Map.of()),
                route("healthy.example", "/careers", 200, page(
                        posting("Electrician", "https://healthy.example/jobs/1", "Wires."),
                        posting("Plumber", "https://healthy.example/jobs/2", "Pipes.")), Map.of()));
        try (FakeBoard board = new FakeBoard(routes);
             PoliteFetcher fetcher = new PoliteFetcher(FetchSettings.defaults().allowingPrivateAddresses()
                     .routing("poison.example", board.origin()).routing("healthy.example", board.origin()))) {
            Adapters adapters = new Adapters();
            FetchRun.Summary summary = new FetchRun(sources, pages, fetcher, adapters, Credentials.fromEnvironment(Map.of()), Clock.systemUTC())
                    .run(0, 1, Set.of(), Instant.now().plusSeconds(60), line -> { });
            PageParser parser = new PageParser(pages, postings, new SourceReader(adapters), Clock.systemUTC());
            for (String id : List.of("poisoned", "healthy"))
                for (String key : pages.urlsOfSource(id, null)) parser.parse(key);

            assertThat(summary.changed()).isEqualTo(2);
            assertThat(titles(postings, "healthy")).containsExactlyInAnyOrder("Electrician", "Plumber");
            assertThat(titles(postings, "poisoned")).containsExactlyInAnyOrder("Welder", "Pipefitter");
            Posting welder = postings.listBySource("poisoned", null).stream().map(StoredPosting::posting)
                    .filter(p -> p.title().equals("Welder")).findFirst().orElseThrow();
            assertThat(welder.id()).startsWith("sha256:");
            assertThat(welder.url()).hasSizeGreaterThan(3_000);
            assertThat(welder.description()).hasSizeLessThanOrEqualTo(Posting.MAX_DESCRIPTION + 10);
        }
    }

    private static List<String> titles(PostingStore postings, String sourceId) {
        return postings.listBySource(sourceId, null).stream().map(s -> s.posting().title()).toList();
    }

    private static SourceDefinition source(String id, String url) {
        return new SourceDefinition(id, null, url, SourceKind.AUTO, null, null, "5ms", null, null, null, null, null, null);
    }

    private static String posting(String title, String url, String description) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("@type", "JobPosting");
        p.put("title", title);
        p.put("url", url);
        p.put("description", description);
        p.putObject("hiringOrganization").put("name", "Acme");
        p.putObject("jobLocation").putObject("address").put("addressLocality", "Raleigh");
        return p.toString();
    }

    private static String page(String... postings) {
        return "<html><head><script type=\"application/ld+json\">[" + String.join(",", postings) + "]</script></head><body></body></html>";
    }

    private static JsonNode route(String host, String path, int status, String text, Map<String, String> headers) {
        ObjectNode route = Json.mapper().createObjectNode();
        route.put("host", host);
        route.put("path", path);
        route.put("status", status);
        route.put("text", text);
        route.put("contentType", "text/html; charset=utf-8");
        ObjectNode answer = route.putObject("answerHeaders");
        headers.forEach(answer::put);
        return route;
    }
}
