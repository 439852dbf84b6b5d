package dev.jobalerts.api;

import static dev.jobalerts.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.preview.PreviewSettings;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST /subscriptions/preview and the previews of the sign-up and manage pages, through the handler with API Gateway
 * events, against DynamoDB Local holding a known set of postings.
 */
class PreviewRoutesIT {
    /** Twelve postings first seen over the last 20 days; the eleven of the last 14 days are the window. */
    private static final int IN_WINDOW = 11;
    private static final String HOSTILE_TITLE = "Python <img src=x onerror=alert(1)> & \"Django\"";

    private static ApiFixture fixture;
    private static ApiHandler handler;
    private static Instant now;

    @BeforeAll
    static void start() {
        fixture = new ApiFixture();
        now = fixture.clock.instant();
        List<StoredPosting> postings = new ArrayList<>();
        // Newest first: p0 is five minutes old, then one more day back for each.
        postings.add(stored("p0", HOSTILE_TITLE, "Acme <Labs>", "Remote", true, "django and flask", null, 0));
        postings.add(stored("p1", "Senior Python Engineer", "Globex", "Charlotte, NC", false, "Django REST, AWS", new Salary(130000.0, 150000.0, "USD", "YEAR"), 1));
        postings.add(stored("p2", "Data Engineer", "Initech", "Berlin", false, "python, pandas", null, 2));
        postings.add(stored("p3", "Python Developer", "Acme", "Charlotte, NC", false, "Flask", new Salary(90000.0, 100000.0, "USD", "YEAR"), 3));
        postings.add(stored("p4", "Nurse", "Mercy", "Charlotte, NC", false, "ICU, BLS", null, 4));
        postings.add(stored("p5", "Java Developer", "Globex", "New York, NY", false, "Spring", null, 5));
        postings.add(stored("p6", "Python Engineer", "Hooli", "Remote", true, "Django", null, 6));
        postings.add(stored("p7", "Backend Engineer", "Hooli", "Remote", true, "python django", null, 7));
        postings.add(stored("p8", "Python Tutor", "Learnly", "Austin, TX", false, "django", null, 8));
        postings.add(stored("p9", "Welder", "Steelco", "Leeds", false, "MIG", null, 9));
        postings.add(stored("p10", "Python Django Lead", "Acme", "Charlotte, NC", false, "", null, 13));
        postings.add(stored("old", "Python Django Veteran", "Acme", "Charlotte, NC", false, "", null, 20));
        postings.forEach(fixture.postings::putIfAbsent);
        handler = fixture.handler();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static StoredPosting stored(String id, String title, String company, String location, boolean remote, String description,
                                        Salary salary, int daysAgo) {
        Posting posting = new Posting(id, "https://jobs.example/" + id, title, company, location, remote, "FULL_TIME",
                daysAgo == 0 ? null : "2026-11-0" + (daysAgo % 9 + 1), salary, description, "test");
        return new StoredPosting(posting, "src", now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(5)));
    }

    private static APIGatewayV2HTTPResponse call(Events request) {
        return handler.handleRequest(request.build(), null);
    }

