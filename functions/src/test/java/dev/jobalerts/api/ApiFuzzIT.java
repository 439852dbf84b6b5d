package dev.jobalerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.subscribe.SubscriberStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random requests — mutated JSON and form bodies, odd content types, broken base64, junk query strings and
 * paths, genuine and damaged tokens — must never produce a 500 or leak an internal name.
 */
class ApiFuzzIT {
    private static final long SEED = 20261122L;
    private static final int CASES = 600;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=zz", "", "application/ld+json",
            "application/JSON", "application/x-www-form-urlencoded; charset=ISO-8859-1");
    private static final List<String> JSON_SEEDS = List.of(
            "{\"email\":\"fuzz@example.com\",\"search\":{\"id\":\"s1\",\"query\":\"java AND (go OR rust)\",\"locations\":[\"Berlin\"],"
                    + "\"remote\":\"include\",\"minSalary\":50000,\"currency\":\"EUR\",\"postedWithinDays\":7,\"employmentTypes\":[\"FULL_TIME\"]},\"frequency\":\"daily\"}",
            "{\"query\":\"python\",\"locations\":[\"Remote\",\"Lisbon\"],\"remote\":\"only\",\"minSalary\":1e3}",
            "{\"frequency\":\"weekly\"}",
            "{\"id\":\"x\",\"companies\":[\"ACME\"],\"excludeCompanies\":null,\"employmentTypes\":[\"part-time\"]}");
    private static final List<String> FORM_SEEDS = List.of(
            "email=fuzz%40example.com&query=java&locations=Berlin%2C+Paris&remote=any&minSalary=100&frequency=instant",
            "List-Unsubscribe=One-Click", "frequency=daily", "query=a&minSalary=&remote=exclude");
    private static final String ODD = "{}[]\",:\\%&=+#?/<>'`\u0000\u00e9\u2028\ud83d\ude00\uffff -_.e0123456789nultrf";

    private static ApiFixture fixture;
    private static ApiHandler handler;
    private static List<String> tokens;

    @BeforeAll
    static void start() {
        fixture = new ApiFixture();
        handler = fixture.handler();
        String email = "fuzz-owner@example.com";
        handler.handleRequest(Events.post("/subscriptions").json("{\"email\":\"" + email + "\",\"search\":{\"id\":\"s1\"}}").build(), null);
        String confirm = fixture.lastTokenFor(email);
        handler.handleRequest(Events.get("/subscriptions/confirm?token=" + confirm).build(), null);
        var subscriber = fixture.store.find(fixture.idOf(email)).orElseThrow();
        tokens = List.of(confirm, fixture.subscriptions.manageToken(subscriber), fixture.subscriptions.unsubscribeToken(subscriber),
                fixture.subscriptions.feedToken(subscriber));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void randomMalformedRequests_neverAnswer500OrLeakInternals() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            String[] route = route(random);
            String method = random.nextInt(5) == 0 ? pick(random, METHODS) : route[0];
            Events request = Events.request(method, route[1] + query(random));
            String contentType = random.nextBoolean() ? "application/json" : pick(random, CONTENT_TYPES);
            int bodyKind = random.nextInt(7);
            switch (bodyKind) {
                case 0 -> { }
                case 1 -> request.body(contentType, mutate(random, pick(random, JSON_SEEDS)));
                case 2 -> request.body(contentType, mutate(random, pick(random, FORM_SEEDS)));
                case 3 -> request.body(contentType, junk(random, random.nextInt(300)));
                case 4 -> request.body(contentType, "[".repeat(random.nextInt(3000)) + "{\"a\":" + "9".repeat(random.nextInt(2000)));
                case 5 -> request.body(contentType, junk(random, 16 * 1024 + random.nextInt(30_000)));
                default -> request.body(contentType, mutate(random, pick(random, JSON_SEEDS))).base64();
            }
            if (random.nextInt(20) == 0) request.rawBase64(junk(random, 40));
            if (random.nextInt(10) == 0) request.header("host", junk(random, 20));
            APIGatewayV2HTTPResponse response = handler.handleRequest(request.build(), null);
            statuses.merge(response.getStatusCode(), 1, Integer::sum);
            String body = response.getBody() == null ? "" : response.getBody();
            if (response.getStatusCode() >= 500 || body.contains("dev.jobalerts") || body.contains("Exception") || body.contains("jackson"))
                failures.add("case " + i + ": " + response.getStatusCode() + " " + body.substring(0, Math.min(200, body.length())));
            assertThat(response.getHeaders()).containsKey("content-security-policy");
        }
        assertThat(failures).isEmpty();
        System.out.println("fuzz statuses " + statuses);
        // The cases reach past the first checks: successes and each kind of refusal all occur.
        assertThat(statuses).containsKeys(200, 400, 404, 405, 413, 415);
    }

    /** A method and path that mostly name a real route, so cases get past routing into body and token checks. */
    private static String[] route(Random random) {
        String id = random.nextInt(4) > 0 ? "s1" : junk(random, 8).replace("/", "");
        List<String[]> routes = List.of(new String[] {"GET", "/"}, new String[] {"POST", "/subscriptions"},
                new String[] {"GET", "/subscriptions/confirm"}, new String[] {"GET", "/manage"},
                new String[] {"GET", "/manage/searches"}, new String[] {"POST", "/manage/searches"},
                new String[] {"PUT", "/manage/searches/" + id}, new String[] {"DELETE", "/manage/searches/" + id},
                new String[] {"POST", "/manage/searches/" + id}, new String[] {"POST", "/manage/searches/" + id + "/pause"},
                new String[] {"POST", "/manage/searches/" + id + "/resume"}, new String[] {"POST", "/manage/searches/" + id + "/delete"},
                new String[] {"PUT", "/manage/frequency"}, new String[] {"POST", "/manage/frequency"},
                new String[] {"GET", "/unsubscribe"}, new String[] {"POST", "/unsubscribe"}, new String[] {"GET", "/assets/app.js"},
                new String[] {"GET", "/manage/"}, new String[] {"POST", "/manage/searches/a/b/c/d"}, new String[] {"GET", "/" + junk(random, 10)},
                new String[] {"POST", "/subscriptions/preview"}, new String[] {"POST", "/manage/preview"},
                new String[] {"GET", "/feeds/" + pick(random, tokens) + ".atom"}, new String[] {"GET", "/feeds/" + mutate(random, pick(random, tokens)) + ".atom"});
        return pick(random, routes);
    }

    private static String query(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "";
            case 1, 2 -> "?token=" + pick(random, tokens);
            case 3 -> "?token=" + mutate(random, pick(random, tokens));
            case 4 -> "?token=" + junk(random, random.nextInt(300)).replace("&", "").replace("#", "");
            case 5 -> "?token=%zz&token=" + pick(random, tokens) + "&x";
            default -> "?" + junk(random, 30).replace("#", "");
        };
    }

    private static String mutate(Random random, String seed) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ODD.charAt(random.nextInt(ODD.length())));
                default -> text.setCharAt(at, ODD.charAt(random.nextInt(ODD.length())));
            }
        }
        return text.toString();
    }

    private static String junk(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) text.append(ODD.charAt(random.nextInt(ODD.length())));
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
