package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.cli.Main;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.TestClock;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriptionService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One job, one alert, on the local cloud: an employer's careers page and an aggregator carrying the same job (its own
 * URL with tracking parameters, "Fault Labs, Inc.", "North Carolina", "Sr." and "(Remote-friendly)", the description
 * reflowed) are fetched in one run; an instant subscriber gets the job once, with "also on: JobHub", and the same
 * title in another city as a job of its own. Ten days later the employer reposts the job under a new id: nothing is
 * sent. Then an operator splits the aggregator's copy off, and it is a job of its own from then on. Both boards are
 * pages served on loopback by the test; the clock is the test's, moved by days.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SameJobAcrossBoardsIT {
    static final String EMAIL = "sre@example.com";
    static final String TEXT = "Our payments platform charges customers for the data they send us, and it must never lose or double count"
            + " an event.\\n\\nAs a Senior Site Reliability Engineer on the Payments team you will own its availability, its latency"
            + " budget and the on-call rotation that protects it.\\n\\n- Run the Kafka and PostgreSQL clusters behind billing\\n"
            + "- Define service level objectives with the payments engineers\\n- Automate failover drills and lead the review after every incident";
    static final String AUSTIN = "The Search Infrastructure team in Austin keeps the search cluster fast: eight terabytes of logs a day,"
            + " Elasticsearch and ClickHouse fleets, shard rebalancing before hot spots hurt query latency, and alerting that wakes"
            + " nobody without a reason.";

    @TempDir
    static Path outbox;
    static TestClock clock;
    static LocalCloud cloud;
    static Outbox mail;
    static HttpServer boards;
    static final Map<String, String> pages = new ConcurrentHashMap<>();
    static PostingStore postings;

    @BeforeAll
    static void start() throws IOException {
        clock = new TestClock(Instant.now());
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outbox), clock);
        mail = new Outbox(outbox);
        postings = new PostingStore(cloud.dynamo(), cloud.tables().postings());
        boards = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        boards.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        boards.start();
        pages.put("/faultlabs/careers", page("Fault Labs careers",
                posting(origin() + "/faultlabs/jobs/sre-charlotte", "Senior Site Reliability Engineer", "Fault Labs", "Charlotte", "NC", TEXT, null),
                posting(origin() + "/faultlabs/jobs/sre-austin", "Senior Site Reliability Engineer", "Fault Labs", "Austin", "TX", AUSTIN, null)));
        pages.put("/jobhub/search", page("JobHub: site reliability jobs",
                posting(origin() + "/jobhub/jobs/77?utm_source=feed&ref=search", "Sr. Site Reliability Engineer (Remote-friendly)",
                        "Fault Labs, Inc.", "Charlotte", "North Carolina", TEXT.replace("\\n\\n", " ").replace("\\n", " "), 165000)));
        var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
        sources.saveDefinition(source("faultlabs", "Fault Labs careers", "/faultlabs/careers"));
        sources.saveDefinition(source("jobhub", "JobHub", "/jobhub/search"));

        SavedSearch search = Json.mapper().readValue("{\"id\":\"sre\",\"query\":\"\\\"site reliability\\\"\"}", SavedSearch.class);
        assertThat(cloud.subscriptions().signUp(EMAIL, search, Frequency.INSTANT, cloud.apiUrl()))
                .isInstanceOf(SubscriptionService.SignUp.Accepted.class);
        cloud.drainStreams();
        String link = mail.latestConfirmLink(EMAIL).orElseThrow();
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertThat(cloud.subscriptions().confirm(token)).isInstanceOf(SubscriptionService.Confirmation.Confirmed.class);
    }

    @AfterAll
    static void stop() {
        if (boards != null) boards.stop(0);
        if (cloud != null) cloud.close();
    }

    @Test
    @Order(1)
    void theSameJobOnTwoBoards_reachesTheSubscriberOnce_withAlsoOn_andTheOtherCityToo() throws IOException {
        cloud.fetch(Set.of("faultlabs", "jobhub"), line -> { });
        cloud.drainStreams();

        assertThat(postings.listAll(null)).hasSize(3);
        StoredPosting copy = postings.find(origin() + "/jobhub/jobs/77").orElseThrow();
        assertThat(copy.identity().duplicateOf()).isEqualTo(origin() + "/faultlabs/jobs/sre-charlotte");
        List<Path> alerts = mail.alerts();
        assertThat(alerts).hasSize(1);
        String alert = Jsoup.parse(preview(alerts.get(0))).text();
        assertThat(alert).contains("2 new jobs").contains("Charlotte, NC").contains("Austin, TX")
                .containsOnlyOnce("also on: JobHub").containsOnlyOnce("Charlotte")
                .contains("USD 165,000 a year"); // the aggregator's salary, which the employer's page does not state
        // The link is the copy's own, as its board gave it (the id drops the tracking parameters, the link keeps them).
        assertThat(Jsoup.parse(preview(alerts.get(0))).select("a:contains(JobHub)").attr("href")).startsWith(origin() + "/jobhub/jobs/77?");
        assertThat(deliveries()).isEqualTo(2);
        assertThat(cloud.deadLetters()).isEmpty();
    }

    @Test
    @Order(2)
    void theEmployerRepostingItTenDaysLater_sendsNothing() {
        clock.advance(Duration.ofDays(10));
        pages.put("/faultlabs/careers", page("Fault Labs careers",
                posting(origin() + "/faultlabs/jobs/sre-charlotte-2", "Senior Site Reliability Engineer", "Fault Labs", "Charlotte", "NC",
                        TEXT + "\\n\\nReposted: we are still looking.", null),
                posting(origin() + "/faultlabs/jobs/sre-austin", "Senior Site Reliability Engineer", "Fault Labs", "Austin", "TX", AUSTIN, null)));

        cloud.fetch(Set.of("faultlabs"), line -> { });
        cloud.drainStreams();

        StoredPosting repost = postings.find(origin() + "/faultlabs/jobs/sre-charlotte-2").orElseThrow();
        assertThat(repost.identity().duplicateOf()).isEqualTo(origin() + "/faultlabs/jobs/sre-charlotte");
        assertThat(postings.listAll(null)).hasSize(4);
        assertThat(deliveries()).isEqualTo(2);
        assertThat(mail.alerts()).hasSize(1);
        assertThat(cloud.deadLetters()).isEmpty();
    }

    @Test
    @Order(3)
    void postingsShow_printsTheCopiesAndWhy_andSplitMakesTheCopyAJobOfItsOwn() {
        String first = origin() + "/faultlabs/jobs/sre-charlotte";
        String copy = origin() + "/jobhub/jobs/77";

        String shown = cli("postings", "show", first);
        assertThat(shown).contains("the first copy of its job, also on 2 other postings")
                .contains(copy).contains("JobHub")
                .contains("same job: same company \"fault labs\", same title \"senior site reliability engineer\", same place \"charlotte nc\"; descriptions 1.00 similar");
        assertThat(cli("postings", "show", copy)).contains("a later copy of " + first);

        assertThat(cli("postings", "split", copy)).contains("split " + copy + " from " + first);
        cloud.drainStreams();

        assertThat(postings.find(copy).orElseThrow().identity().isCopy()).isFalse();
        assertThat(cli("postings", "show", first)).contains("split from " + copy).doesNotContain("JobHub");
        // Split off, the aggregator's posting is a job of its own, so the subscriber hears of it — once.
        assertThat(mail.alerts()).hasSize(2);
        assertThat(deliveries()).isEqualTo(3);
        assertThat(cli("reparse", "--source", "jobhub")).contains("0 new");
        cloud.drainStreams();
        assertThat(postings.find(copy).orElseThrow().identity().isCopy()).isFalse();
        assertThat(mail.alerts()).hasSize(2);
    }

    private static String cli(String command, String... args) {
        String[] withEndpoint = java.util.stream.Stream.of(java.util.stream.Stream.of(command), java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--endpoint", cloud.dynamoEndpoint())).flatMap(words -> words).toArray(String[]::new);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(withEndpoint, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int deliveries() {
        return cloud.dynamo().scan(b -> b.tableName(cloud.tables().deliveries()).select("COUNT")).count();
    }

    private static String preview(Path eml) {
        try {
            return Files.readString(Path.of(eml.toString().replaceAll("\\.eml$", ".html")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String origin() {
        return "http://127.0.0.1:" + boards.getAddress().getPort();
    }

    private static SourceDefinition source(String id, String name, String path) {
        return new SourceDefinition(id, name, origin() + path, SourceKind.AUTO, null, null, "0s", null, null, null, null, null, null);
    }

    private static String page(String title, String... postings) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title><script type=\"application/ld+json\">"
                + "{\"@context\": \"https://schema.org\", \"@graph\": [" + String.join(",", postings) + "]}"
                + "</script></head><body><h1>" + title + "</h1></body></html>";
    }

    private static String posting(String url, String title, String company, String city, String region, String description, Integer salary) {
        return "{\"@type\": \"JobPosting\", \"title\": \"" + title + "\", \"url\": \"" + url + "\","
                + " \"hiringOrganization\": {\"@type\": \"Organization\", \"name\": \"" + company + "\"},"
                + " \"jobLocation\": {\"@type\": \"Place\", \"address\": {\"@type\": \"PostalAddress\", \"addressLocality\": \"" + city
                + "\", \"addressRegion\": \"" + region + "\", \"addressCountry\": \"US\"}},"
                + (salary == null ? "" : " \"baseSalary\": {\"@type\": \"MonetaryAmount\", \"currency\": \"USD\", \"value\": {\"@type\":"
                        + " \"QuantitativeValue\", \"value\": " + salary + ", \"unitText\": \"YEAR\"}},")
                + " \"description\": \"" + description + "\"}";
    }
}
