package dev.jobalerts.local.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.SampleBoard;
import dev.jobalerts.local.cli.CommandRun;
import dev.jobalerts.source.FetchState;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.Source;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceHealth;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.SourceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sources …} against DynamoDB Local, with the sample job board on loopback for the probing {@code add}. */
class SourcesCommandIT {
    static LocalStore store;
    static SampleBoard board;
    static SourceStore sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        store = LocalStore.start();
        board = SampleBoard.start(0);
        sources = new SourceStore(store.client(), store.tables.sources());
    }

    @AfterAll
    static void stop() {
        board.close();
        store.close();
    }

    @Test
    void add_withKindAuto_fetchesOnceReportsTheDetectedExtractorAndSaves() {
        LocalStore.Run run = store.run("sources", "add", board.baseUrl() + "/quarrylane/careers.html", "--id", "quarry");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("found     jsonld: 127.0.0.1/quarrylane/careers.html, 3 postings (detected)").contains("added quarry");
        assertThat(sources.find("quarry")).get().extracting(s -> s.definition().kind()).isEqualTo(SourceKind.AUTO);
    }

    @Test
    void add_withDryRun_reportsWhatItSeesAndSavesNothing() {
        LocalStore.Run run = store.run("sources", "add", board.baseUrl() + "/lever/brightmeadow-postings.json",
                "--kind", "lever", "--id", "dry", "--dry-run");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("found     lever: 127.0.0.1, 4 postings").contains("dry run: nothing saved");
        assertThat(sources.find("dry")).isEmpty();
    }

    @Test
    void add_withDryRunAndJson_printsOneObject() throws IOException {
        LocalStore.Run run = store.run("sources", "add", board.baseUrl() + "/coastalcode/jobs.xml", "--dry-run", "--json");

        JsonNode line = Json.mapper().readTree(run.lines().get(0));
        assertThat(line.get("extractor").asText()).isEqualTo("rss");
        assertThat(line.get("postings").asInt()).isEqualTo(3);
        assertThat(line.get("id").asText()).isEqualTo(Definitions.slug(board.baseUrl() + "/coastalcode/jobs.xml"));
    }

    @Test
    void add_whenThePageCannotBeFetched_exitsTwoAndSavesNothing() {
        LocalStore.Run run = store.run("sources", "add", board.baseUrl() + "/no/such/page.html", "--id", "missing");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not saved").contains("404");
        assertThat(sources.find("missing")).isEmpty();
    }

    @Test
    void add_withConfigFile_takesSelectorsFromItAndFlagsOverIt() throws IOException {
        Path config = dir.resolve("piedmont.json");
        Files.writeString(config, """
                {"name": "Piedmont", "kind": "selectors", "every": "2h",
                 "selectors": {"item": "article.job-card", "title": ".job-title", "url": ".job-title a"}}""");

        LocalStore.Run run = store.run("sources", "add", board.baseUrl() + "/piedmonttech/jobs.html", "--id", "piedmont",
                "--config", config.toString(), "--every", "3h");

        assertThat(run.code()).as(run.err()).isZero();
        SourceDefinition saved = sources.find("piedmont").orElseThrow().definition();
        assertThat(saved.selectors()).containsEntry("item", "article.job-card");
        assertThat(saved.every()).isEqualTo("3h");
        assertThat(saved.name()).isEqualTo("Piedmont");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"kind\": \"selectors\", \"selectors\": {\"item\": \"li\"}}|selectors.title is required",
            "{\"kind\": \"selectors\", \"selectors\": {\"item\": \"li[\", \"title\": \"h2\"}}|selectors.item is not a valid CSS selector",
            "{\"colour\": \"blue\"}|unknown field \"colour\"",
            "{\"every\": \"often\"}|every must look like 500ms",
            "{\"kind\": |is not valid JSON",
            "[]|must hold one JSON object"})
    void add_withMalformedConfig_exitsTwoNamingTheProblem(String json, String message) throws IOException {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, json);

        LocalStore.Run run = store.run("sources", "add", "https://example.com/jobs", "--config", config.toString(), "--kind", "rss");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/jobs|url must be an absolute http(s) URL",
            "https://example.com/jobs --kind magic|kind must be one of",
            "https://example.com/jobs --id Bad_Id!|id must be 1-64 lower-case",
            "https://example.com/jobs --follow-details lots|--follow-details must be a whole number"})
    void add_withInvalidUrlOrFlags_exitsTwoBeforeFetching(String args, String message) {
        LocalStore.Run run = store.run("sources", ("add " + args).split(" "));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void add_whenIdExists_exitsTwoAndKeepsTheStoredSource() {
        sources.saveDefinition(definition("taken", "https://example.com/a"));

        LocalStore.Run run = store.run("sources", "add", "https://example.com/b", "--id", "taken", "--kind", "rss");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("taken exists");
        assertThat(sources.find("taken").orElseThrow().definition().url()).isEqualTo("https://example.com/a");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://www.example.com/careers/, example-com-careers",
            "https://boards.greenhouse.io/lumenpay, boards-greenhouse-io-lumenpay",
            "http://127.0.0.1:8089/quarrylane/careers.html, 127-0-0-1-8089-quarrylane-careers",
            "https://Jobs.Example.org, jobs-example-org"})
    void slug_derivesAReadableIdFromHostAndPath(String url, String id) {
        assertThat(Definitions.slug(url)).isEqualTo(id);
    }

    @Test
    void list_showsHealthColumnsAndJsonGivesOneObjectALine() throws IOException {
        sources.saveDefinition(definition("listed", "https://example.com/listed"));

        LocalStore.Run table = store.run("sources", "list");
        LocalStore.Run json = store.run("sources", "list", "--json");

        assertThat(table.lines().get(0)).contains("SOURCE", "LAST RUN (UTC)", "STATUS", "POSTINGS", "FAILURES", "BROKEN");
        assertThat(table.out()).containsPattern("listed +never +never");
        for (String line : json.lines()) assertThat(Json.mapper().readTree(line).has("status")).isTrue();
        assertThat(json.out()).contains("\"id\":\"listed\"");
    }

    @Test
    void storeOptions_beforeTheAction_areTheActions() {
        sources.saveDefinition(definition("before", "https://example.com/before"));

        CommandRun sourcesList = CommandRun.of("sources", "--endpoint", store.dynamo.endpoint(), "--json", "list");
        CommandRun postingsList = CommandRun.of("postings", "--endpoint", store.dynamo.endpoint(), "list");

        assertThat(sourcesList.code()).as(sourcesList.err()).isZero();
        assertThat(sourcesList.out()).contains("\"id\":\"before\"");
        assertThat(postingsList.code()).as(postingsList.err()).isZero();
    }

    @Test
    void showPauseResumeRemove_workOnOneSource() {
        sources.saveDefinition(definition("lifecycle", "https://example.com/life"));

        assertThat(store.run("sources", "show", "lifecycle").out()).containsPattern("paused +no");
        assertThat(store.run("sources", "pause", "lifecycle").code()).isZero();
        assertThat(sources.find("lifecycle").orElseThrow().definition().paused()).isTrue();
        assertThat(store.run("sources", "list").out()).contains("lifecycle (paused)");
        assertThat(store.run("sources", "resume", "lifecycle").code()).isZero();
        assertThat(sources.find("lifecycle").orElseThrow().definition().paused()).isFalse();
        assertThat(store.run("sources", "remove", "lifecycle").code()).isZero();
        assertThat(sources.find("lifecycle")).isEmpty();
    }

    @ParameterizedTest(name = "sources {0} unknown")
    @CsvSource({"show", "remove", "pause", "resume"})
    void action_onUnknownId_exitsTwoPointingToTheList(String action) {
        LocalStore.Run run = store.run("sources", action, "nope");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: no source with id nope (see: sources list)" + System.lineSeparator());
    }

    @Test
    void import_twice_isIdempotentAndKeepsFetchStateAndHealth() throws IOException {
        Path file = dir.resolve("sources.json");
        Files.writeString(file, """
                [{"id": "imp-a", "url": "https://example.com/a", "kind": "rss"},
                 {"id": "imp-b", "url": "https://example.com/b", "every": "2h"}]""");

        LocalStore.Run first = store.run("sources", "import", file.toString());
        Instant ran = Instant.parse("2026-11-22T10:00:00Z");
        sources.recordFetch("imp-a", new FetchState("\"e1\"", null, "hash", ran.plusSeconds(3600)),
                SourceHealth.unknown().afterFetch(ran, FetchStatus.OK, "HTTP 200").afterListing(7));
        LocalStore.Run second = store.run("sources", "import", file.toString());

        assertThat(first.out()).contains("imported 2 sources").contains("2 new, 0 updated");
        assertThat(second.out()).contains("0 new, 2 updated");
        Source kept = sources.find("imp-a").orElseThrow();
        assertThat(kept.fetchState().etag()).isEqualTo("\"e1\"");
        assertThat(kept.health().postingsLastRun()).isEqualTo(7);
        assertThat(kept.health().lastStatus()).isEqualTo(FetchStatus.OK);
    }

    @Test
    void import_theShippedSourcesFile_acceptsEveryDefinition() {
        LocalStore.Run run = store.run("sources", "import", "sources.json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "[{\"id\": \"ok\", \"url\": \"https://example.com\"}, {\"id\": \"no-url\"}]|[1]: url is required",
            "[{\"id\": \"dup\", \"url\": \"https://example.com\"}, {\"id\": \"dup\", \"url\": \"https://example.org\"}]|[1]: id \"dup\" appears twice",
            "{\"id\": \"x\", \"url\": \"https://example.com\"}|must hold a JSON array",
            "[{\"id\": \"ok\", \"url\": \"https://example.com\"}, {\"id\": \"k\", \"url\": \"https://example.com\", \"kind\": \"monster\"}]|[1]: kind must be one of",
            "[{\"id\": \"ok\", \"url\": \"https://example.com\"}, {\"id\": \"f\", \"url\": \"https://example.com\", \"schedule\": \"1h\"}]|[1]: unknown field \"schedule\"",
            "[{\"id\": \"ok\", \"url\": \"https://example.com\"}, {\"id\": \"c\", \"url\": \"https://example.com\", \"credentials\": {\"apiKey\": \"k-123\"}}]|[1]: credentials.apiKey must be a reference",
            "[{\"id\": \"ok\", \"url\": \"https://example.com\"}, {\"id\": \"w\", \"url\": \"https://example.com/careers\", \"kind\": \"workday\"}]|[1]: kind workday needs a URL like"})
    void import_malformedFile_exitsTwoAndImportsNothing(String json, String message) throws IOException {
        Path file = dir.resolve("bad-sources.json");
        Files.writeString(file, json);

        LocalStore.Run run = store.run("sources", "import", file.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(sources.find("ok")).isEmpty();
        assertThat(sources.find("dup")).isEmpty();
    }

    @Test
    void add_workdayCareersUrlWithCredentials_isRefusedNamingTheField() {
        LocalStore.Run run = store.run("sources", "add", "https://acme.wd5.myworkdayjobs.com/en-US/External", "--id", "acme",
                "--kind", "workday", "--dry-run", "--config", writeConfig("{\"credentials\": {\"apiKey\": \"env:ACME_KEY\"}}"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("credentials.apiKey is not used by workday");
    }

    @Test
    void show_printsCredentialReferences_neverValues() throws IOException {
        Path file = dir.resolve("with-credentials.json");
        Files.writeString(file, "[{\"id\": \"lev\", \"url\": \"https://jobs.lever.co/acme\"}]");
        assertThat(store.run("sources", "import", file.toString()).code()).isZero();

        LocalStore.Run show = store.run("sources", "show", "lev");

        assertThat(show.out()).contains("GET https://api.lever.co/v0/postings/acme?mode=json").contains("credentials");
    }

    private String writeConfig(String json) {
        try {
            Path file = dir.resolve("config-" + System.nanoTime() + ".json");
            Files.writeString(file, json);
            return file.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void import_missingFile_exitsTwo() {
        LocalStore.Run run = store.run("sources", "import", dir.resolve("absent.json").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void export_printsTheSourcesJsonArrayThatImportReadsBack() throws IOException {
        sources.saveDefinition(new SourceDefinition("exp", "Exported", "https://example.com/e", SourceKind.SELECTORS,
                java.util.Map.of("item", "li", "title", "h2"), "2h", "2s", 0, true, null, null, null, null));

        LocalStore.Run run = store.run("sources", "export");
        List<SourceDefinition> exported = Json.mapper().readValue(run.out(), new TypeReference<>() {});

        assertThat(exported).contains(sources.find("exp").orElseThrow().definition());
        Path file = dir.resolve("exported.json");
        Files.writeString(file, run.out());
        assertThat(store.run("sources", "import", file.toString()).out()).contains("0 new");
    }

    @Test
    void exportPipedIntoImport_movesEverySourceToAnotherInstance() {
        SampleBoard.sources(board.baseUrl()).forEach(sources::saveDefinition);
        sources.saveDefinition(definition("paused-feed", "https://example.com/feed.xml").withPaused(true));
        String exported = store.run("sources", "export").out();

        try (LocalStore other = LocalStore.start()) {
            List<String> words = List.of("import", "-", "--endpoint", other.dynamo.endpoint());
            LocalStore.Run imported = run(words, exported);
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("from standard input");

            var moved = new SourceStore(other.client(), other.tables.sources()).listAll().stream().map(Source::definition).toList();
            assertThat(moved).containsExactlyInAnyOrderElementsOf(sources.listAll().stream().map(Source::definition).toList());
            assertThat(moved).filteredOn(d -> d.id().equals("paused-feed")).singleElement().extracting(SourceDefinition::paused).isEqualTo(true);
        }
    }

    @Test
    void importFromStandardInput_whenEmptyOrNotJson_exitsTwo() {
        assertThat(run(List.of("import", "-", "--endpoint", store.dynamo.endpoint()), "").err()).contains("standard input is empty");
        assertThat(run(List.of("import", "-", "--endpoint", store.dynamo.endpoint()), "[{").code()).isEqualTo(2);
    }

    private static LocalStore.Run run(List<String> words, String stdin) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("sources"), words.stream()).toArray(String[]::new);
        CommandRun run = CommandRun.of(java.util.Map.of(), stdin, args);
        return new LocalStore.Run(run.code(), run.out(), run.err());
    }

    static SourceDefinition definition(String id, String url) {
        return new SourceDefinition(id, null, url, SourceKind.RSS, null, null, null, null, null, null, null, null, null);
    }
}
