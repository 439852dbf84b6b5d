package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.jobalerts.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers; {@link #toEvent()} adds the security headers every response carries. */
record HttpResponse(int status, Map<String, String> headers, String body) {

    /**
     * No inline script or style anywhere (both come from /assets), nothing framed, forms post only to us.
     * Referrer-Policy no-referrer keeps tokens in our URLs from leaking to other sites through links.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "content-security-policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "x-content-type-options", "nosniff",
            "referrer-policy", "no-referrer",
            "x-frame-options", "DENY");

    static HttpResponse json(int status, Object value) {
        return new HttpResponse(status, Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store"), Json.write(value));
    }

    static HttpResponse error(ApiError error) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", error.code());
        detail.put("message", error.message());
        detail.put("field", error.field());
        return json(error.status(), Map.of("error", detail));
    }

    static HttpResponse html(int status, String page) {
        return new HttpResponse(status, Map.of("content-type", "text/html; charset=utf-8", "cache-control", "no-store"), page);
    }

    /** 303 so the browser follows with a GET: a form post answered this way is not re-sent on reload. */
    static HttpResponse seeOther(String location) {
        return new HttpResponse(303, Map.of("location", location, "cache-control", "no-store"), "");
    }

    static HttpResponse noContent() {
        return new HttpResponse(204, Map.of("cache-control", "no-store"), "");
    }

    HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body);
    }

    APIGatewayV2HTTPResponse toEvent() {
        Map<String, String> all = new LinkedHashMap<>(SECURITY_HEADERS);
        all.putAll(headers);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all).withBody(body).withIsBase64Encoded(false).build();
    }
}
