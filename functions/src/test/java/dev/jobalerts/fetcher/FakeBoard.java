package dev.jobalerts.fetcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job board's API played back on loopback from a script: each route matches a method, a host, a path, query
 * parameters, JSON body members and headers, and answers with a fixture file. Requests that match no route get a
 * 404 and are kept, so a test can say the adapter asked for nothing it should not. Every request is recorded with
 * its arrival time, for politeness checks.
 *
 * <p>Script ({@code src/test/resources/fakes/NAME.json}): {@code {"source": {…definition…}, "environment": {…},
 * "hosts": [more hosts to route here], "routes": [{"method", "host", "path" | "pattern", "query": {…}, "body": {…},
 * "headers": {…}, "status", "contentType", "answerHeaders": {…}, "file" | "template" | "text", "role"}], "expect": {"postings": [ids…],
 * "listed": n}}}. {@code path} matches exactly, {@code pattern} is a regular expression over the whole path;
 * {@code file} names a file of the fixture corpus, {@code template} a file under {@code fakes/templates/} in which
 * {@code {1}}, {@code {2}} … become the pattern's groups. {@code role: "detail"} marks routes a second run must not ask.
 */
public final class FakeBoard implements AutoCloseable {
    /** The fixture corpus and the scripts, from the functions module or from infra beside it (which shares them). */
    public static final Path FIXTURES = shared("src/test/resources/fixtures");
    public static final Path SCRIPTS = shared("src/test/resources/fakes");

    private static Path shared(String path) {
        Path here = Path.of(path);
        return Files.isDirectory(here) ? here : Path.of("..", "functions").resolve(path);
    }

    /** One request as the fake saw it. */
    public record Seen(String method, String host, String path, Map<String, String> query, String body, Map<String, String> headers,
                long nanos, boolean matched) {}

    private final HttpServer server;
    private final List<JsonNode> routes;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FakeBoard(List<JsonNode> routes) throws IOException {
        this.routes = List.copyOf(routes);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-board");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    public static JsonNode script(String name) throws IOException {
        return Json.mapper().readTree(SCRIPTS.resolve(name).toFile());
    }

    public URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> unmatched() {
        return seen.stream().filter(s -> !s.matched() && !s.path().equals("/robots.txt")).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String host = hostOf(exchange);
            Map<String, String> query = query(uri.getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            JsonNode route = routes.stream().filter(r -> matches(r, exchange.getRequestMethod(), host, uri.getPath(), query, body, headers))
                    .findFirst().orElse(null);
            seen.add(new Seen(exchange.getRequestMethod(), host, uri.getPath(), query, body, headers, System.nanoTime(), route != null));
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] answer = answer(route, uri.getPath());
            exchange.getResponseHeaders().set("Content-Type", route.path("contentType").asText(contentType(route)));
            route.path("answerHeaders").properties().forEach(h -> exchange.getResponseHeaders().set(h.getKey(), h.getValue().asText()));
            exchange.sendResponseHeaders(route.path("status").asInt(200), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static byte[] answer(JsonNode route, String path) throws IOException {
        if (route.has("file")) return Files.readAllBytes(FIXTURES.resolve(route.get("file").asText()));
        if (!route.has("template")) return route.path("text").asText("").getBytes(StandardCharsets.UTF_8);
        String text = Files.readString(SCRIPTS.resolve("templates").resolve(route.get("template").asText()), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile(route.path("pattern").asText()).matcher(path);
        if (m.matches()) {
            for (int g = m.groupCount(); g >= 1; g--) {
                String value = Json.mapper().writeValueAsString(m.group(g));
                text = text.replace("{" + g + "}", value.substring(1, value.length() - 1));
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The board the request was for: X-Forwarded-Host when it was routed here, else the Host header. */
    private static String hostOf(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("X-Forwarded-Host");
        if (host == null) host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) return "";
        int colon = host.lastIndexOf(':');
        return (colon > 0 ? host.substring(0, colon) : host).toLowerCase();
    }

    private static boolean matches(JsonNode route, String method, String host, String path, Map<String, String> query, String body,
            Map<String, String> headers) {
        if (!route.path("method").asText("GET").equalsIgnoreCase(method)) return false;
        if (route.has("host") && !route.get("host").asText().equalsIgnoreCase(host)) return false;
        if (route.has("pattern") ? !Pattern.compile(route.get("pattern").asText()).matcher(path).matches()
                : !route.path("path").asText().equals(path)) return false;
        for (Map.Entry<String, JsonNode> q : route.path("query").properties())
            if (!q.getValue().asText().equals(query.get(q.getKey()))) return false;
        for (Map.Entry<String, JsonNode> h : route.path("headers").properties())
            if (!h.getValue().asText().equals(headers.get(h.getKey().toLowerCase()))) return false;
        if (route.has("body")) {
            JsonNode sent;
            try {
                sent = Json.mapper().readTree(body);
            } catch (IOException e) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : route.get("body").properties())
                if (sent == null || !member.getValue().equals(sent.get(member.getKey()))) return false;
        }
        return true;
    }

    private static String contentType(JsonNode route) {
        String file = route.path("file").asText("");
        if (file.endsWith(".json")) return "application/json";
        if (file.endsWith(".xml")) return "application/xml";
        return "text/html; charset=utf-8";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) return params;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    public static List<JsonNode> routes(JsonNode script) {
        List<JsonNode> routes = new ArrayList<>();
        script.path("routes").forEach(routes::add);
        return routes;
    }

    /** Every script's file name, sorted. */
    public static List<String> scripts() throws IOException {
        try (var files = Files.list(SCRIPTS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    /** Every host a script's family may ask: the source's own, those it lists and those its routes name. */
    public static java.util.Set<String> hosts(JsonNode script) {
        java.util.Set<String> hosts = new java.util.LinkedHashSet<>();
        hosts.add(URI.create(script.path("source").path("url").asText()).getHost());
        script.path("hosts").forEach(h -> hosts.add(h.asText()));
        script.path("routes").forEach(r -> {
            if (r.has("host")) hosts.add(r.get("host").asText());
        });
        return hosts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
