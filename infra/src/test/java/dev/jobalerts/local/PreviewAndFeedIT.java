package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.store.SourceStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Previews and the feed on the local cloud, over real HTTP: the demo subscriber signs up and confirms, the sample board
 * is fetched (23 postings, 7 of them matching the demo search), and then previews answer with known counts — the demo
 * search's 7, a search that matches nothing, a query that does not parse — and the feed linked from the alert email
 * lists the 7 matches.
 */
class PreviewAndFeedIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    @TempDir
    static Path outboxDir;
    static LocalCloud cloud;
    static Outbox outbox;
    static HttpClient http = HttpClient.newHttpClient();
    static String manageUrl;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outboxDir));
        outbox = new Outbox(outboxDir);
        var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
        SampleBoard.sources(cloud.boardUrl()).forEach(sources::saveDefinition);
        HttpResponse<String> signUp = post("/subscriptions", "{\"email\":\"" + Demo.DEMO_EMAIL + "\",\"search\":" + Demo.DEMO_SEARCH + "}");
        assertThat(signUp.statusCode()).isEqualTo(202);
        cloud.drainStreams();
        String confirmed = get(outbox.latestConfirmLink(Demo.DEMO_EMAIL).orElseThrow()).body();
        manageUrl = Jsoup.parse(confirmed).selectFirst("#next").attr("href");

        cloud.fetch(Set.of(), line -> { });
        cloud.drainStreams();
        assertThat(outbox.alerts()).hasSize(1);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode preview(String search) throws Exception {
        HttpResponse<String> response = post("/subscriptions/preview", search);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    @Test
    void preview_ofTheDemoSearch_findsTheSevenPostingsTheMatcherAlerted() throws Exception {
        JsonNode preview = preview(Demo.DEMO_SEARCH);

        assertThat(preview.get("matches").asInt()).isEqualTo(7);
        assertThat(preview.get("of").asInt()).isEqualTo(23);
        assertThat(preview.get("days").asInt()).isEqualTo(14);
        assertThat(preview.get("examples")).hasSize(5);
        String alert = Jsoup.parse(Files.readString(Path.of(outbox.alerts().get(0).toString().replaceFirst("\\.eml$", ".html")))).text();
        for (JsonNode example : preview.get("examples")) {
            assertThat(alert).contains(example.get("title").asText());
            assertThat(example.get("matched")).extracting(JsonNode::asText).contains("python");
        }
    }

    @Test
    void preview_countsOtherSearches_includingOneThatMatchesNothing() throws Exception {
        assertThat(preview("{\"query\":\"cobol AND mainframe\"}").get("matches").asInt()).isZero();
        assertThat(preview("{\"query\":\"cobol AND mainframe\"}").get("examples")).isEmpty();
        assertThat(preview("{}").get("matches").asInt()).isEqualTo(23);
        JsonNode remote = preview("{\"remote\":\"only\"}");
        // What the 23 sample postings give; a change means an extractor or the matcher changed (SampleBoardTest says which).
        assertThat(remote.get("matches").asInt()).isEqualTo(7);
        assertThat(preview("{\"query\":\"python\"}").get("matches").asInt()).isEqualTo(15);
        assertThat(preview("{\"query\":\"title:engineer\"}").get("matches").asInt()).isEqualTo(12);
    }

    @Test
    void preview_ofAQueryThatDoesNotParse_isTheSignUpsPositional400() throws Exception {
        HttpResponse<String> preview = post("/subscriptions/preview", "{\"query\":\"python AND (django\"}");
        HttpResponse<String> signUp = post("/subscriptions", "{\"email\":\"x@example.com\",\"search\":{\"query\":\"python AND (django\"}}");

        assertThat(preview.statusCode()).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(preview.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_query");
        assertThat(error.get("message").asText()).isEqualTo(Json.mapper().readTree(signUp.body()).get("error").get("message").asText())
                .containsPattern("\\(at character \\d+\\)");
    }

    @Test
    void feed_linkedFromTheAlertEmailAndTheManagePage_listsTheSevenMatches() throws Exception {
        String alert = Files.readString(Path.of(outbox.alerts().get(0).toString().replaceFirst("\\.eml$", ".html")));
        String fromEmail = Jsoup.parse(alert).selectFirst("a:contains(feed reader)").attr("href");
        String fromPage = Jsoup.parse(get(manageUrl).body()).selectFirst("#feed").attr("href");
        assertThat(fromEmail).startsWith(cloud.apiUrl() + "/feeds/").endsWith(".atom");

        for (String url : List.of(fromEmail, fromPage)) {
            HttpResponse<String> feed = get(url);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("content-type")).hasValue("application/atom+xml; charset=utf-8");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
            NodeList entries = doc.getElementsByTagNameNS(ATOM, "entry");
            assertThat(entries.getLength()).isEqualTo(7);
            List<String> contents = new ArrayList<>();
            NodeList content = doc.getElementsByTagNameNS(ATOM, "content");
            for (int i = 0; i < content.getLength(); i++) contents.add(content.item(i).getTextContent());
            assertThat(contents).allSatisfy(text -> assertThat(text).contains("matched: python"));
        }
    }
}
