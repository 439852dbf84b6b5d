package dev.jobalerts.api;

import static dev.jobalerts.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.PendingSearch;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriptionService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiHandlerIT {
    private static ApiFixture fixture;
    private static ApiHandler handler;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

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

    private static String newAddress() {
        return "person" + ADDRESSES.incrementAndGet() + "@example.com";
    }

    private static APIGatewayV2HTTPResponse signUp(String email, String searchJson) {
        return call(Events.post("/subscriptions").json("{\"email\":\"" + email + "\",\"search\":" + searchJson + ",\"frequency\":\"daily\"}"));
    }

    /** Signs up and confirms; returns the manage token from the confirmation page's link. */
    private static String activeSubscriber(String email) {
        assertThat(signUp(email, "{\"id\":\"first\",\"query\":\"java\"}").getStatusCode()).isEqualTo(202);
        APIGatewayV2HTTPResponse confirmed = call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));
        assertThat(confirmed.getStatusCode()).isEqualTo(200);
        return tokenInLink(confirmed.getBody(), "/manage");
    }

    private static String tokenInLink(String html, String path) {
        Matcher m = Pattern.compile("href=\"https://api\\.test" + Pattern.quote(path) + "\\?token=([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("link to %s in %s", path, html).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ pages and assets

    @Test
    void getRoot_returnsSignUpFormWithLabelledFieldsAndSecurityHeaders() {
        APIGatewayV2HTTPResponse response = call(Events.get("/"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("x-content-type-options", "nosniff").containsEntry("referrer-policy", "no-referrer");
        assertThat(response.getHeaders().get("content-security-policy"))
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        String html = response.getBody();
        for (String field : List.of("email", "query-new", "locations-new", "remote-new", "minSalary-new"))
            assertThat(html).contains("<label for=\"" + field + "\"", "id=\"" + field + "\"");
        assertThat(html).contains("name=\"frequency\" value=\"instant\"", "value=\"daily\"", "value=\"weekly\"")
                .contains("action=\"https://api.test/subscriptions\"", "src=\"https://api.test/assets/app.js\"")
                .doesNotContain("<script>", "style=");
    }

    @Test
    void getAssets_servesScriptAndStyleWithTheirTypes() {
        assertThat(call(Events.get("/assets/app.js")).getHeaders()).containsEntry("content-type", "text/javascript; charset=utf-8");
        assertThat(call(Events.get("/assets/app.css")).getHeaders()).containsEntry("content-type", "text/css; charset=utf-8");
        assertThat(call(Events.get("/assets/nope.js")).getStatusCode()).isEqualTo(404);
    }

    @Test
    void links_comeFromPublicBaseUrlWhenSet_elseFromApiGatewayDomainAndForwardedProto() {
        ApiHandler configured = fixture.handler(new ApiConfig("https://alerts.example.org/", ApiFixture.GENEROUS, ApiFixture.GENEROUS, fixture.clock));
        assertThat(configured.handleRequest(Events.get("/").build(), null).getBody()).contains("action=\"https://alerts.example.org/subscriptions\"");
        // PublicLinks end up in emails, so API Gateway's own domain name wins over the client-controlled Host header.
        assertThat(call(Events.get("/").header("host", "localhost:8080").header("x-forwarded-proto", "http")).getBody())
                .contains("action=\"http://api.test/subscriptions\"");
        assertThat(call(Events.get("/").header("host", "evil.example\"><script>")).getBody())
                .contains("action=\"https://api.test/subscriptions\"");
    }

    // ------------------------------------------------------------------ sign-up

    @Test
    void subscribe_sampleEvent_answersPendingAndSendsConfirmation() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.load("api-subscribe.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(json(response).toString()).isEqualTo("{\"status\":\"pending\"}");
        assertThat(fixture.sentTo("ana@example.com")).hasSize(1);
    }

    @Test
    void subscribe_newPendingAndActiveAddress_allAnswerTheSame() {
        String fresh = newAddress();
        String active = newAddress();
        activeSubscriber(active);

        APIGatewayV2HTTPResponse first = signUp(fresh, "{\"query\":\"rust\"}");
        APIGatewayV2HTTPResponse pending = signUp(fresh, "{\"query\":\"go\"}");
        APIGatewayV2HTTPResponse again = signUp(active, "{\"query\":\"kotlin\"}");

        for (APIGatewayV2HTTPResponse response : List.of(first, pending, again)) {
            assertThat(response.getStatusCode()).isEqualTo(202);
            assertThat(response.getBody()).isEqualTo(first.getBody());
        }
    }

    @Test
    void subscribe_manyTimes_mailsAtMostThreeConfirmationsAnHour_thenAgainAfterwards() {
        String email = newAddress();
        for (String query : List.of("a", "b", "c", "d")) {
            signUp(email, "{\"query\":\"" + query + "\"}");
            fixture.mailPending(email);
        }
        assertThat(fixture.sentTo(email)).hasSize(3);

        fixture.clock.advance(Duration.ofMinutes(61));
        signUp(email, "{\"query\":\"e\"}");
        assertThat(fixture.sentTo(email)).hasSize(4);
    }

    @Test
    void subscribe_withoutSearchId_assignsOne() {
        String email = newAddress();
        signUp(email, "{\"query\":\"java\"}");

        List<PendingSearch> pending = fixture.store.pendingOf(fixture.idOf(email));
        assertThat(pending).singleElement().satisfies(p -> assertThat(p.search().id()).matches("[0-9a-f]{16}"));
        assertThat(fixture.store.searchesOf(fixture.idOf(email))).isEmpty();
    }

    @Test
    void subscribe_forAnActiveAddress_addsNothingTheOwnerSees_andKeepsAtMostThreePending() {
        String email = newAddress();
        String manage = activeSubscriber(email);
        String id = fixture.idOf(email);

        for (int i = 0; i < 9; i++) assertThat(signUp(email, "{\"query\":\"attacker text " + i + "\"}").getStatusCode()).isEqualTo(202);
        fixture.mailPending(email);

        assertThat(fixture.store.searchesOf(id)).extracting(s -> s.search().query()).containsExactly("java");
        assertThat(fixture.store.pendingOf(id)).hasSize(SubscriptionService.MAX_PENDING);
        assertThat(call(Events.get("/manage?token=" + manage)).getBody()).doesNotContain("attacker text");
        // The owner's ten slots are untouched: adding searches works as before.
        APIGatewayV2HTTPResponse added = call(Events.post("/manage/searches?token=" + manage).json("{\"query\":\"kotlin\"}"));
        assertThat(added.getStatusCode()).isEqualTo(201);
    }

    @Test
    void confirm_confirmsOnlyTheSearchItsLinkWasMailedFor() {
        String email = newAddress();
        signUp(email, "{\"id\":\"mine\",\"query\":\"python\"}");
        String mine = fixture.lastTokenFor(email);
        signUp(email, "{\"id\":\"theirs\",\"query\":\"spam\"}");
        fixture.mailPending(email);

        assertThat(call(Events.get("/subscriptions/confirm?token=" + mine)).getStatusCode()).isEqualTo(200);

        assertThat(fixture.store.searchesOf(fixture.idOf(email))).extracting(s -> s.search().query()).containsExactly("python");
        assertThat(fixture.store.pendingOf(fixture.idOf(email))).extracting(p -> p.search().query()).containsExactly("spam");
    }

    @Test
    void confirm_whenTheAddressAlreadyHasTenSearches_keepsThePendingOneAndSaysWhy() {
        String email = newAddress();
        String manage = activeSubscriber(email);
        for (int i = 1; i < SubscriptionService.MAX_SEARCHES; i++)
            call(Events.post("/manage/searches?token=" + manage).json("{\"query\":\"q" + i + "\"}"));
        signUp(email, "{\"query\":\"eleventh\"}");

        APIGatewayV2HTTPResponse response = call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody()).contains("already have 10 searches");
        assertThat(fixture.store.pendingOf(fixture.idOf(email))).hasSize(1);
    }

    @Test
    void subscribe_base64EncodedJsonBody_isDecoded() {
        String email = newAddress();
        APIGatewayV2HTTPResponse response = call(Events.post("/subscriptions")
                .json("{\"email\":\"" + email + "\",\"search\":{\"query\":\"données\"}}").base64());

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(fixture.store.pendingOf(fixture.idOf(email)).get(0).search().query()).isEqualTo("données");
    }

    @Test
    void subscribe_formPost_answersWithPendingPage() {
        String email = newAddress();
        APIGatewayV2HTTPResponse response = call(Events.post("/subscriptions")
                .form("email=" + enc(email) + "&query=java&locations=Berlin%2C+Lisbon&remote=include&minSalary=60000&frequency=weekly").base64());

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(response.getBody()).contains("Check your inbox");
        PendingSearch saved = fixture.store.pendingOf(fixture.idOf(email)).get(0);
        assertThat(saved.search().locations()).containsExactly("Berlin", "Lisbon");
        assertThat(saved.search().minSalary()).isEqualTo(60000.0);
        assertThat(saved.frequency().wireName()).isEqualTo("weekly");
    }

    @Test
    void subscribe_formPostWithBadQuery_showsMessageNextToFieldAndEscapesValues() {
        String longQuery = "<b>x</b>".repeat(70);
        APIGatewayV2HTTPResponse response = call(Events.post("/subscriptions")
                .form("email=" + enc(newAddress()) + "&query=" + enc(longQuery) + "&locations=" + enc("\"><script>alert(1)</script>")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        String html = response.getBody();
        assertThat(html).containsPattern("id=\"query-new-error\" data-error-for=\"query\">query is longer than 500 characters")
                .contains("aria-invalid=\"true\"")
                .doesNotContain("<script>alert(1)</script>", "<b>x</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    static Stream<Arguments> badSignUps() {
        String ok = "{\"query\":\"java\"}";
        return Stream.of(
                Arguments.of("not JSON", "application/json", "{\"email\": ", 400, "malformed_json", null),
                Arguments.of("trailing garbage", "application/json", "{\"email\":\"a@example.com\"} x", 400, "malformed_json", null),
                Arguments.of("array body", "application/json", "[1,2]", 400, "malformed_json", null),
                Arguments.of("empty body", "application/json", "", 400, "malformed_json", null),
                Arguments.of("text/plain", "text/plain", "{}", 415, "unsupported_media_type", null),
                Arguments.of("no content type", null, "{}", 415, "unsupported_media_type", null),
                Arguments.of("multipart", "multipart/form-data; boundary=x", "--x--", 415, "unsupported_media_type", null),
                Arguments.of("over 16 KB", "application/json", "{\"email\":\"" + "a".repeat(17_000) + "\"}", 413, "payload_too_large", null),
                Arguments.of("missing email", "application/json", "{\"search\":" + ok + "}", 400, "invalid_email", "email"),
                Arguments.of("email not a string", "application/json", "{\"email\":42}", 400, "invalid_email", "email"),
                Arguments.of("invalid email", "application/json", "{\"email\":\"not-an-address\",\"search\":" + ok + "}", 400, "invalid_email", "email"),
                Arguments.of("doubled dot", "application/json", "{\"email\":\"a..b@b.co\",\"search\":" + ok + "}", 400, "invalid_email", "email"),
                Arguments.of("leading dot", "application/json", "{\"email\":\".a@b.co\",\"search\":" + ok + "}", 400, "invalid_email", "email"),
                Arguments.of("trailing dot", "application/json", "{\"email\":\"a.@b.co\",\"search\":" + ok + "}", 400, "invalid_email", "email"),
                Arguments.of("local part over 64", "application/json", "{\"email\":\"" + "a".repeat(65) + "@b.co\",\"search\":" + ok + "}", 400, "invalid_email", "email"),
                Arguments.of("domain label starting with a hyphen", "application/json", "{\"email\":\"a@-b.co\",\"search\":" + ok + "}", 400, "invalid_email", "email"),
                Arguments.of("over-long email", "application/json", "{\"email\":\"" + "a".repeat(250) + "@example.com\"}", 400, "invalid_email", "email"),
                Arguments.of("unknown field", "application/json", "{\"email\":\"a@example.com\",\"admin\":true}", 400, "unknown_field", "admin"),
                Arguments.of("unknown search field", "application/json", "{\"email\":\"a@example.com\",\"search\":{\"salary\":1}}", 400, "unknown_field", "search.salary"),
                Arguments.of("query over the limit", "application/json", "{\"email\":\"a@example.com\",\"search\":{\"query\":\"" + "x".repeat(501) + "\"}}", 400, "invalid_query", "search.query"),
                Arguments.of("minSalary wrong type", "application/json", "{\"email\":\"a@example.com\",\"search\":{\"minSalary\":\"lots\"}}", 400, "invalid_field", "search.minSalary"),
                Arguments.of("minSalary negative", "application/json", "{\"email\":\"a@example.com\",\"search\":{\"minSalary\":-1}}", 400, "invalid_field", "search.minSalary"),
                Arguments.of("unknown remote mode", "application/json", "{\"email\":\"a@example.com\",\"search\":{\"remote\":\"moon\"}}", 400, "invalid_field", "search.remote"),
                Arguments.of("too many locations", "application/json", "{\"email\":\"a@example.com\",\"search\":{\"locations\":" + "[\"x\"".concat(",\"y\"".repeat(20)) + "]}}", 400, "invalid_field", "search.locations"),
                Arguments.of("search id with a slash", "application/json", "{\"email\":\"a@example.com\",\"search\":{\"id\":\"a/b\"}}", 400, "invalid_field", "search.id"),
                Arguments.of("search not an object", "application/json", "{\"email\":\"a@example.com\",\"search\":\"java\"}", 400, "invalid_field", "search"),
                Arguments.of("unknown frequency", "application/json", "{\"email\":\"a@example.com\",\"frequency\":\"hourly\"}", 400, "invalid_field", "frequency"),
                Arguments.of("broken base64", null, null, 400, "malformed_body", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void subscribe_badInput_isRefusedWithPreciseJsonError(String name, String contentType, String body, int status, String code, String field) {
        Events request = Events.post("/subscriptions");
        if (body == null) request.header("content-type", "application/json").rawBase64("!!not base64!!");
        else request.body(contentType, body);

        APIGatewayV2HTTPResponse response = call(request);

        assertThat(response.getStatusCode()).isEqualTo(status);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("dev.jobalerts", "com.fasterxml", "Exception");
        assertThat(error.get("field").isNull() ? null : error.get("field").asText()).isEqualTo(field);
    }

    // ------------------------------------------------------------------ confirm

    @Test
    void confirm_validToken_activatesAndLinksToManage() {
        String email = newAddress();
        signUp(email, "{\"id\":\"s1\",\"query\":\"java\"}");

        APIGatewayV2HTTPResponse response = call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("confirmed", email);
        tokenInLink(response.getBody(), "/manage");
        String id = fixture.idOf(email);
        assertThat(fixture.store.find(id).orElseThrow().status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(fixture.store.searchesOf(id)).allMatch(SubscriberSearch::live);
    }

    @Test
    void confirm_reusedToken_saysAlreadyConfirmed() {
        String email = newAddress();
        activeSubscriber(email);

        APIGatewayV2HTTPResponse again = call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).contains("already used").doesNotContain("/manage?token=");
    }

    @Test
    void confirm_expiredToken_is410WithAWayForward() {
        String email = newAddress();
        signUp(email, "{\"query\":\"java\"}");
        fixture.clock.advance(Duration.ofHours(49));
        try {
            APIGatewayV2HTTPResponse response = call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));

            assertThat(response.getStatusCode()).isEqualTo(410);
            assertThat(response.getBody()).contains("expired", "Sign up again");
        } finally {
            fixture.clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void confirm_unknownOrMissingToken_is404Or400Page() {
        APIGatewayV2HTTPResponse unknown = call(Events.get("/subscriptions/confirm?token=c.0123456789abcdef0123456789abcdef.99999999999.AAAA"));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(call(Events.get("/subscriptions/confirm")).getStatusCode()).isEqualTo(400);
        assertThat(call(Events.get("/subscriptions/confirm?token=%3Cscript%3E")).getBody()).doesNotContain("<script>");
    }

    @Test
    void confirm_afterUnsubscribing_doesNotReactivate() {
        String email = newAddress();
        signUp(email, "{\"query\":\"java\"}");
        String confirmToken = fixture.lastTokenFor(email);
        String manageToken = tokenInLink(call(Events.get("/subscriptions/confirm?token=" + confirmToken)).getBody(), "/manage");
        call(Events.post("/unsubscribe?token=" + manageToken).form("List-Unsubscribe=One-Click"));

        APIGatewayV2HTTPResponse response = call(Events.get("/subscriptions/confirm?token=" + confirmToken));

        assertThat(response.getBody()).contains("already used").doesNotContain("/manage?token=");
        assertThat(fixture.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    }

    // ------------------------------------------------------------------ manage

    @Test
    void managePage_listsSearchesAndEscapesThem() {
        String email = newAddress();
        String token = activeSubscriber(email);
        call(Events.post("/manage/searches?token=" + token).json("{\"query\":\"<img src=x onerror=alert(1)>\"}"));

        APIGatewayV2HTTPResponse page = call(Events.get("/manage?token=" + token));

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains(email, "Saved searches (2 of 10)", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");
    }

    @Test
    void manageJson_addListReplacePauseResumeDelete() {
        String token = activeSubscriber(newAddress());

        APIGatewayV2HTTPResponse added = call(Events.post("/manage/searches?token=" + token)
                .json("{\"id\":\"second\",\"query\":\"python\",\"locations\":[\"Remote\"],\"remote\":\"only\"}"));
        assertThat(added.getStatusCode()).isEqualTo(201);
        assertThat(json(added).at("/search/remote").asText()).isEqualTo("only");
        assertThat(json(added).at("/live").asBoolean()).isTrue();
        assertThat(added.getHeaders().get("location")).startsWith("https://api.test/manage/searches/second?token=");

        JsonNode list = json(call(Events.get("/manage/searches?token=" + token)));
        assertThat(list.get("searches")).hasSize(2);
        assertThat(list.get("frequency").asText()).isEqualTo("daily");

        APIGatewayV2HTTPResponse replaced = call(Events.request("PUT", "/manage/searches/second?token=" + token).json("{\"query\":\"python AND django\"}"));
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(json(replaced).at("/search/query").asText()).isEqualTo("python AND django");
        assertThat(json(replaced).at("/search/id").asText()).isEqualTo("second");

        assertThat(json(call(Events.post("/manage/searches/second/pause?token=" + token))).at("/paused").asBoolean()).isTrue();
        assertThat(json(call(Events.post("/manage/searches/second/resume?token=" + token))).at("/live").asBoolean()).isTrue();

        assertThat(call(Events.request("DELETE", "/manage/searches/second?token=" + token)).getStatusCode()).isEqualTo(204);
        assertThat(call(Events.request("DELETE", "/manage/searches/second?token=" + token)).getStatusCode()).isEqualTo(404);
        assertThat(json(call(Events.get("/manage/searches?token=" + token))).get("searches")).hasSize(1);
    }

    @Test
    void manageJson_changesFrequencyOnProfileAndSearches() {
        String email = newAddress();
        String token = activeSubscriber(email);

        APIGatewayV2HTTPResponse response = call(Events.request("PUT", "/manage/frequency?token=" + token).json("{\"frequency\":\"weekly\"}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(fixture.findByEmail(email).orElseThrow().frequency().wireName()).isEqualTo("weekly");
        assertThat(fixture.store.searchesOf(fixture.idOf(email))).allMatch(s -> s.frequency().wireName().equals("weekly"));
        assertThat(json(call(Events.request("PUT", "/manage/frequency?token=" + token).json("{\"frequency\":\"hourly\"}"))).at("/error/field").asText())
                .isEqualTo("frequency");
    }

    @Test
    void manageForms_withoutJavaScript_redirectBackToThePage() {
        String token = activeSubscriber(newAddress());

        APIGatewayV2HTTPResponse added = call(Events.post("/manage/searches?token=" + token).form("query=scala&locations=&remote=any&minSalary="));
        assertThat(added.getStatusCode()).isEqualTo(303);
        assertThat(added.getHeaders().get("location")).isEqualTo("https://api.test/manage?token=" + token);
        String id = json(call(Events.get("/manage/searches?token=" + token))).at("/searches/1/search/id").asText();

        assertThat(call(Events.post("/manage/searches/" + id + "?token=" + token).form("query=haskell")).getStatusCode()).isEqualTo(303);
        assertThat(call(Events.post("/manage/frequency?token=" + token).form("frequency=instant")).getStatusCode()).isEqualTo(303);
        assertThat(call(Events.post("/manage/searches/" + id + "/delete?token=" + token).form("")).getStatusCode()).isEqualTo(303);
        APIGatewayV2HTTPResponse bad = call(Events.post("/manage/searches?token=" + token).form("minSalary=lots"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("minSalary must be a number");
    }

    @Test
    void manageJson_eleventhSearch_is409() {
        String token = activeSubscriber(newAddress());
        for (int i = 2; i <= 10; i++)
            assertThat(call(Events.post("/manage/searches?token=" + token).json("{\"query\":\"q" + i + "\"}")).getStatusCode()).isEqualTo(201);

        APIGatewayV2HTTPResponse eleventh = call(Events.post("/manage/searches?token=" + token).json("{\"query\":\"one too many\"}"));

        assertThat(eleventh.getStatusCode()).isEqualTo(409);
        assertThat(json(eleventh).at("/error/code").asText()).isEqualTo("too_many_searches");
        assertThat(call(Events.get("/manage?token=" + token)).getBody()).contains("delete one to add another");
    }

    @Test
    void manage_badTokens_are404Or410() {
        String email = newAddress();
        String manageToken = activeSubscriber(email);
        String confirmToken = fixture.lastTokenFor(email);

        assertThat(call(Events.get("/manage/searches?token=nonsense")).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.get("/manage/searches")).getStatusCode()).isEqualTo(400);
        // A confirm token is not a manage token, though it is genuine.
        assertThat(json(call(Events.get("/manage/searches?token=" + confirmToken))).at("/error/code").asText()).isEqualTo("unknown_token");
        String tampered = manageToken.substring(0, manageToken.length() - 2) + (manageToken.endsWith("AA") ? "BB" : "AA");
        assertThat(call(Events.get("/manage?token=" + tampered)).getStatusCode()).isEqualTo(404);

        fixture.clock.advance(Duration.ofDays(3651));
        try {
            APIGatewayV2HTTPResponse expired = call(Events.get("/manage/searches?token=" + manageToken));
            assertThat(expired.getStatusCode()).isEqualTo(410);
            assertThat(json(expired).at("/error/code").asText()).isEqualTo("expired_token");
        } finally {
            fixture.clock.advance(Duration.ofDays(-3651));
        }
    }

    @Test
    void revokeLinks_oldManageAndUnsubscribeLinksStopWorking_newOneWorks() {
        String email = newAddress();
        String oldToken = activeSubscriber(email);
        String oldUnsubscribe = fixture.subscriptions.unsubscribeToken(fixture.findByEmail(email).orElseThrow());

        APIGatewayV2HTTPResponse revoked = call(Events.post("/manage/links/revoke?token=" + oldToken).form(""));

        assertThat(revoked.getStatusCode()).isEqualTo(303);
        String newUrl = revoked.getHeaders().get("location");
        assertThat(newUrl).startsWith("https://api.test/manage?token=").doesNotContain(oldToken);
        assertThat(call(Events.get("/manage?token=" + oldToken)).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.post("/unsubscribe?token=" + oldUnsubscribe).form("List-Unsubscribe=One-Click")).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.get(newUrl.substring("https://api.test".length()))).getStatusCode()).isEqualTo(200);
    }

    @Test
    void manage_unknownRoutesAndMethods_are404And405() {
        String token = activeSubscriber(newAddress());
        assertThat(call(Events.get("/manage/whatever?token=" + token)).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.request("PATCH", "/manage/searches?token=" + token)).getStatusCode()).isEqualTo(405);
        assertThat(call(Events.request("PUT", "/manage/searches/nope?token=" + token).json("{}")).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.request("PUT", "/manage/searches/first?token=" + token).body("text/plain", "x")).getStatusCode()).isEqualTo(415);
        APIGatewayV2HTTPResponse wrong = call(Events.request("DELETE", "/"));
        assertThat(wrong.getStatusCode()).isEqualTo(405);
        assertThat(wrong.getHeaders()).containsEntry("allow", "GET");
        assertThat(call(Events.get("/nowhere")).getStatusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ unsubscribe

    @Test
    void unsubscribe_getShowsButtonAndChangesNothing_postUnsubscribesIdempotently() {
        String email = newAddress();
        String manageToken = activeSubscriber(email);
        String unsubscribeToken = fixture.subscriptions.unsubscribeToken(fixture.findByEmail(email).orElseThrow());

        APIGatewayV2HTTPResponse page = call(Events.get("/unsubscribe?token=" + unsubscribeToken));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("<button type=\"submit\" id=\"unsubscribe\">", "action=\"https://api.test/unsubscribe?token=");
        assertThat(fixture.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.ACTIVE);

        // RFC 8058: the mail client posts List-Unsubscribe=One-Click (API Gateway base64-encodes form bodies).
        for (int i = 0; i < 2; i++) {
            APIGatewayV2HTTPResponse done = call(Events.post("/unsubscribe?token=" + unsubscribeToken).form("List-Unsubscribe=One-Click").base64());
            assertThat(done.getStatusCode()).isEqualTo(200);
            assertThat(done.getBody()).contains("You are unsubscribed");
        }
        assertThat(fixture.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(fixture.store.searchesOf(fixture.idOf(email))).noneMatch(SubscriberSearch::live);
        assertThat(call(Events.get("/manage?token=" + manageToken)).getBody()).contains("You are unsubscribed");
    }

    @Test
    void unsubscribe_badToken_is404_andOversizedBody413() {
        assertThat(call(Events.post("/unsubscribe?token=u.0123456789abcdef0123456789abcdef.1.x").form("List-Unsubscribe=One-Click")).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.get("/unsubscribe?token=garbage")).getStatusCode()).isEqualTo(404);
        assertThat(call(Events.post("/unsubscribe?token=x").form("a=" + "b".repeat(20_000))).getStatusCode()).isEqualTo(413);
    }

    @Test
    void signUpAfterUnsubscribing_isFresh_mailsAgainAndRevokesOldLinks() {
        String email = newAddress();
        String oldManage = activeSubscriber(email);
        call(Events.post("/unsubscribe?token=" + oldManage).form("List-Unsubscribe=One-Click"));
        int mailsBefore = fixture.sentTo(email).size();

        assertThat(signUp(email, "{\"query\":\"again\"}").getStatusCode()).isEqualTo(202);
        assertThat(fixture.sentTo(email)).hasSize(mailsBefore + 1);
        // Until the new link is followed, the unsubscribed address stays as it was.
        assertThat(fixture.findByEmail(email).orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email))).getStatusCode()).isEqualTo(200);

        assertThat(call(Events.get("/manage?token=" + oldManage)).getStatusCode()).isEqualTo(404);
        assertThat(fixture.store.searchesOf(fixture.idOf(email))).extracting(s -> s.search().query()).containsExactly("again");
    }

    @Test
    void signUp_cannotOverwriteAConfirmedSearch() {
        String email = newAddress();
        activeSubscriber(email);

        signUp(email, "{\"id\":\"first\",\"query\":\"hijack\"}");
        call(Events.get("/subscriptions/confirm?token=" + fixture.lastTokenFor(email)));

        List<SubscriberSearch> searches = fixture.store.searchesOf(fixture.idOf(email));
        assertThat(searches).filteredOn(s -> s.search().id().equals("first")).singleElement()
                .satisfies(s -> assertThat(s.search().query()).isEqualTo("java")).satisfies(s -> assertThat(s.live()).isTrue());
        // Even its own confirmation adds it beside the owner's search under a new id, never over it.
        assertThat(searches).filteredOn(s -> s.search().query().equals("hijack")).singleElement()
                .satisfies(s -> assertThat(s.search().id()).isNotEqualTo("first"));
    }

    // ------------------------------------------------------------------ rate limits

    @Test
    void tooManyRequests_perSourceIpAndPerAddress_are429WithRetryAfter() {
        ApiHandler strict = fixture.handler(new ApiConfig(null, new ApiConfig.RateLimit(3, Duration.ofMinutes(1)),
                new ApiConfig.RateLimit(2, Duration.ofMinutes(5)), fixture.clock));
        for (int i = 0; i < 3; i++) assertThat(strict.handleRequest(Events.get("/").from("192.0.2.9").build(), null).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse limited = strict.handleRequest(Events.get("/").from("192.0.2.9").build(), null);
        assertThat(limited.getStatusCode()).isEqualTo(429);
        assertThat(limited.getHeaders()).containsEntry("retry-after", "60");
        assertThat(json(limited).at("/error/code").asText()).isEqualTo("too_many_requests");
        assertThat(strict.handleRequest(Events.get("/").from("192.0.2.10").build(), null).getStatusCode()).isEqualTo(200);

        String email = newAddress();
        for (int i = 0; i < 3; i++) {
            var request = Events.post("/subscriptions").json("{\"email\":\"" + email.toUpperCase() + "\"}").from("192.0.3." + i).build();
            assertThat(strict.handleRequest(request, null).getStatusCode()).isEqualTo(i < 2 ? 202 : 429);
        }
    }
}
