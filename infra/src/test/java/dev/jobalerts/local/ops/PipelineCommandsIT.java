package dev.jobalerts.local.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.SampleBoard;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch}, {@code reparse} and {@code postings} in the order an operator uses them, on the sample board.
 * No stream pollers run here, so {@code reparse} is what turns the fetched snapshots into postings: it stands in for
 * the parser exactly as an operator's re-parse would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineCommandsIT {
    static LocalStore store;
    static SampleBoard board;
    static PostingStore postings;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        store = LocalStore.start();
        board = SampleBoard.start(0);
        postings = new PostingStore(store.client(), store.tables.postings());
        String json = new String(SampleBoard.class.getResourceAsStream("/sample-sources.json").readAllBytes())
                .replace("${board}", board.baseUrl());
        Path file = dir.resolve("samples.json");
        Files.writeString(file, json);
        assertThat(store.run("sources", "import", file.toString()).code()).isZero();
    }

    @AfterAll
    static void stop() {
        board.close();
        store.close();
    }

    @Test
    @Order(1)
    void fetch_withUnknownId_exitsTwoAndFetchesNothing() {
        LocalStore.Run run = store.run("fetch", "quarry-lane", "nope");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no source with id nope");
        assertThat(new SourceStore(store.client(), store.tables.sources()).find("quarry-lane").orElseThrow().health().lastStatus())
                .isEqualTo(FetchStatus.NEVER);
    }

    @Test
    @Order(2)
    void fetch_namedSource_fetchesOnlyItWithAProgressLine() {
        LocalStore.Run run = store.run("fetch", "quarry-lane");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("fetch  quarry-lane: changed, 3 postings, 1 page stored").contains("done: 1 sources, 1 changed");
        assertThat(run.out()).doesNotContain("tidewater-freight");
    }

    @Test
    @Order(3)
    void fetch_withoutIds_fetchesEveryDueSourceAndFollowsDetailPages() {
        LocalStore.Run run = store.run("fetch");

        assertThat(run.code()).as(run.err()).isZero();
        // quarry-lane was fetched a moment ago and is not due for an hour.
        assertThat(run.out()).contains("done: 6 sources, 6 changed").contains("6 detail pages").doesNotContain("quarry-lane");
    }

    @Test
    @Order(4)
    void fetch_whenNothingIsDue_saysHowToFetchAnyway() {
        LocalStore.Run run = store.run("fetch", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"sources\":0");
    }

    @Test
    @Order(5)
    void reparse_storesThePostingsOfEveryStoredPage() {
        // Eight pages: five listings and three detail pages; a listing read for links only is not stored.
        LocalStore.Run run = store.run("reparse");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("reparse  harbor-pine: 3 pages, 3 postings found, 3 new")
                .contains("reparse  lakeshore-analytics: 3 pages, 3 postings found, 3 new")
                .contains("done: 11 pages, 23 postings found, 23 new");
        assertThat(postings.listAll(null)).hasSize(23);
    }

    @Test
    @Order(6)
    void reparse_again_storesNoDuplicates() {
        LocalStore.Run run = store.run("reparse", "--source", "tidewater-freight", "--since", "2020-01-01");

        assertThat(run.out()).contains("reparse  tidewater-freight: 1 pages, 4 postings found, 0 new");
        assertThat(run.lines()).noneMatch(line -> line.startsWith("reparse  bright-meadow"));
        assertThat(store.run("reparse", "--source", "tidewater-freight", "--json").lines())
                .endsWith("{\"pages\":1,\"found\":4,\"stored\":0}");
        assertThat(postings.listAll(null)).hasSize(23);
    }

    @Test
    @Order(7)
    void reparse_sinceAfterTheFetch_findsNoPages() {
        LocalStore.Run run = store.run("reparse", "--since", "2999-01-01");

        assertThat(run.out()).contains("done: 0 pages");
    }

    @Test
    @Order(8)
    void reparse_unknownSource_exitsTwo() {
        LocalStore.Run run = store.run("reparse", "--source", "nope");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no source with id nope");
    }

    @Test
    @Order(9)
    void postingsList_printsATableOfEveryPostingAndJsonLines() throws IOException {
        LocalStore.Run table = store.run("postings", "list");
        LocalStore.Run json = store.run("postings", "list", "--source", "bright-meadow", "--json");

        assertThat(table.lines().get(0)).contains("ID", "FIRST SEEN (UTC)", "SOURCE", "TITLE", "COMPANY", "LOCATION");
        assertThat(table.out()).contains("Senior Python Engineer, Routing Platform").endsWith("23 postings" + System.lineSeparator());
        assertThat(json.lines()).hasSize(4);
        for (String line : json.lines()) {
            JsonNode node = Json.mapper().readTree(line);
            assertThat(node.get("sourceId").asText()).isEqualTo("bright-meadow");
            assertThat(node.get("title").asText()).isNotBlank();
        }
    }

    @Test
    @Order(10)
    void postingsList_sinceTomorrow_saysThereAreNone() {
        LocalStore.Run run = store.run("postings", "list", "--since", "2999-01-01T00:00:00Z");

        assertThat(run.out()).startsWith("no postings since");
    }

    @Test
    @Order(11)
    void postingsShow_printsFieldsAndDescription_andUnknownIdExitsTwo() {
        String id = postings.listBySource("harbor-pine", null).get(0).posting().id();

        LocalStore.Run run = store.run("postings", "show", id);
        LocalStore.Run missing = store.run("postings", "show", "nope");

        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("company +Harbor & Pine Insurance").contains("harbor-pine");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no posting with id nope");
        assertThat(run.out()).containsPattern("job key +company \"harbor and pine insurance\"").containsPattern("job +the first copy of its job, no copies found");
    }

    @Test
    @Order(11)
    void postingsSplit_ofAPostingThatIsNoCopy_orUnknown_exitsTwoSayingWhy() {
        String id = postings.listBySource("harbor-pine", null).get(0).posting().id();

        LocalStore.Run first = store.run("postings", "split", id);
        LocalStore.Run missing = store.run("postings", "split", "nope");

        assertThat(first.code()).isEqualTo(2);
        assertThat(first.err()).contains(id + " is the first copy of its job, not a copy of another");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no posting with id nope");
    }

    @Test
    @Order(12)
    void sourcesList_afterTheRun_showsHealth() {
        LocalStore.Run run = store.run("sources", "list");

        assertThat(run.out()).containsPattern("tidewater-freight +\\S+ \\S+ +ok +4 +0 +no");
    }
}
