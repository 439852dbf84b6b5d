package dev.jobalerts.local;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.jobalerts.local.cloud.LocalContext;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a Lambda handler for API Gateway HTTP API (payload format 2.0) on a loopback port, translating each HTTP
 * request into the event API Gateway would send and the handler's response back. Loopback only: it is for the
 * local cloud and browser tests, never a public server.
 * <p>
 * Like API Gateway it lower-cases header names, joins repeated query parameters with commas, moves cookies to
 * {@code cookies}, base64-encodes bodies that are not text (form posts included), caps bodies at 10 MB and
 * answers 500 {"message":"Internal Server Error"} when the handler throws.
 */
public final class LocalHttpApi implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final int requestedPort;
    private HttpServer server;
    private ExecutorService executor;

    /** @param port the loopback port to listen on, or 0 for any free one (see {@link #port()}) */
    public LocalHttpApi(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, int port) {
        this.handler = handler;
        this.requestedPort = port;
    }

    public synchronized void start() {
        if (server != null) throw new IllegalStateException("already started");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + requestedPort, e);
        }
        // One request at a time, as one Lambda instance handles them.
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "local-http-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public int port() {
        if (server == null) throw new IllegalStateException("not started");
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (server == null) return;
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            APIGatewayV2HTTPResponse response;
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                response = APIGatewayV2HTTPResponse.builder().withStatusCode(413)
                        .withHeaders(Map.of("content-type", "application/json")).withBody("{\"message\":\"Request Entity Too Large\"}").build();
            } else {
                try {
                    response = handler.handleRequest(toEvent(exchange, body), new LocalContext("ApiFunction", 15));
                } catch (RuntimeException | LinkageError e) {
                    // Locally the stack trace helps the developer; the client still only sees API Gateway's generic 500.
                    e.printStackTrace();
                    response = null;
                }
                if (response == null) response = APIGatewayV2HTTPResponse.builder().withStatusCode(500)
                        .withHeaders(Map.of("content-type", "application/json")).withBody("{\"message\":\"Internal Server Error\"}").build();
            }
            send(exchange, response);
        }
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> Arrays.stream(v.split(";")).map(String::strip).filter(c -> !c.isEmpty()).forEach(cookies::add));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        String host = headers.getOrDefault("host", "127.0.0.1");
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-for", exchange.getRemoteAddress().getAddress().getHostAddress());
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = isText(contentType);

        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(rawPath).withProtocol(exchange.getProtocol())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.get("user-agent")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withDomainName(host.replaceFirst(":\\d+$", "")).withDomainPrefix("local")
                .withRequestId(UUID.randomUUID().toString()).withRouteKey("$default").withStage("$default")
                .withApiId("local").withAccountId("000000000000").withTimeEpoch(Instant.now().toEpochMilli()).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(rawPath).withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withQueryStringParameters(queryParameters(rawQuery)).withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(context).build();
    }

    /** Text bodies arrive as strings; everything else (form posts included) base64-encoded, as API Gateway does. */
    static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("application/xml") || type.startsWith("application/javascript");
    }

    /** Decoded parameters, repeated names joined with commas; null when there is no query string, as API Gateway sends. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The whole body, or null when it is over the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) response.getHeaders().forEach(headers::set);
        if (response.getMultiValueHeaders() != null) response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        if (response.getCookies() != null) response.getCookies().forEach(cookie -> headers.add("set-cookie", cookie));
        String text = response.getBody();
        byte[] body = text == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        boolean noBody = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
