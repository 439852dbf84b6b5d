package dev.jobalerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.StoredPosting;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GET /feeds/{token}.atom through the handler: a confirmed subscriber's ledger entries and postings in DynamoDB
 * Local, read back as the Atom feed a feed reader gets.
 */
class FeedRoutesIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static ApiFixture fixture;
    private static ApiHandler handler;

    @BeforeAll
    static void start() {
        fixture = new ApiFixture();
        handler = fixture.handler();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static APIGatewayV2HTTPResponse call(Events request) {
        return handler.handleRequest(request.build(), null);
    }

    /** Signs up and confirms with one search {@code s1}; returns the manage token. */
    private static String activeSubscriber(String email, String query) {
        call(Events.post("/subscriptions").json("{\"email\":\"" + email + "\",\"search\":{\"id\":\"s1\",\"query\":\"" + query + "\"}}"));
        APIGatewayV2HTTPResponse confirmed = call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));
        Matcher m = Pattern.compile("href=\"https://api\\.test/manage\\?token=([^\"]+)\"").matcher(confirmed.getBody());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The feed's path as the manage page links it. */
    private static String feedPath(String manageToken) {
        String href = Jsoup.parse(call(Events.get("/manage?token=" + manageToken)).getBody()).selectFirst("#feed").attr("href");
        assertThat(href).startsWith("https://api.test/feeds/");
        return href.substring("https://api.test".length());
    }

    /** A posting first seen now, matched for the subscriber now (the clock moves a minute per match). */
    private static void match(String email, String postingId, String title, List<String> terms, DeliveryState state) {
        fixture.clock.advance(Duration.ofMinutes(1));
        Instant now = fixture.clock.instant();
        fixture.postings.putIfAbsent(new StoredPosting(new Posting(postingId, "https://jobs.example/" + postingId, title, "Acme",
                "Charlotte, NC", false, null, "2026-11-20", null, "text", "test"), "src", now));
        fixture.deliveries.claim(new Delivery(fixture.idOf(email), postingId, "s1", terms, DeliveryState.CLAIMED, now, "instant"), now);
        if (state != DeliveryState.CLAIMED) {
            if (state == DeliveryState.SKIPPED) fixture.deliveries.markSkipped(fixture.idOf(email), List.of(postingId), "search deleted", now);
            else fixture.deliveries.markSent(fixture.idOf(email), List.of(postingId), "ses-1", now);
        }
    }

    private static Document xml(APIGatewayV2HTTPResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String path) {
        String[] parts = path.split("/");
        NodeList parents = doc.getElementsByTagNameNS(ATOM, parts[0]);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < parents.getLength(); i++) {
            NodeList children = ((Element) parents.item(i)).getElementsByTagNameNS(ATOM, parts[1]);
            found.add(children.item(0).getTextContent());
        }
        return found;
    }

    @Test
    void feed_listsTheLatestMatches_newestFirst_withTheMatchedLine() throws Exception {
        String email = "reader@example.com";
        String path = feedPath(activeSubscriber(email, "python AND django"));
        match(email, "g-1", "Python Engineer", List.of("python", "django"), DeliveryState.SENT);
        match(email, "g-2", "Django <Developer> & Co", List.of("python", "django"), DeliveryState.CLAIMED);
        match(email, "g-3", "Deleted search's match", List.of("python"), DeliveryState.SKIPPED);

        APIGatewayV2HTTPResponse response = call(Events.get(path));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/atom+xml; charset=utf-8")
                .containsEntry("cache-control", "private, max-age=300").containsKey("etag");
        Document doc = xml(response);
        assertThat(texts(doc, "entry/title")).containsExactly("Django <Developer> & Co", "Python Engineer");
        assertThat(texts(doc, "entry/content")).allSatisfy(content -> assertThat(content).contains("Acme · Charlotte, NC", "matched: python, django",
                "Your search: python AND django"));
        assertThat(doc.getDocumentElement().getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent())
                .isEqualTo(texts(doc, "entry/updated").get(0));
        assertThat(texts(doc, "feed/title")).containsExactly("Job alerts: “python AND django”");
        // Only the feed's own link carries its token (and so the subscriber's opaque id); no address, no manage link.
        assertThat(response.getBody().replace("https://api.test" + path, "")).doesNotContain(email, "/manage", fixture.idOf(email));
        // The same feed read again has the same ids.
        assertThat(texts(xml(call(Events.get(path))), "entry/id")).isEqualTo(texts(doc, "entry/id"));
    }

    @Test
    void feed_holdsAtMostFiftyEntries() throws Exception {
        String email = "busy@example.com";
        String path = feedPath(activeSubscriber(email, "java"));
        for (int i = 0; i < 55; i++) match(email, "busy-" + i, "Java job " + i, List.of("java"), DeliveryState.SENT);

        List<String> titles = texts(xml(call(Events.get(path))), "entry/title");

        assertThat(titles).hasSize(50);
        assertThat(titles.get(0)).isEqualTo("Java job 54");
        assertThat(titles.get(49)).isEqualTo("Java job 5");
    }

    @Test
    void feed_whenNothingMatchedYet_isAValidEmptyFeed() throws Exception {
        String path = feedPath(activeSubscriber("quiet@example.com", "cobol"));

        APIGatewayV2HTTPResponse response = call(Events.get(path));

        assertThat(response.getStatusCode()).isEqualTo(200);
        Document doc = xml(response);
        assertThat(doc.getElementsByTagNameNS(ATOM, "entry").getLength()).isZero();
        assertThat(Instant.parse(doc.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent())).isNotNull();
    }

    @Test
    void feed_answers304ToAnUnchangedPoll_and200OnceSomethingMatched() {
        String email = "poller@example.com";
        String path = feedPath(activeSubscriber(email, "rust"));
        match(email, "r-1", "Rust Engineer", List.of("rust"), DeliveryState.SENT);
        String etag = call(Events.get(path)).getHeaders().get("etag");

        APIGatewayV2HTTPResponse unchanged = call(Events.get(path).header("if-none-match", "W/" + etag));
        assertThat(unchanged.getStatusCode()).isEqualTo(304);
        assertThat(unchanged.getBody()).isEmpty();
        assertThat(unchanged.getHeaders()).containsEntry("etag", etag);

        match(email, "r-2", "Rust Developer", List.of("rust"), DeliveryState.SENT);
        APIGatewayV2HTTPResponse changed = call(Events.get(path).header("if-none-match", etag));
        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(changed.getHeaders().get("etag")).isNotEqualTo(etag);
    }

    @Test
    void forgedRevokedOrWrongPurposeTokens_get404_andAFeedTokenOpensNothingElse() {
        String email = "guarded@example.com";
        String manage = activeSubscriber(email, "go");
        String path = feedPath(manage);
        String feedToken = path.substring("/feeds/".length(), path.length() - ".atom".length());
        String forged = feedToken.substring(0, feedToken.length() - 2) + (feedToken.endsWith("AA") ? "BB" : "AA");

        for (String bad : List.of("/feeds/" + manage + ".atom", "/feeds/" + forged + ".atom", "/feeds/nothing.atom", "/feeds/" + feedToken,
                "/feeds/f.0123456789abcdef0123456789abcdef.99999999999.mac.atom", "/feeds/" + "x".repeat(300) + ".atom", "/feeds/"))
            assertThat(call(Events.get(bad)).getStatusCode()).as(bad).isEqualTo(404);
        assertThat(call(Events.get("/manage?token=" + feedToken)).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.post("/unsubscribe?token=" + feedToken)).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.post(path)).getStatusCode()).isEqualTo(405);

        APIGatewayV2HTTPResponse revoked = call(Events.post("/manage/links/revoke?token=" + manage).json("{}"));
        String newManage = revoked.getBody().replaceAll(".*token=([^\"]+)\".*", "$1");
        assertThat(call(Events.get(path)).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.get(feedPath(newManage))).getStatusCode()).isEqualTo(200);
    }
}
