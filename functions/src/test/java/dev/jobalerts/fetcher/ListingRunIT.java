package dev.jobalerts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.http.FetchSettings;
import dev.jobalerts.http.PoliteFetcher;
import dev.jobalerts.json.Json;
import dev.jobalerts.parser.PageParser;
import dev.jobalerts.source.FetchStatus;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceHealth;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.TableNames;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a paged listing with detail requests behaves when things go wrong, on a Workday API played back on loopback:
 * the source's cap, a pager that never ends, a login page instead of JSON, a changed schema, a page that fails half
 * way, and a run cut short by its deadline, after which the next run fetches exactly the details still missing.
 */
class ListingRunIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    private static final String CAREERS = "https://harborline.wd5.myworkdayjobs.com/en-US/Careers";
    private static final String API = "/wday/cxs/harborline/Careers";

    private SourceStore sources;
    private PageStore pages;
    private PostingStore postings;

    @BeforeEach
    void tables() {
        TableNames tables = dynamo.freshTables();
        sources = new SourceStore(dynamo.client(), tables.sources());
        pages = new PageStore(dynamo.client(), tables.pages());
        postings = new PostingStore(dynamo.client(), tables.postings());
    }

    @Test
    void run_whenTheListingIsLongerThanMaxPostings_stopsPagingAtTheCap() throws IOException {
        List<JsonNode> routes = List.of(listing(0, page(0, 20, 60)), listing(20, page(20, 20, 60)), listing(40, page(40, 20, 60)), details());
        Fixture f = run(source(25, "5ms"), routes, Duration.ofSeconds(60));

        assertThat(f.board.seen()).filteredOn(s -> s.method().equals("POST")).extracting(s -> Json.mapper().readTree(s.body()).get("offset").asInt())
                .containsExactly(0, 20);
        assertThat(f.details()).isEqualTo(25);
        assertThat(f.stored).isEqualTo(25);
        assertThat(health().detail()).contains("stopped at maxPostings 25");
        assertThat(health().postingsLastRun()).isEqualTo(25);
    }

    @Test
    void run_whenThePagerRepeatsItself_stopsAndSaysSo() throws IOException {
        ObjectNode same = page(0, 20, 5000);
        List<JsonNode> routes = List.of(route("POST", API + "/jobs", null, same), details());
        Fixture f = run(source(1000, "5ms"), routes, Duration.ofSeconds(60));

        assertThat(f.board.seen()).filteredOn(s -> s.method().equals("POST")).hasSize(2);
        assertThat(health().detail()).contains("page 2 repeated earlier postings");
        assertThat(f.stored).isEqualTo(20);
    }

    @Test
    void run_whenTheApiAnswersALoginPage_healthSaysSoAndNothingIsStored() throws IOException {
        ObjectNode login = route("POST", API + "/jobs", null, null);
        login.put("text", "<!DOCTYPE html><html><head><title>Sign In</title></head><body><form>...</form></body></html>");
        login.put("contentType", "text/html");
        Fixture f = run(source(1000, "5ms"), List.of(login), Duration.ofSeconds(60));

        SourceHealth health = health();
        assertThat(health.lastStatus()).isEqualTo(FetchStatus.FAILED);
        assertThat(health.detail()).contains("Workday answered with an HTML page instead of JSON");
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(pages.urlsOfSource("harborline", null)).isEmpty();
        assertThat(f.stored).isZero();
    }

    @Test
    void run_whenTheSchemaChanged_healthNamesTheMissingMember() throws IOException {
        ObjectNode changed = Json.mapper().createObjectNode();
        changed.putArray("postings");
        run(source(1000, "5ms"), List.of(route("POST", API + "/jobs", null, changed)), Duration.ofSeconds(60));

        assertThat(health().detail()).contains("Workday answer has no \"jobPostings\" array");
    }

    @Test
    void run_whenAPageFailsHalfWay_keepsThePostingsOfThePagesBefore() throws IOException {
        ObjectNode broken = route("POST", API + "/jobs", 20, null);
        broken.put("status", 500);
        broken.put("text", "oops");
        Fixture f = run(source(1000, "5ms"), List.of(listing(0, page(0, 20, 45)), broken, details()), Duration.ofSeconds(60));

        assertThat(health().lastStatus()).isEqualTo(FetchStatus.FAILED);
        assertThat(health().detail()).startsWith("page 2: HTTP 500");
        assertThat(f.stored).isEqualTo(20);
    }

    @Test
    void run_whenCutShortByItsDeadline_theNextRunFetchesOnlyTheDetailsStillMissing() throws IOException {
        List<JsonNode> routes = List.of(listing(0, page(0, 20, 20)), details());
        SourceDefinition source = source(1000, "150ms");
        // The fetcher starts nothing in the last 2 s before the deadline: about 2 s of 150 ms turns here.
        Fixture first = run(source, routes, Duration.ofMillis(4000));
        // 22 requests 150 ms apart need over 3 s; the start limit comes after 2 s.
        assertThat(first.details()).isBetween(1, 19);
        assertThat(health().lastStatus()).isIn(FetchStatus.OK, FetchStatus.DEFERRED);

        Fixture second = run(source, routes, Duration.ofSeconds(60));

        List<String> again = new ArrayList<>(second.detailPaths());
        again.retainAll(first.detailPaths());
        assertThat(again).as("details asked twice").isEmpty();
        assertThat(first.details() + second.details()).isEqualTo(20);
        assertThat(first.stored + second.stored).isEqualTo(20);
    }

    @Test
    void run_ofAListingReadForItsLinks_storesEveryDetailWithinLinksOverFollowDetailsRuns() throws IOException {
        StringBuilder listing = new StringBuilder("<html><body><ul class=openings>");
        for (int i = 1; i <= 5; i++) listing.append("<li><a class=opening href=\"/jobs/").append(i).append("\">Job ").append(i).append("</a></li>");
        listing.append("</ul></body></html>");
        ObjectNode page = route("GET", "/careers", null, null);
        page.put("text", listing.toString());
        page.put("contentType", "text/html");
        ObjectNode detail = Json.mapper().createObjectNode();
        detail.put("method", "GET");
        detail.put("pattern", "/jobs/(\\d+)");
        detail.put("text", "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Welder\","
                + "\"hiringOrganization\":{\"name\":\"Acme\"}}</script></head></html>");
        detail.put("contentType", "text/html");
        SourceDefinition source = new SourceDefinition("harborline", null, "https://harborline.wd5.myworkdayjobs.com/careers", SourceKind.PAGE,
                Map.of("detailLinks", "a.opening"), null, "5ms", 2, null, null, null, null, null);

        int details = 0, stored = 0, runs = 0;
        while (details < 5 && runs < 10) {
            Fixture run = run(source, List.of(page, detail), Duration.ofSeconds(60));
            details += run.board.seen().stream().filter(s -> s.path().startsWith("/jobs/")).count();
            stored += run.stored;
            runs++;
        }

        assertThat(runs).isEqualTo(3); // ⌈5 links / 2 a run⌉
        assertThat(details).isEqualTo(5);
        assertThat(stored).isEqualTo(5);
    }

    // --- the fake Workday API ------------------------------------------------------------------------------------

    private record Fixture(FakeBoard board, int stored) {
        List<String> detailPaths() {
            return board.seen().stream().filter(s -> s.method().equals("GET") && s.path().contains("/job/")).map(FakeBoard.Seen::path).toList();
        }

        int details() {
            return detailPaths().size();
        }
    }

    private Fixture run(SourceDefinition source, List<JsonNode> routes, Duration budget) throws IOException {
        sources.saveDefinition(source);
        try (FakeBoard board = new FakeBoard(routes)) {
            FetchSettings settings = new FetchSettings(FetchSettings.DEFAULT_USER_AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5),
                    1024 * 1024, 3, 1, Duration.ofMillis(5), true).routing(URI.create(CAREERS).getHost(), board.origin());
            try (PoliteFetcher fetcher = new PoliteFetcher(settings)) {
                Adapters adapters = new Adapters();
                new FetchRun(sources, pages, fetcher, adapters, Credentials.fromEnvironment(Map.of()), Clock.systemUTC())
                        .run(0, 1, Set.of(source.id()), Instant.now().plus(budget), line -> { });
                PageParser parser = new PageParser(pages, postings, new SourceReader(adapters), Clock.systemUTC());
                int stored = 0;
                for (String key : pages.urlsOfSource(source.id(), null)) stored += parser.parse(key).stored();
                return new Fixture(board, stored);
            }
        }
    }

    private SourceHealth health() {
        return sources.find("harborline").orElseThrow().health();
    }

    private static SourceDefinition source(int maxPostings, String delay) {
        return new SourceDefinition("harborline", null, CAREERS, SourceKind.AUTO, null, null, delay, null, null, null, maxPostings, null, null);
    }

    /** A listing page of {@code count} postings from {@code from}, saying the board has {@code total}. */
    private static ObjectNode page(int from, int count, int total) {
        ObjectNode page = Json.mapper().createObjectNode();
        page.put("total", total);
        ArrayNode jobs = page.putArray("jobPostings");
        for (int i = from; i < from + count; i++) {
            ObjectNode job = jobs.addObject();
            job.put("title", "Job " + i);
            job.put("externalPath", "/job/Charlotte-NC/Job-" + i + "_R-" + (5000 + i));
            job.put("locationsText", "Charlotte, NC");
            job.put("postedOn", "Posted Today");
            job.putArray("bulletFields").add("R-" + (5000 + i));
        }
        return page;
    }

    private static ObjectNode listing(int offset, ObjectNode answer) {
        return route("POST", API + "/jobs", offset, answer);
    }

    private static ObjectNode route(String method, String path, Integer offset, ObjectNode answer) {
        ObjectNode route = Json.mapper().createObjectNode();
        route.put("method", method);
        route.put("path", path);
        if (offset != null) route.putObject("body").put("offset", offset);
        if (answer != null) {
            route.put("text", answer.toString());
            route.put("contentType", "application/json");
        }
        return route;
    }

    private static ObjectNode details() {
        ObjectNode route = Json.mapper().createObjectNode();
        route.put("method", "GET");
        route.put("pattern", API + "/job/[^/]+/([^/]+)_(R-\\d+)");
        route.put("template", "workday-detail.json");
        route.put("role", "detail");
        return route;
    }
}
