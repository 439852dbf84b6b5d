package dev.jobalerts.adapter;

import dev.jobalerts.http.RequestSecrets;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request a board wants made. {@code position} says where in the listing the request starts — an offset, a page
 * number or a cursor's ordinal, as the board pages — so the board can make the next request from the last one.
 *
 * @param headers extra headers (Accept, Content-Type, an API's own User-Agent); secrets go in {@code secrets}
 */
public record ApiRequest(String method, URI url, String body, Map<String, String> headers, RequestSecrets secrets, int position) {
    public ApiRequest {
        method = method == null ? "GET" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        secrets = secrets == null ? RequestSecrets.NONE : secrets;
    }

    public static ApiRequest get(URI url) {
        return new ApiRequest("GET", url, null, Map.of(), RequestSecrets.NONE, 0);
    }

    /** A GET that asks for JSON, as APIs that also serve HTML want. */
    public static ApiRequest getJson(URI url) {
        return new ApiRequest("GET", url, null, Map.of("Accept", "application/json"), RequestSecrets.NONE, 0);
    }

    /** A POST of a JSON document. */
    public static ApiRequest postJson(URI url, String json) {
        return new ApiRequest("POST", url, json, Map.of("Accept", "application/json", "Content-Type", "application/json"),
                RequestSecrets.NONE, 0);
    }

    public ApiRequest at(int newPosition) {
        return new ApiRequest(method, url, body, headers, secrets, newPosition);
    }

    public ApiRequest withUrl(URI newUrl) {
        return new ApiRequest(method, newUrl, body, headers, secrets, position);
    }

    public ApiRequest withBody(String newBody) {
        return new ApiRequest(method, url, newBody, headers, secrets, position);
    }

    public ApiRequest withSecrets(RequestSecrets newSecrets) {
        return new ApiRequest(method, url, body, headers, newSecrets, position);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(method, url, body, more, secrets, position);
    }

    /** A request for {@code target} that carries this one's headers and secrets (a detail of the same API). */
    public ApiRequest follow(URI target) {
        return new ApiRequest("GET", target, null, headers.containsKey("Accept") ? Map.of("Accept", headers.get("Accept")) : Map.of(),
                secrets, 0);
    }
}
