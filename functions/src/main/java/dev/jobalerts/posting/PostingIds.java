package dev.jobalerts.posting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Posting identity. A posting keeps the ATS id when the source has one ({@code greenhouse:acme:12345},
 * {@code lever:<uuid>}, {@code ashby:<uuid>}); otherwise its id is the canonical form of its URL, so a re-fetch or
 * a changed tracking parameter lands on the same Postings item instead of creating a second one.
 */
public final class PostingIds {
    /** Query parameters that only say how a reader arrived, never which posting it is. */
    private static final Set<String> TRACKING_PARAMS = Set.of(
            "gh_src", "ref", "source", "src", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "igshid",
            "lever-source", "lever-origin", "_hsenc", "_hsmi");

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

    /**
     * A link safe to store and mail: http or https only ({@code javascript:}, {@code data:} and the like become no
     * link), and without user info, which only ever serves to disguise the host ({@code https://bank.example@evil.example}).
     */
    public static String safeLink(String url) {
        if (url == null || url.isBlank()) return "";
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return "";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) return "";
        if (uri.getRawUserInfo() == null) return trimmed;
        int at = trimmed.indexOf('@', trimmed.indexOf("//") + 2);
        return trimmed.substring(0, trimmed.indexOf("//") + 2) + trimmed.substring(at + 1);
    }

    /**
     * Canonical URL: scheme and host lower-cased (RFC 3986 section 6.2.2.1 says both are case-insensitive),
     * default port dropped (section 6.2.3), empty path made "/", fragment and tracking parameters removed,
     * remaining query parameters sorted. A string that is not an absolute http(s) URL comes back trimmed.
     */
    public static String canonicalUrl(String url) {
        if (url == null) return "";
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return trimmed;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) return trimmed;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return trimmed;
        String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
        StringBuilder out = new StringBuilder(trimmed.length()).append(scheme).append("://");
        if (uri.getRawUserInfo() != null) out.append(uri.getRawUserInfo()).append('@');
        out.append(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        if (!defaultPort) out.append(':').append(port);
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) out.append('?').append(query);
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING_PARAMS.contains(name)) continue;
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
