package dev.jobalerts.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on one loopback address (127.0.0.x acts as a separate host) whose pages are set per path by
 * the test, recording every request it sees. Unknown paths, robots.txt included, answer 404.
 */
final class TestHost implements AutoCloseable {

    /** What the server saw: path with query, request headers, when it arrived (System.nanoTime()), method and body. */
    record Seen(String path, Map<String, List<String>> headers, long startNanos, String method, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** One request from its arrival to the end of its answer (System.nanoTime()), to tell which requests overlapped. */
    record Served(String path, long startNanos, long endNanos) {}

    @FunctionalInterface
    interface Page {
        void serve(HttpExchange exchange, int hit) throws IOException;
    }

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
        // ACKs add ~40 ms to every loopback response and blur the timing tests.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    TestHost(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-host-" + address);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::dispatch);
        server.start();
    }

    TestHost() throws IOException {
        this("127.0.0.1");
    }

    TestHost page(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    TestHost text(String path, String contentType, String body) {
        return page(path, (ex, hit) -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    TestHost robots(String body) {
        return text("/robots.txt", "text/plain", body);
    }

    URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    /** Requests other than robots.txt. */
    List<Seen> pagesSeen() {
        return seen.stream().filter(s -> !s.path().equals("/robots.txt")).toList();
    }

    /** Requests whose answer has ended, in the order they ended. */
    List<Served> served() {
        return List.copyOf(served);
    }

    int maxConcurrent() {
        return maxInFlight.get();
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = status == 304 || status == 204 || body == null;
        ex.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        send(ex, status, null, null);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(path, Map.copyOf(ex.getRequestHeaders()), start, ex.getRequestMethod(), body));
        try {
            Page page = pages.get(path);
            int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (page == null) send(ex, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
            else page.serve(ex, hit);
        } catch (IOException clientWentAway) {
            // The fetcher cancels bodies it does not want; that is expected here.
        } finally {
            inFlight.decrementAndGet();
            ex.close();
            served.add(new Served(path, start, System.nanoTime()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
