package dev.jobalerts.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One fetched answer as the parser will read it.
 *
 * @param key      the Pages table key ({@link PageKey}); the URL itself for a plain GET
 * @param url      the URL the body came from; relative links and fallback ids resolve against it
 * @param body     decoded text of the answer
 * @param readSpec how to read it, as JSON ({@code adapter.ReadSpec}), frozen at fetch time so the parser needs
 *                 no second read and a re-parse months later reads it the same way
 */
public record PageSnapshot(String key, String url, String sourceId, String contentType, String body, String contentHash,
                           Instant fetchedAt, String readSpec) {

    public PageSnapshot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        contentType = contentType == null ? "" : contentType;
        contentHash = contentHash == null ? hash(body) : contentHash;
        readSpec = readSpec == null ? "{}" : readSpec;
    }

    /** A snapshot of a plain GET, keyed by its URL. */
    public PageSnapshot(String url, String sourceId, String contentType, String body, String contentHash, Instant fetchedAt, String readSpec) {
        this(PageKey.of(url), url, sourceId, contentType, body, contentHash, fetchedAt, readSpec);
    }

    /** SHA-256 of the decoded text: the "did it change" test that keeps unchanged pages from being parsed again. */
    public static String hash(String body) {
        return PageKey.sha256(body);
    }
}
