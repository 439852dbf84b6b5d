package dev.jobalerts.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One request to make: usually a GET of a page, sometimes a POST of a JSON query to a job-board API.
 *
 * @param sourceId     the source this page belongs to, echoed in the outcome
 * @param url          absolute http(s) URL, without secrets (it is logged and stored)
 * @param etag         validator from the last fetch, sent as If-None-Match; null for none
 * @param lastModified Last-Modified from the last fetch, sent as If-Modified-Since; null for none
 * @param minDelay     the source's politeness delay; null means {@link FetchSettings#defaultDelay()}
 * @param method       {@code GET} or {@code POST}
 * @param body         the POST body (JSON text), null for a GET
 * @param headers      extra headers such as {@code Content-Type} or {@code Accept}; never secrets
 * @param secrets      credentials added only on the wire (and only towards the request's own origin)
 */
public record FetchRequest(String sourceId, URI url, String etag, String lastModified, Duration minDelay,
        String method, String body, Map<String, String> headers, RequestSecrets secrets) {

    public FetchRequest {
        if (sourceId == null || sourceId.isBlank()) throw new IllegalArgumentException("sourceId must not be blank");
        if (url == null) throw new IllegalArgumentException("url must not be null");
        if (minDelay != null && minDelay.isNegative()) throw new IllegalArgumentException("minDelay must not be negative");
        etag = etag == null || etag.isBlank() ? null : etag;
        lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) throw new IllegalArgumentException("method must be GET or POST, was " + method);
        if (body != null && method.equals("GET")) throw new IllegalArgumentException("a GET has no body");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        secrets = secrets == null ? RequestSecrets.NONE : secrets;
    }

    /** A GET with the source's validators and delay. */
    public FetchRequest(String sourceId, URI url, String etag, String lastModified, Duration minDelay) {
        this(sourceId, url, etag, lastModified, minDelay, "GET", null, Map.of(), RequestSecrets.NONE);
    }

    /** An unconditional request with the default delay. */
    public static FetchRequest of(String sourceId, URI url) {
        return new FetchRequest(sourceId, url, null, null, null);
    }

    byte[] bodyBytes() {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }
}
