package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalHttpApiIT {
    private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private final AtomicReference<APIGatewayV2HTTPResponse> reply = new AtomicReference<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private LocalHttpApi server;

    @BeforeEach
    void start() {
        server = new LocalHttpApi((event, context) -> {
            received.set(event);
            if (reply.get() == null) throw new IllegalStateException("boom");
            return reply.get();
        }, 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    @Test
    void request_becomesPayloadV2Event() throws Exception {
        reply.set(APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build());

        send(HttpRequest.newBuilder(uri("/manage/searches/s1?token=a%2Bb&x=1&x=2")).header("X-Custom", "Yes")
                .header("Cookie", "a=1; b=2").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"q\":\"é\"}")));

        APIGatewayV2HTTPEvent event = received.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRawPath()).isEqualTo("/manage/searches/s1");
        assertThat(event.getRawQueryString()).isEqualTo("token=a%2Bb&x=1&x=2");
        assertThat(event.getQueryStringParameters()).containsEntry("token", "a+b").containsEntry("x", "1,2");
        assertThat(event.getHeaders()).containsEntry("x-custom", "Yes").containsEntry("x-forwarded-proto", "http").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("PUT");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getDomainName()).isEqualTo("127.0.0.1");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getBody()).isEqualTo("{\"q\":\"é\"}");
    }

    @Test
    void formBody_arrivesBase64Encoded_andNoQueryMeansNoParameters() throws Exception {
        reply.set(APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build());

        send(HttpRequest.newBuilder(uri("/unsubscribe")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));

        APIGatewayV2HTTPEvent event = received.get();
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(event.getQueryStringParameters()).isNull();
    }

    @Test
    void response_carriesStatusHeadersCookiesAndDecodedBody() throws Exception {
        reply.set(APIGatewayV2HTTPResponse.builder().withStatusCode(201).withHeaders(Map.of("content-type", "text/plain", "x-one", "1"))
                .withCookies(List.of("session=abc; HttpOnly")).withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))).build());

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/")).GET());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-one")).contains("1");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly");
        assertThat(response.body()).isEqualTo("hello");
    }

    @Test
    void handlerFailure_isApiGatewaysGeneric500() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/")).GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
}
