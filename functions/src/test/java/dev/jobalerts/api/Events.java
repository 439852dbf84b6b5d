package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds API Gateway HTTP API (payload 2.0) events the way Lambda receives them: as JSON text, read by the
 * Lambda runtime's own serializer, so tests see exactly the fields a deployed function sees.
 */
final class Events {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, Events.class.getClassLoader());

    private final String method;
    private final String path;
    private String rawQuery = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private boolean base64;
    private String sourceIp = "198.51.100.1";

    private Events(String method, String path) {
        this.method = method;
        this.path = path;
        headers.put("host", "api.test");
        headers.put("x-forwarded-proto", "https");
    }

    static Events request(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        Events events = new Events(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) events.rawQuery = pathAndQuery.substring(q + 1);
        return events;
    }

    static Events get(String pathAndQuery) {
        return request("GET", pathAndQuery);
    }

    static Events post(String pathAndQuery) {
        return request("POST", pathAndQuery);
    }

    Events json(String json) {
        headers.put("content-type", "application/json");
        body = json;
        return this;
    }

    Events form(String urlEncoded) {
        headers.put("content-type", "application/x-www-form-urlencoded");
        body = urlEncoded;
        return this;
    }

    Events body(String contentType, String text) {
        if (contentType != null) headers.put("content-type", contentType);
        body = text;
        return this;
    }

    /** Sends the body base64-encoded, as API Gateway does for form posts and binary types. */
    Events base64() {
        body = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        base64 = true;
        return this;
    }

    Events rawBase64(String encoded) {
        body = encoded;
        base64 = true;
        return this;
    }

    Events header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Events from(String ip) {
        sourceIp = ip;
        return this;
    }

    APIGatewayV2HTTPEvent build() {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        // API Gateway joins repeated names with commas and omits the map when there is no query string.
        if (!rawQuery.isEmpty()) {
            ObjectNode params = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.put(name, params.has(name) ? params.get(name).asText() + "," + value : value);
                } catch (IllegalArgumentException e) {
                    params.put(pair, "");
                }
            }
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("domainName", "api.test");
        context.put("stage", "$default");
        context.put("requestId", "test-request");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", "junit");
        if (body != null) event.put("body", body);
        event.put("isBase64Encoded", base64);
        return parse(Json.write(event));
    }

    static APIGatewayV2HTTPEvent parse(String json) {
        return SERIALIZER.fromJson(json);
    }

    static APIGatewayV2HTTPEvent load(String fileUnderFunctionsEvents) {
        try {
            return parse(Files.readString(Path.of("events", fileUnderFunctionsEvents)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
