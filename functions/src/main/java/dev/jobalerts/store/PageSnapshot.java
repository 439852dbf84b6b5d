package dev.jobalerts.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One fetched page as the parser will read it.
 *
 * @param body           decoded text of the page
 * @param extractionJson the source's {@code kind} and {@code selectors} at fetch time, as JSON, so the parser needs no second read
 */
public record PageSnapshot(String url, String sourceId, String contentType, String body, String contentHash,
                           Instant fetchedAt, String extractionJson) {

    public PageSnapshot {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        contentType = contentType == null ? "" : contentType;
        contentHash = contentHash == null ? hash(body) : contentHash;
        extractionJson = extractionJson == null ? "{}" : extractionJson;
    }

    /** SHA-256 of the decoded text: the "did it change" test that keeps unchanged pages from being parsed again. */
    public static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
