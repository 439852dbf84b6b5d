package dev.jobalerts.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP endpoint that answers the AWS calls our functions make the way the services answer requests that
 * find or change nothing: DynamoDB ({@code X-Amz-Target: DynamoDB_20120810.*}) with an empty result, Secrets
 * Manager with a placeholder string, SES v2 ({@code /v2/email/...}) with an account quota and a message id.
 *
 * <p>Priming through real HTTP on loopback, rather than an in-memory SDK client, also loads and trains the HTTP
 * client and its JDK transport, which the first real call would otherwise pay for. It binds 127.0.0.1 on a free
 * port and lives only as long as priming: nothing listens when the snapshot is taken.
 */
public final class PrimingEndpoint implements AutoCloseable {
    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String SECRETS_MANAGER = "secretsmanager.";

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final PrimingItems items = new PrimingItems();

    private PrimingEndpoint(HttpServer server) {
        this.server = server;
    }

    public static PrimingEndpoint start() throws IOException {
        // Without TCP_NODELAY each small answer waits for the client's delayed ACK (about 40 ms on Linux loopback),
        // which would make priming minutes long. The JDK server reads this once; nothing else here serves HTTP.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        PrimingEndpoint endpoint = new PrimingEndpoint(server);
        server.createContext("/", endpoint::answer);
        server.start();
        return endpoint;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many AWS calls were answered: a primer that made none exercised nothing of the SDK. */
    public int calls() {
        return calls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            calls.incrementAndGet();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String json;
            String type = "application/x-amz-json-1.0";
            if (target != null && target.startsWith(DYNAMODB)) {
                json = items.answer(target.substring(DYNAMODB.length()), body);
            } else if (target != null && target.startsWith(SECRETS_MANAGER)) {
                json = "{\"Name\":\"priming\",\"SecretString\":\"priming\"}";
                type = "application/x-amz-json-1.1";
            } else if (path.equals("/v2/email/account")) {
                // A high rate: the priming copy paces its sends by it, and its rounds of sample alerts should not wait.
                json = "{\"SendQuota\":{\"Max24HourSend\":1000000,\"MaxSendRate\":100000,\"SentLast24Hours\":0},\"SendingEnabled\":true}";
                type = "application/json";
            } else if (path.equals("/v2/email/outbound-emails")) {
                json = "{\"MessageId\":\"priming\"}";
                type = "application/json";
            } else {
                json = "{}";
                type = "application/json";
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "priming-" + calls.get());
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
