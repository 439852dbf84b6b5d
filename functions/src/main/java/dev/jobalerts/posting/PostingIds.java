package dev.jobalerts.posting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Posting identity. A posting keeps the ATS id when the source has one ({@code greenhouse:acme:12345},
 * {@code lever:<uuid>}, {@code ashby:<uuid>}); otherwise its id is the canonical form of its URL
 * ({@link dev.jobalerts.url.HttpUrls#canonical}), so a re-fetch or a changed tracking parameter lands on the same
 * Postings item instead of creating a second one.
 */
public final class PostingIds {
    /** Ids up to this many UTF-8 bytes are kept as written; DynamoDB allows 2,048 for a partition key. */
    static final int MAX_ID_BYTES = 1_024;

    private PostingIds() {}

    /**
     * The id as a DynamoDB key can hold it: unchanged when short (every ATS id, nearly every URL), else
     * {@code sha256:} and the hash of it — stable, so the same long URL is still the same posting; the URL itself
     * stays in the posting's {@code url}.
     */
    public static String bounded(String id) {
        if (id.length() * 3 <= MAX_ID_BYTES || id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) return id;
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
