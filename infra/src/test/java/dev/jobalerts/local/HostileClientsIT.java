package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local HTTP API facing clients that do not play by the rules, spoken to over raw sockets: one that sends half a
 * request and waits, malformed requests, spoofed forwarding headers. Every request gets an answer, in JSON, and no
 * client holds up another.
 */
class HostileClientsIT {
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private LocalHttpApi server;

    @BeforeEach
    void start() {
        server = new LocalHttpApi((event, context) -> {
            received.set(event);
            order.add(event.getRawPath());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(404).withHeaders(java.util.Map.of("content-type", "application/json"))
                    .withBody("{\"error\":{\"code\":\"not_found\"}}").build();
        }, 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientHoldingAHalfSentRequest_blocksNoOtherClient() throws IOException {
        try (Socket slow = socket()) {
            slow.getOutputStream().write("POST /subscriptions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"email\":".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();

            String answer = exchange("GET /healthy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 404");
            assertThat(order).containsExactly("/healthy");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            undecodable query       | GET /manage?token=%zz HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n
            bad chunk size          | POST /subscriptions HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\nConnection: close\\r\\n\\r\\nzz\\r\\nabc\\r\\n0\\r\\n\\r\\n
            garbage request line    | GARBAGE\\r\\n\\r\\n
            oversized headers       | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-Big: BIG\\r\\nConnection: close\\r\\n\\r\\n
            """)
    void aMalformedRequest_getsAJson4xx_neverAStackTrace(String name, String request) throws IOException {
        String wire = request.replace("\\r\\n", "\r\n").replace("BIG", "a".repeat(40_000));

        String answer = exchange(wire);

        assertThat(answer).matches("(?s)HTTP/1\\.1 4\\d\\d .*").contains("application/json").contains("{\"message\":\"")
                .doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    void bareLineFeeds_stillGetAnAnswer() throws IOException {
        String answer = exchange("GET /bare HTTP/1.1\nHost: x\nConnection: close\n\n");
        assertThat(answer).startsWith("HTTP/1.1 ");
    }

    @Test
    void aDoubleSlashPath_isAnsweredInJson() throws IOException {
        String answer = exchange("GET //subscriptions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 4").contains("application/json").doesNotContain("<html");
    }

    @Test
    void aSpoofedForwardingHeader_doesNotChangeTheClientAddress() throws IOException {
        exchange("GET /who HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n");

        assertThat(received.get().getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(received.get().getHeaders()).containsEntry("x-forwarded-for", "127.0.0.1");
    }

    @Test
    void behindATrustedProxy_theForwardedClientIsTheAddress() throws IOException {
        server.close();
        server = new LocalHttpApi((event, context) -> {
            received.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
        }, "127.0.0.1", 0, Set.of("127.0.0.1"));
        server.start();

        exchange("GET /who HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 198.51.100.1, 203.0.113.7\r\nConnection: close\r\n\r\n");

        assertThat(received.get().getRequestContext().getHttp().getSourceIp()).isEqualTo("203.0.113.7");
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Sends the bytes and reads the answer until the server closes the connection. */
    private String exchange(String wire) throws IOException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(wire.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
