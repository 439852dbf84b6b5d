package dev.jobalerts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.TableNames;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fetcher function as the schedule invokes it: its input (a segment of the Sources table), one run over that
 * segment, and its answer; input it cannot use is answered, never thrown.
 */
class FetcherHandlerIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    private SourceStore sources;
    private PageStore pages;

    /** A careers page with one posting: a page is stored for the parser only when it holds postings. */
    private static final String POSTING_PAGE = """
            <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
              "title": "Electrician", "url": "https://healthy.example/jobs/1", "description": "Wires.",
              "hiringOrganization": {"name": "Acme"}, "jobLocation": {"address": {"addressLocality": "Raleigh"}}}
            </script></head><body><h1>Electrician</h1></body></html>""";

    @BeforeEach
    void tables() {
        TableNames tables = dynamo.freshTables();
        sources = new SourceStore(dynamo.client(), tables.sources());
        pages = new PageStore(dynamo.client(), tables.pages());
    }

    @Test
    void handleRequest_fetchesTheDueSourcesOfItsSegment_andAnswersWithTheRunsCounts() throws IOException {
        sources.saveDefinition(source("healthy", "https://healthy.example/careers"));
        sources.saveDefinition(source("gone", "https://healthy.example/closed"));
        List<JsonNode> routes = List.of(route("/careers", 200), route("/closed", 404));
        try (FakeBoard board = new FakeBoard(routes);
             PoliteFetcher fetcher = new PoliteFetcher(FetchSettings.defaults().allowingPrivateAddresses().routing("healthy.example", board.origin()))) {
            FetcherHandler handler = new FetcherHandler(run(fetcher));

            Map<String, Object> answer = handler.handleRequest(Map.of("segment", 0, "totalSegments", 1), null);

            assertThat(answer).containsEntry("sources", 2).containsEntry("changed", 1).containsEntry("failed", 1)
                    .containsEntry("deferred", 0);
            assertThat(answer.keySet()).containsExactly("sources", "changed", "unchanged", "notModified", "failed", "disallowed",
                    "deferred", "detailPages");
            assertThat(pages.urlsOfSource("healthy", null)).containsExactly("https://healthy.example/careers");
            assertThat(sources.find("gone").orElseThrow().health().lastStatus()).isEqualTo(FetchStatus.FAILED);
        }
    }

    @Test
    void handleRequest_withASegmentOutsideItsRange_answersTheRule_andFetchesNothing() {
        sources.saveDefinition(source("healthy", "https://healthy.example/careers"));
        try (PoliteFetcher fetcher = new PoliteFetcher(FetchSettings.defaults())) {
            FetcherHandler handler = new FetcherHandler(run(fetcher));
            Map<String, Object> unusable = new HashMap<>();
            unusable.put("segment", "three");

            for (Map<String, Object> input : List.of(Map.<String, Object>of("segment", 4, "totalSegments", 2),
                    Map.<String, Object>of("segment", -1, "totalSegments", 2), Map.<String, Object>of("totalSegments", 5000), unusable)) {
                assertThat(handler.handleRequest(input, null)).as("input %s", input).containsOnlyKeys("error")
                        .containsEntry("error", Segment.RULE);
            }
            assertThat(pages.urlsOfSource("healthy", null)).isEmpty();
        }
    }

    private FetchRun run(PoliteFetcher fetcher) {
        return new FetchRun(sources, pages, fetcher, new Adapters(), Credentials.fromEnvironment(Map.of()), Clock.systemUTC());
    }

    private static SourceDefinition source(String id, String url) {
        return new SourceDefinition(id, null, url, SourceKind.AUTO, null, null, "5ms", null, null, null, null, null, null);
    }

    private static JsonNode route(String path, int status) {
        ObjectNode route = Json.mapper().createObjectNode();
        route.put("host", "healthy.example");
        route.put("path", path);
        route.put("status", status);
        route.put("text", status == 200 ? POSTING_PAGE : "not here");
        route.put("contentType", "text/html; charset=utf-8");
        return route;
    }
}
