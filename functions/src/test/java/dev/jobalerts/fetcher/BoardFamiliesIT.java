package dev.jobalerts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.json.Json;
import dev.jobalerts.parser.PageParser;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceJson;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every board family end to end against its API played back on loopback ({@link FakeBoard} scripts in
 * {@code src/test/resources/fakes/}): the careers URL a person pastes, the fetch run (paging to the end, POST bodies,
 * detail requests, credentials), the parser on what was stored, and the postings that come out. A second run asks for
 * no detail again and stores nothing new.
 */
class BoardFamiliesIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    static Stream<String> scripts() throws IOException {
        return FakeBoard.scripts().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void fetchAndParse_readsEveryPostingThroughTheFamilysApi_andAsksForEachDetailOnce(String name) throws IOException {
        JsonNode script = FakeBoard.script(name);
        SourceDefinition source = SourceJson.read(withShortDelay(script.get("source")), name);
        TableNames tables = dynamo.freshTables();
        SourceStore sources = new SourceStore(dynamo.client(), tables.sources());
        PageStore pages = new PageStore(dynamo.client(), tables.pages());
        PostingStore postings = new PostingStore(dynamo.client(), tables.postings());
        sources.saveDefinition(source);
        Map<String, String> environment = new LinkedHashMap<>();
        script.path("environment").properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));

        try (FakeBoard board = new FakeBoard(FakeBoard.routes(script));
             PoliteFetcher fetcher = new PoliteFetcher(routed(script, source, board.origin()))) {
            Adapters adapters = new Adapters();
            FetchRun run = new FetchRun(sources, pages, fetcher, adapters, Credentials.fromEnvironment(environment), Clock.systemUTC());
            PageParser parser = new PageParser(pages, postings, new SourceReader(adapters), Clock.systemUTC());

            List<String> progress = new java.util.ArrayList<>();
            run.run(0, 1, Set.of(source.id()), Instant.now().plusSeconds(60), report -> progress.add(report.line()));
            int stored = parseAll(pages, parser, source.id());

            assertThat(board.unmatched()).as("requests no route answers").isEmpty();
            Set<String> ids = new LinkedHashSet<>();
            postings.listBySource(source.id(), null).stream().map(StoredPosting::posting).map(Posting::id).forEach(ids::add);
            List<String> expected = Json.mapper().convertValue(script.path("expect").path("postings"), List.class);
            assertThat(ids).as(String.join("\n", progress)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(stored).isEqualTo(expected.size());
            assertThat(sources.find(source.id()).orElseThrow().health().postingsLastRun())
                    .isEqualTo(script.path("expect").path("listed").asInt(expected.size()));

            int before = board.seen().size();
            run.run(0, 1, Set.of(source.id()), Instant.now().plusSeconds(60), report -> progress.add(report.line()));
            List<FakeBoard.Seen> second = board.seen().subList(before, board.seen().size());
            Set<String> detailPaths = detailPaths(script);
            assertThat(second).as("second run asks for no detail again")
                    .noneMatch(s -> detailPaths.stream().anyMatch(p -> s.path().equals(p) || s.path().matches(p)));
            assertThat(parseAll(pages, parser, source.id())).as("second parse stores nothing new").isZero();
        }
    }

    /** Parses every stored page of the source, as the Pages stream would; returns how many postings were new. */
    private static int parseAll(PageStore pages, PageParser parser, String sourceId) {
        int stored = 0;
        for (String key : pages.urlsOfSource(sourceId, null)) stored += parser.parse(key).stored();
        return stored;
    }

    private static JsonNode withShortDelay(JsonNode source) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) source).deepCopy();
        if (!copy.has("delay")) copy.put("delay", "5ms");
        return copy;
    }

    /** Every host the family may ask, sent to the fake: the source's own and those the routes name. */
    private static FetchSettings routed(JsonNode script, SourceDefinition source, URI fake) {
        FetchSettings settings = FetchSettings.defaults().allowingPrivateAddresses();
        for (String host : FakeBoard.hosts(script)) settings = settings.routing(host, fake);
        return settings;
    }

    private static Set<String> detailPaths(JsonNode script) {
        Set<String> paths = new LinkedHashSet<>();
        script.path("routes").forEach(r -> {
            if ("detail".equals(r.path("role").asText())) paths.add(r.has("pattern") ? r.get("pattern").asText() : r.path("path").asText());
        });
        return paths;
    }
}
