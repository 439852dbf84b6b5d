package dev.jobalerts.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * One page to fetch.
 *
 * @param sourceId     the source this page belongs to, echoed in the outcome
 * @param url          absolute http(s) URL
 * @param etag         validator from the last fetch, sent as If-None-Match; null for none
 * @param lastModified Last-Modified from the last fetch, sent as If-Modified-Since; null for none
 * @param minDelay     the source's politeness delay; null means {@link FetchSettings#defaultDelay()}
 */
public record FetchRequest(String sourceId, URI url, String etag, String lastModified, Duration minDelay) {

    public FetchRequest {
        if (sourceId == null || sourceId.isBlank()) throw new IllegalArgumentException("sourceId must not be blank");
        if (url == null) throw new IllegalArgumentException("url must not be null");
        if (minDelay != null && minDelay.isNegative()) throw new IllegalArgumentException("minDelay must not be negative");
        etag = etag == null || etag.isBlank() ? null : etag;
        lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
    }

    /** An unconditional request with the default delay. */
    public static FetchRequest of(String sourceId, URI url) {
        return new FetchRequest(sourceId, url, null, null, null);
    }
}
