package dev.jobalerts.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** Which URLs may become links in an email. */
final class EmailLinks {
    private EmailLinks() {}

    /**
     * True for absolute http(s) URLs only. Posting URLs come from scraped pages: a {@code javascript:} or
     * {@code data:} URL must never become a link, whatever the escaping.
     */
    static boolean isHttp(String url) {
        if (url == null || url.isBlank()) return false;
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.toLowerCase(Locale.ROOT).equals("https") || scheme.toLowerCase(Locale.ROOT).equals("http"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Our own links. RFC 8058 asks for an HTTPS one-click URI; plain http is accepted too because the local cloud
     * serves its API on loopback without TLS.
     */
    static void requireHttp(String url, String field) {
        Objects.requireNonNull(url, field);
        if (!isHttp(url)) throw new IllegalArgumentException(field + " must be an absolute http(s) URL, was " + url);
    }
}