    private static APIGatewayV2HTTPResponse preview(String searchJson) {
        return call(Events.post("/subscriptions/preview").json(searchJson));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void preview_countsTheWindowsMatches_andShowsTheFiveNewestWithWhyTheyMatched() {
        APIGatewayV2HTTPResponse response = preview("{\"query\":\"python AND (django OR flask)\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        JsonNode body = json(response);
        assertThat(body.get("matches").asInt()).isEqualTo(7);
        assertThat(body.get("of").asInt()).isEqualTo(IN_WINDOW);
        assertThat(body.get("days").asInt()).isEqualTo(14);
        JsonNode examples = body.get("examples");
        assertThat(examples).hasSize(5);
        List<String> titles = new ArrayList<>();
        examples.forEach(e -> titles.add(e.get("title").asText()));
        assertThat(titles).containsExactly(HOSTILE_TITLE, "Senior Python Engineer", "Python Developer", "Python Engineer", "Backend Engineer");
        JsonNode first = examples.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("title", "company", "location", "url", "datePosted", "matched");
        assertThat(first.get("company").asText()).isEqualTo("Acme <Labs>");
        assertThat(first.get("url").asText()).isEqualTo("https://jobs.example/p0");
        assertThat(first.get("datePosted").isNull()).isTrue();
        assertThat(first.get("matched")).extracting(JsonNode::asText).containsExactly("python", "django", "flask");
        assertThat(examples.get(1).get("matched")).extracting(JsonNode::asText).containsExactly("python", "django");
    }

    @Test
    void preview_appliesTheFiltersTheMatcherApplies() {
        JsonNode body = json(preview("{\"query\":\"python\",\"locations\":[\"Charlotte\"],\"remote\":\"include\",\"minSalary\":120000,\"currency\":\"USD\"}"));

        // p0, p6, p7 are remote; p1 pays enough in Charlotte; p3 pays too little; p10 states no salary.
        List<String> titles = new ArrayList<>();
        body.get("examples").forEach(e -> titles.add(e.get("title").asText()));
        assertThat(body.get("matches").asInt()).isEqualTo(5);
        assertThat(titles).containsExactly(HOSTILE_TITLE, "Senior Python Engineer", "Python Engineer", "Backend Engineer", "Python Django Lead");
    }

    @Test
    void preview_whenNothingMatches_answersZeroWithNoExamples() {
        JsonNode body = json(preview("{\"query\":\"\\\"machine learning\\\" -senior\"}"));

        assertThat(body.get("matches").asInt()).isZero();
        assertThat(body.get("of").asInt()).isEqualTo(IN_WINDOW);
        assertThat(body.get("examples")).isEmpty();
    }

    @Test
    void preview_emptySearch_matchesTheWholeWindow_andExplainsNoTerms() {
        JsonNode body = json(preview("{}"));

        assertThat(body.get("matches").asInt()).isEqualTo(IN_WINDOW);
        assertThat(body.get("examples").get(0).get("matched")).isEmpty();
    }

    @Test
    void preview_saysNothingAboutOtherSubscribers() {
        String before = preview("{\"query\":\"python django\"}").getBody();
        // Someone saves exactly this search (confirmed), another the same one pending.
        String email = "owner@example.com";
        call(Events.post("/subscriptions").json("{\"email\":\"" + email + "\",\"search\":{\"query\":\"python django\"}}"));
        call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));
        call(Events.post("/subscriptions").json("{\"email\":\"other@example.com\",\"search\":{\"query\":\"python django\"}}"));

        assertThat(preview("{\"query\":\"python django\"}").getBody()).isEqualTo(before);
        assertThat(before).doesNotContain("example.com", "subscriber");
    }

    @Test
    void preview_readsTheWindowAtMostOncePerRefreshPeriod() {
        // Postings of its own, so the shared ones stay as the other tests expect them.
        PostingStore postings = new PostingStore(fixture.dynamo.client(), fixture.dynamo.freshTables().postings());
        ApiHandler own = fixture.handler(new ApiConfig(null, ApiFixture.GENEROUS, ApiFixture.GENEROUS, ApiFixture.GENEROUS, fixture.clock),
                new PreviewSettings(14, 5_000, Duration.ofMinutes(5), 5), postings);
        String query = "{\"query\":\"kotlin\"}";
        assertThat(json(own.handleRequest(Events.post("/subscriptions/preview").json(query).build(), null)).get("matches").asInt()).isZero();

        postings.putIfAbsent(new StoredPosting(new Posting("kotlin-1", "https://jobs.example/k", "Kotlin Developer", "Acme",
                "Remote", true, null, null, null, "", "test"), "src", fixture.clock.instant()));
        fixture.clock.advance(Duration.ofMinutes(4));
        assertThat(json(own.handleRequest(Events.post("/subscriptions/preview").json(query).build(), null)).get("matches").asInt())
                .as("still the window read four minutes ago").isZero();

        fixture.clock.advance(Duration.ofMinutes(2));
        assertThat(json(own.handleRequest(Events.post("/subscriptions/preview").json(query).build(), null)).get("matches").asInt()).isEqualTo(1);
        fixture.clock.advance(Duration.ofMinutes(-6));
    }

