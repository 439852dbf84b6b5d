package dev.jobalerts.source;

import java.time.Instant;

/** Validators from the last successful fetch, sent back as If-None-Match / If-Modified-Since (RFC 9110 §13). */
public record FetchState(String etag, String lastModified, String contentHash, Instant nextDueAt) {
    public static FetchState none() {
        return new FetchState(null, null, null, null);
    }
}
