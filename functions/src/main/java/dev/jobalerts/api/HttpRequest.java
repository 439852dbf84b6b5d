package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an API Gateway HTTP API (payload v2) event the routes read, with nulls replaced by empties.
 * Header names are lower-cased (API Gateway already does; the local server and tests might not).
 */
record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                   String body, boolean base64, String sourceIp, String domainName) {

    /** Bodies above this are refused with 413 before they are decoded or parsed. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    static HttpRequest from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var http = context == null ? null : context.getHttp();
        String method = http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() != null ? event.getRawPath() : http != null && http.getPath() != null ? http.getPath() : "/";
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) event.getHeaders().forEach((k, v) -> { if (k != null && v != null) headers.put(k.toLowerCase(Locale.ROOT), v); });
        Map<String, String> query = event.getQueryStringParameters() != null
                ? new LinkedHashMap<>(event.getQueryStringParameters())
                : parseQuery(event.getRawQueryString());
        query.values().removeIf(v -> v == null);
        return new HttpRequest(method, path, Map.copyOf(query), Map.copyOf(headers), event.getBody() == null ? "" : event.getBody(),
                event.getIsBase64Encoded(), http == null ? null : http.getSourceIp(), context == null ? null : context.getDomainName());
    }

    /** Parses a raw query string leniently: the first value of a name wins, undecodable pairs are dropped. */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return query;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(name, value);
            } catch (IllegalArgumentException malformedEscape) {
                // A broken %-escape in a name we do not read anyway; the token check rejects a broken token.
            }
        }
        return query;
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The media type without parameters, lower-cased; empty when absent. */
    String mediaType() {
        String type = headers.getOrDefault("content-type", "");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    boolean isForm() {
        return mediaType().equals("application/x-www-form-urlencoded");
    }

    boolean isJson() {
        String type = mediaType();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    boolean hasBody() {
        return !body.isEmpty();
    }

    String token() {
        return query.get("token");
    }

    /** The body's bytes, refused when over {@link #MAX_BODY_BYTES} or when the base64 is broken. */
    Outcome<byte[]> bodyBytes() {
        // Checked on the encoded length first so an oversized body is never decoded (base64 grows by 4/3).
        if (body.length() > (base64 ? (MAX_BODY_BYTES / 3 + 1) * 4 : MAX_BODY_BYTES * 4))
            return Outcome.failed(ApiError.tooLarge(MAX_BODY_BYTES));
        byte[] bytes;
        if (base64) {
            try {
                bytes = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return Outcome.failed(ApiError.badRequest("malformed_body", "The body is marked base64 but is not valid base64.", null));
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) return Outcome.failed(ApiError.tooLarge(MAX_BODY_BYTES));
        return Outcome.ok(bytes);
    }
}
