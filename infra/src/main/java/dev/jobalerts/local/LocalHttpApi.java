package dev.jobalerts.local;

import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.jobalerts.local.cloud.LocalContext;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a Lambda handler for API Gateway HTTP API (payload format 2.0) on a loopback port, translating each HTTP
 * request into the event API Gateway would send and the handler's response back. It binds 127.0.0.1 unless the
 * operator names another address.
 * <p>
 * Like API Gateway it lower-cases header names, joins repeated query parameters with commas, moves cookies to
 * {@code cookies}, base64-encodes bodies that are not text (form posts included), caps bodies at 10 MB and
 * answers 500 {"message":"Internal Server Error"} when the handler throws. Like a server facing the internet it serves
 * clients concurrently, gives up on a client that stops sending (idle timeout), caps request headers, and answers a
 * request it cannot parse — a bare line feed, a bad chunk size, an undecodable URI — with a JSON 400, never a stack
 * trace. It runs on Jetty (the one DynamoDB Local brings); the JDK's built-in server has none of these limits per server.
 */
public final class LocalHttpApi implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** A client that sends nothing for this long is cut off; a half-sent request holds one thread at most this long. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** Request line and headers together; API Gateway allows 10 KB of headers. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int THREADS = 16;

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final String host;
    private final int requestedPort;
    private final Set<String> trustedProxies;
    private Server server;
    private ServerConnector connector;

    /** @param port the loopback port to listen on, or 0 for any free one (see {@link #port()}) */
    public LocalHttpApi(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, int port) {
        this(handler, "127.0.0.1", port, Set.of());
    }

    /**
     * @param host           the address to listen on (127.0.0.1 unless the operator exposes it, e.g. behind a proxy)
     * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the client; from any other
     *                       peer the header is ignored, so a client cannot pick the address it is rate-limited by
     */
    public LocalHttpApi(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String host, int port,
            Set<String> trustedProxies) {
        this.handler = handler;
        this.host = host;
        this.requestedPort = port;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public synchronized void start() {
        if (server != null) throw new IllegalStateException("already started");
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("local-http-api");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(requestedPort);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setHandler(new Adapter());
        server.setErrorHandler(new JsonErrors());
        try {
            server.start();
        } catch (Exception e) {
            server = null;
            throw new IllegalStateException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        if (server == null) throw new IllegalStateException("not started");
        return connector.getLocalPort();
    }

    @Override
    public synchronized void close() {
        if (server == null) return;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("local HTTP API did not stop", e);
        } finally {
            server = null;
        }
    }

    /** One request in, the handler's answer out, on one of the server's threads. */
    private final class Adapter extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            APIGatewayV2HTTPResponse answer;
            try {
                byte[] body = Content.Source.asInputStream(request).readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    answer = json(413, "Request Entity Too Large");
                } else {
                    answer = invoke(toEvent(Incoming.of(request, clientAddress(request)), body));
                }
            } catch (IllegalArgumentException malformed) {
                answer = json(400, "Bad Request");
            } catch (IOException clientWentAway) {
                callback.failed(clientWentAway);
                return true;
            }
            send(request, response, callback, answer);
            return true;
        }
    }

    private APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response;
        try {
            response = handler.handleRequest(event, new LocalContext("ApiFunction", 15));
        } catch (RuntimeException | LinkageError e) {
            // Locally the stack trace helps the developer; the client still only sees API Gateway's generic 500.
            e.printStackTrace();
            response = null;
        }
        return response != null ? response : json(500, "Internal Server Error");
    }

    /** The socket's peer, or the client a trusted proxy names (the last address it appended to X-Forwarded-For). */
    private String clientAddress(Request request) {
        String peer = Request.getRemoteAddr(request);
        if (!trustedProxies.contains(peer)) return peer;
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) return peer;
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }

    static APIGatewayV2HTTPResponse json(int status, String message) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json")).withBody("{\"message\":\"" + message + "\"}").build();
    }

    /** What API Gateway answers for a request it cannot read, in the same JSON shape as every other error. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 400;
            String reason = status == 400 ? "Bad Request" : HttpStatus.getMessage(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, "{\"message\":\"" + reason + "\"}", callback);
            return true;
        }
    }

    /** What the event needs of a request, read once. */
    record Incoming(String method, String rawPath, String rawQuery, String protocol, String clientAddress, Map<String, List<String>> headers) {
        static Incoming of(Request request, String clientAddress) {
            HttpURI uri = request.getHttpURI();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
            return new Incoming(request.getMethod(), uri.getPath(), uri.getQuery(), request.getConnectionMetaData().getProtocol(),
                    clientAddress, headers);
        }
    }

    /** @throws IllegalArgumentException for a request API Gateway would refuse (an undecodable query string) */
    static APIGatewayV2HTTPEvent toEvent(Incoming in, byte[] body) {
        String method = in.method().toUpperCase(Locale.ROOT);
        String rawPath = in.rawPath();
        String rawQuery = in.rawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        in.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> Arrays.stream(v.split(";")).map(String::strip).filter(c -> !c.isEmpty()).forEach(cookies::add));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        String host = headers.getOrDefault("host", "127.0.0.1");
        headers.putIfAbsent("x-forwarded-proto", "http");
        // API Gateway's own view of the client, whatever the client claimed.
        headers.put("x-forwarded-for", in.clientAddress());
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = isText(contentType);

        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(rawPath).withProtocol(in.protocol())
                .withSourceIp(in.clientAddress())
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

    /** URL-decoding as API Gateway does; a malformed escape ({@code %zz}) makes the whole request a 400. */
    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void send(Request request, Response response, Callback callback, APIGatewayV2HTTPResponse answer) {
        HttpFields.Mutable headers = response.getHeaders();
        if (answer.getHeaders() != null) answer.getHeaders().forEach(headers::put);
        if (answer.getMultiValueHeaders() != null) answer.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        if (answer.getCookies() != null) answer.getCookies().forEach(cookie -> headers.add("set-cookie", cookie));
        String text = answer.getBody();
        byte[] body = text == null ? new byte[0]
                : answer.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        int status = answer.getStatusCode() == 0 ? 200 : answer.getStatusCode();
        response.setStatus(status);
        boolean noBody = body.length == 0 || status == 204 || status == 304 || request.getMethod().equalsIgnoreCase("HEAD");
        response.write(true, noBody ? null : ByteBuffer.wrap(body), callback);
    }
}
