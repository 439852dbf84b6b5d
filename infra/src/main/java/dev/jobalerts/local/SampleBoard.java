package dev.jobalerts.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.ops.Definitions;
import dev.jobalerts.source.SourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The bundled sample job board: the pages under {@code sample-board/} in jobalerts.jar served on loopback, so
 * {@code demo} and {@code serve} fetch real HTTP responses (conditional GET included) without the internet.
 */
public final class SampleBoard implements AutoCloseable {
    static final String ROOT = "/sample-board";
    private final HttpServer server;

    private SampleBoard(HttpServer server) {
        this.server = server;
    }

    public static SampleBoard start(int port) {
        return start("127.0.0.1", port);
    }

    /** Serves on {@code host} (127.0.0.1 unless the operator exposes the local cloud). */
    public static SampleBoard start(String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
            server.createContext("/", SampleBoard::serve);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "sample-board");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return new SampleBoard(server);
        } catch (IOException e) {
            throw new IllegalStateException("sample board could not listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bundled sample sources ({@code sample-sources.json}) pointed at a board listening on {@code baseUrl}, checked
     * as {@code sources import} checks an operator's file.
     */
    public static List<SourceDefinition> sources(String baseUrl) {
        try (InputStream in = SampleBoard.class.getResourceAsStream("/sample-sources.json")) {
            if (in == null) throw new IllegalStateException("sample-sources.json is missing from the jar");
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${board}", baseUrl);
            return Definitions.ofArray(Json.mapper().readTree(json), "sample-sources.json");
        } catch (IOException e) {
            throw new UncheckedIOException("sample-sources.json is unreadable", e);
        }
    }

    public String baseUrl() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            // The sample APIs (Workday's cxs) are queried with POST; each sample listing fits one page.
            boolean allowed = method.equals("GET") || (method.equals("POST") && path.startsWith("/wday/"));
            if (path.contains("..") || !allowed) {
                exchange.sendResponseHeaders(path.contains("..") ? 400 : 405, -1);
                return;
            }
            byte[] body = resource(path);
            if (body == null) body = resource(path + ".json");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (path.startsWith("/wday/")) path = path + ".json";
            // A strong validator from the content, so a second fetch of an unchanged page is a 304.
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Content-Type", contentType(path, body));
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SampleBoard.class.getResourceAsStream(ROOT + path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    static String contentType(String path, byte[] body) {
        if (path.endsWith(".json")) return "application/json";
        if (path.endsWith(".xml")) {
            String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8);
            return head.contains("<feed") ? "application/atom+xml" : "application/rss+xml";
        }
        if (path.endsWith(".txt")) return "text/plain; charset=utf-8";
        return "text/html; charset=utf-8";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