    @Test
    void preview_whenTheWindowIsFull_keepsTheNewestPostings() {
        ApiHandler small = fixture.handler(new ApiConfig(null, ApiFixture.GENEROUS, ApiFixture.GENEROUS, ApiFixture.GENEROUS, fixture.clock),
                new PreviewSettings(14, 3, Duration.ofMinutes(5), 5));

        JsonNode body = json(small.handleRequest(Events.post("/subscriptions/preview").json("{\"query\":\"engineer\"}").build(), null));

        assertThat(body.get("of").asInt()).isEqualTo(3);
        assertThat(body.get("matches").asInt()).isEqualTo(2); // p1 and p2; p6 and p7 are older than the newest three
    }

    // ------------------------------------------------------------------ bad input: the same 4xx as a sign-up

    static Stream<Arguments> badSearches() {
        return Stream.of(
                Arguments.of("unclosed parenthesis", "{\"query\":\"python AND (django\"}"),
                Arguments.of("dangling operator", "{\"query\":\"python OR\"}"),
                Arguments.of("query over 500 characters", "{\"query\":\"" + "x ".repeat(260) + "\"}"),
                Arguments.of("over 50 terms", "{\"query\":\"" + "a ".repeat(51) + "\"}"),
                Arguments.of("unknown field", "{\"salary\":1}"),
                Arguments.of("minSalary wrong type", "{\"minSalary\":\"lots\"}"),
                Arguments.of("minSalary negative", "{\"minSalary\":-1}"),
                Arguments.of("unknown remote mode", "{\"remote\":\"moon\"}"),
                Arguments.of("too many locations", "{\"locations\":" + "[\"x\"".concat(",\"y\"".repeat(20)) + "]}"),
                Arguments.of("over-long location", "{\"locations\":[\"" + "z".repeat(101) + "\"]}"),
                Arguments.of("bad currency", "{\"currency\":\"dollars\"}"),
                Arguments.of("postedWithinDays out of range", "{\"postedWithinDays\":9999}"),
                Arguments.of("unknown employment type", "{\"employmentTypes\":[\"<script>\"]}"),
                Arguments.of("search not an object", "\"java\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSearches")
    void preview_refusesASearch_exactlyAsSignUpRefusesIt(String name, String search) {
        APIGatewayV2HTTPResponse signUp = call(Events.post("/subscriptions").json("{\"email\":\"bad@example.com\",\"search\":" + search + "}"));
        APIGatewayV2HTTPResponse preview = preview(search);

        assertThat(signUp.getStatusCode()).isBetween(400, 499);
        assertThat(preview.getStatusCode()).isEqualTo(signUp.getStatusCode());
        // The preview's body is the search itself (a sign-up's has it under "search"): a body that is no object is
        // malformed JSON there, and fields are named without "search.".
        if (name.equals("search not an object")) return;
        JsonNode expected = json(signUp).get("error");
        JsonNode actual = json(preview).get("error");
        assertThat(actual.get("code").asText()).isEqualTo(expected.get("code").asText());
        assertThat(actual.get("message").asText()).isEqualTo(expected.get("message").asText().replace("search.", ""));
        assertThat("search." + actual.get("field").asText()).isEqualTo(expected.get("field").asText());
    }

    @Test
    void preview_parseError_namesThePosition() {
        APIGatewayV2HTTPResponse response = preview("{\"query\":\"python AND (django\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_query");
        assertThat(error.get("field").asText()).isEqualTo("query");
        assertThat(error.get("message").asText()).containsPattern("\\(at character \\d+\\)");
    }

    @Test
    void preview_badBodies_andMethods_areRefusedLikeEverywhereElse() {
        assertThat(call(Events.post("/subscriptions/preview").body("text/plain", "{}")).getStatusCode()).isEqualTo(415);
        assertThat(call(Events.post("/subscriptions/preview").json("{\"query\":\"" + "a".repeat(17_000) + "\"}")).getStatusCode()).isEqualTo(413);
        assertThat(call(Events.post("/subscriptions/preview").json("{\"query\":")).getStatusCode()).isEqualTo(400);
        APIGatewayV2HTTPResponse get = call(Events.get("/subscriptions/preview"));
        assertThat(get.getStatusCode()).isEqualTo(405);
        assertThat(get.getHeaders()).containsEntry("allow", "POST");
    }

    @Test
    void previews_areLimitedPerClient_with429AndRetryAfter_whileOtherClientsGoOn() {
        ApiHandler strict = fixture.handler(new ApiConfig(null, ApiFixture.GENEROUS, ApiFixture.GENEROUS,
                new ApiConfig.RateLimit(3, Duration.ofMinutes(1)), fixture.clock));
        for (int i = 0; i < 3; i++)
            assertThat(strict.handleRequest(Events.post("/subscriptions/preview").json("{}").from("203.0.113.7").build(), null).getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse refused = strict.handleRequest(Events.post("/subscriptions/preview").json("{}").from("203.0.113.7").build(), null);

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders()).containsEntry("retry-after", "60");
        assertThat(strict.handleRequest(Events.post("/subscriptions/preview").json("{}").from("203.0.113.8").build(), null).getStatusCode()).isEqualTo(200);
        // Sign-ups are not previews: the same client may still sign up.
        assertThat(strict.handleRequest(Events.post("/subscriptions").json("{\"email\":\"limited@example.com\"}").from("203.0.113.7").build(), null)
                .getStatusCode()).isEqualTo(202);
    }

    // ------------------------------------------------------------------ pages without JavaScript

    @Test
    void signUpPage_offersAPreviewButton_thatPostsTheFormToThePreview() {
        Document page = Jsoup.parse(call(Events.get("/")).getBody());

        Element form = page.selectFirst("form[data-api=signup]");
        assertThat(form.attr("data-preview-url")).isEqualTo("https://api.test/subscriptions/preview");
        Element button = form.selectFirst("button[data-preview-button]");
        assertThat(button.attr("formaction")).isEqualTo("https://api.test/subscriptions/preview");
        // "Create alert" stays the form's default button (Enter still signs up).
        assertThat(form.select("button[type=submit]").first().text()).isEqualTo("Create alert");
        assertThat(page.selectFirst("#preview-new")).isNotNull();
    }

    @Test
    void signUpFormPreview_rendersThePageAgain_withTheValuesTheCountAndEscapedExamples() {
        APIGatewayV2HTTPResponse response = call(Events.post("/subscriptions/preview").form("email=" + enc("me@example.com")
                + "&query=" + enc("python AND (django OR flask)") + "&locations=&remote=any&minSalary=&frequency=daily"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
        String html = response.getBody();
        assertThat(html).doesNotContain("<img src=x", "<Labs>").contains("Python &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Django&quot;");
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("#email").attr("value")).isEqualTo("me@example.com");
        assertThat(page.selectFirst("#query-new").attr("value")).isEqualTo("python AND (django OR flask)");
        assertThat(page.selectFirst("input[name=frequency][value=daily]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#preview-new .preview-count").text()).isEqualTo("7 of the 11 postings first seen in the last 14 days match this search.");
        assertThat(page.select("#preview-new .preview-examples li")).hasSize(5);
        Element first = page.selectFirst("#preview-new .preview-examples li");
        assertThat(first.selectFirst("a").attr("href")).isEqualTo("https://jobs.example/p0");
        assertThat(first.selectFirst("a").attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(first.selectFirst("a").text()).isEqualTo(HOSTILE_TITLE);
        assertThat(first.selectFirst(".preview-where").text()).isEqualTo("Acme <Labs> · Remote");
        assertThat(first.selectFirst(".preview-matched").text()).isEqualTo("matched: python, django, flask");
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    @Test
    void signUpFormPreview_whenTheQueryDoesNotParse_showsThePositionalErrorNextToTheQuery() {
        APIGatewayV2HTTPResponse response = call(Events.post("/subscriptions/preview").form("email=&query=" + enc("python AND (django")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.selectFirst("#query-new-error").text()).containsPattern("\\(at character \\d+\\)");
        assertThat(page.selectFirst("#query-new").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#preview-new .preview-count")).isNull();
    }

    @Test
    void signUpFormPreview_whenNothingMatches_saysSo() {
        Document page = Jsoup.parse(call(Events.post("/subscriptions/preview").form("query=" + enc("cobol"))).getBody());

        assertThat(page.selectFirst("#preview-new .preview-count").text()).isEqualTo("None of the 11 postings first seen in the last 14 days match this search.");
        assertThat(page.select("#preview-new .preview-examples li")).isEmpty();
    }

    // ------------------------------------------------------------------ manage page

    private static String activeSubscriber(String email) {
        call(Events.post("/subscriptions").json("{\"email\":\"" + email + "\",\"search\":{\"id\":\"s1\",\"query\":\"java\"}}"));
        APIGatewayV2HTTPResponse confirmed = call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));
        Matcher m = Pattern.compile("href=\"https://api\\.test/manage\\?token=([^\"]+)\"").matcher(confirmed.getBody());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void managePage_offersAPreviewOnEverySearchForm_andTheFeed() {
        String token = activeSubscriber("manager@example.com");

        Document page = Jsoup.parse(call(Events.get("/manage?token=" + token)).getBody());

        assertThat(page.select("form[data-preview-url]")).hasSize(2);
        assertThat(page.selectFirst("li[data-search-id=s1] button[data-preview-button]").attr("formaction"))
                .isEqualTo("https://api.test/manage/preview?token=" + token + "&search=s1");
        assertThat(page.selectFirst("#add-search button[data-preview-button]").attr("formaction")).endsWith("&search=new");
        assertThat(page.selectFirst("#feed").attr("href")).matches("https://api\\.test/feeds/f\\.[0-9a-f]{32}\\.\\d+\\.[A-Za-z0-9_-]+\\.atom");
        assertThat(page.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo(page.selectFirst("#feed").attr("href"));
    }

    @Test
    void manageFormPreview_rendersThePageWithThatFormsValuesAndPreview_andChangesNothing() {
        String token = activeSubscriber("drafter@example.com");

        APIGatewayV2HTTPResponse response = call(Events.post("/manage/preview?token=" + token + "&search=s1")
                .form("query=" + enc("python django") + "&locations=&remote=only&minSalary="));

        assertThat(response.getStatusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.getBody());
        Element form = page.selectFirst("li[data-search-id=s1] form");
        assertThat(form.selectFirst("input[name=query]").attr("value")).isEqualTo("python django");
        assertThat(form.selectFirst("select[name=remote] option[selected]").attr("value")).isEqualTo("only");
        assertThat(form.selectFirst(".preview-count").text()).isEqualTo("3 of the 11 postings first seen in the last 14 days match this search.");
        assertThat(page.selectFirst("#add-search .preview-count")).isNull();
        assertThat(fixture.store.searchesOf(fixture.idOf("drafter@example.com"))).extracting(s -> s.search().query()).containsExactly("java");
    }

    @Test
    void manageFormPreview_withABrokenQuery_showsTheErrorInThatForm() {
        String token = activeSubscriber("broken@example.com");

        APIGatewayV2HTTPResponse response = call(Events.post("/manage/preview?token=" + token + "&search=new").form("query=" + enc("(((")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.selectFirst("#query-new-error").text()).containsPattern("\\(at character \\d+\\)");
        assertThat(page.selectFirst("#query-s1-error").text()).isEmpty();
    }

    @Test
    void manageJsonPreview_answersLikeTheSignUpPreview_butOnlyWithAManageToken() {
        String token = activeSubscriber("jsonpreview@example.com");
        String search = "{\"query\":\"python AND (django OR flask)\"}";

        APIGatewayV2HTTPResponse response = call(Events.post("/manage/preview?token=" + token).json(search));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(preview(search).getBody());
        assertThat(call(Events.post("/manage/preview").json(search)).getStatusCode()).isEqualTo(400);
        assertThat(call(Events.post("/manage/preview?token=m.0123456789abcdef0123456789abcdef.1.x").json(search)).getStatusCode()).isEqualTo(404);
    }
}
