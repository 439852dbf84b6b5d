package dev.jobalerts.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Pages table's key for one request. A GET of an ordinary URL is keyed by the URL itself, readable in every log
 * and tool; a POST (Workday's listing pages share one URL and differ in their JSON body) adds a short hash of its
 * body; a URL too long for a DynamoDB key (2,048 bytes at most; we stay well under) becomes a full hash. The request
 * itself is kept beside the key.
 */
public final class PageKey {
    /** Keys up to this many UTF-8 bytes are kept readable. */
    static final int MAX_READABLE_BYTES = 1_024;

    private PageKey() {}

    public static String of(String method, String url, String body) {
        boolean post = "POST".equals(method);
        String readable = post ? url + " POST " + sha256(body == null ? "" : body).substring(0, 16) : url;
        if (readable.getBytes(StandardCharsets.UTF_8).length <= MAX_READABLE_BYTES) return readable;
        return "sha256:" + sha256(method + " " + url + "\n" + (body == null ? "" : body));
    }

    /** The key of a plain GET of {@code url}. */
    public static String of(String url) {
        return of("GET", url, null);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
