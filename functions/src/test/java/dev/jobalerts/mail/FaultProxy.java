package dev.jobalerts.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback HTTP proxy in front of the SES emulator that answers some SendEmail calls itself with an SES-style
 * error instead of forwarding them. An injected answer means the emulator never saw the request, so a retry of it
 * is exactly what a real throttled client would do; {@link #forwarded()} counts what reached the emulator.
 */
public final class FaultProxy implements AutoCloseable {
    /** An error the proxy answers with, shaped like an SES v2 REST-JSON error. */
    public record Fault(int status, String errorType, String message) {
        public static final Fault TOO_MANY_REQUESTS = new Fault(429, "TooManyRequestsException", "Too Many Requests");
        public static final Fault MAX_RATE = new Fault(400, "Throttling", "Maximum sending rate exceeded.");
        public static final Fault REJECTED = new Fault(400, "MessageRejected", "Email address is not verified.");
        public static final Fault INTERNAL = new Fault(500, "InternalFailure", "We encountered an internal error.");
    }

    private static final String SEND_PATH = "/v2/email/outbound-emails";
    /** Headers java.net.http sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpServer server;
    private final URI upstream;
    private final IntFunction<Fault> faultForSend;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();

    /**
     * @param faultForSend given the 0-based index of a SendEmail call, the fault to answer with, or null to forward
     */
    public FaultProxy(URI upstream, IntFunction<Fault> faultForSend) throws IOException {
        this.upstream = upstream;
        this.faultForSend = faultForSend;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** SendEmail calls that reached the emulator. */
    public int forwarded() {
        return forwarded.get();
    }

    /** SendEmail calls the proxy answered itself. */
    public int injected() {
        return injected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean isSend = exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals(SEND_PATH);
            Fault fault = isSend ? faultForSend.apply(sends.getAndIncrement()) : null;
            if (fault != null) {
                injected.incrementAndGet();
                byte[] error = ("{\"__type\":\"" + fault.errorType() + "\",\"message\":\"" + fault.message() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("x-amzn-ErrorType", fault.errorType());
                reply(exchange, fault.status(), error);
                return;
            }
            if (isSend) forwarded.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) values.forEach(v -> request.header(name, v));
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String name : List.of("content-type", "x-amzn-requestid", "x-amzn-errortype"))
                response.headers().allValues(name).forEach(v -> exchange.getResponseHeaders().add(name, v));
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
