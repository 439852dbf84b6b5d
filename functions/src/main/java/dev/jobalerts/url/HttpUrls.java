package dev.jobalerts.url;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as an http(s) URL here, and the few ways we rewrite one. Every package asks this class, so a
 * {@code javascript:} link, a scheme in capitals or a URL with user info is judged the same way by the extractors,
 * the fetcher, the posting store and the mailer.
 *
 * <p>Why not crawler-commons' {@code BasicURLNormalizer}: besides what {@link #canonical} does it also decodes
 * unreserved percent-escapes ({@code %7E} → {@code ~}), removes dot segments, converts host names to punycode and
 * drops user info. Each of those would give some posting already stored under its canonical URL a second id, so
 * the rules below stay ours. (On the fixture corpus the two agree once tracking parameters are removed.)
 */
public final class HttpUrls {
    /** Query parameters that only say how a reader arrived, never which page it is. */
    private static final Set<String> TRACKING_PARAMS = Set.of(
            "gh_src", "ref", "source", "src", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "igshid",
            "lever-source", "lever-origin", "_hsenc", "_hsmi");
    /** "/./" and "/../" right after the host, which java.net.URL keeps and browsers drop. */
    private static final Pattern LEADING_DOT_SEGMENTS = Pattern.compile("^/(\\.\\.?/)+");
    /** A scheme such as {@code tel:} that java.net.URL has no handler for (RFC 3986 §3.1, plus the comma jsoup allows). */
    private static final Pattern ANY_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+,.-]*:");

    private HttpUrls() {}

    /**
     * True when the text starts with {@code http://} or {@code https://} as written: how page readers tell a link
     * that is absolute already (kept verbatim) from one to resolve against the page. Nothing is parsed.
     */
    public static boolean hasHttpPrefix(String text) {
        return text != null && (text.startsWith("https://") || text.startsWith("http://"));
    }

    /** True for a URI whose scheme is http or https, in any case (RFC 3986 §3.1: schemes are case-insensitive). */
    public static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    /**
     * True for an absolute http(s) URL with a host, surrounding white space aside: something a browser can open and
     * a client can connect to. Posting URLs come from scraped pages, so a {@code javascript:} or {@code data:} URL
     * must never pass, whatever the escaping.
     */
    public static boolean isAbsoluteHttp(String url) {
        if (url == null || url.isBlank()) return false;
        try {
            URI uri = new URI(url.strip());
            return isHttp(uri) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@link #isAbsoluteHttp} or an exception naming {@code field}. */
    public static String requireAbsoluteHttp(String url, String field) {
        Objects.requireNonNull(url, field);
        if (!isAbsoluteHttp(url)) throw new IllegalArgumentException(field + " must be an absolute http(s) URL, was " + url);
        return url;
    }

    /**
     * "scheme://host:port", lower-cased, the default port made explicit: the origin of RFC 6454 §4, so
     * {@code http://a} and {@code HTTP://A:80} are one origin (one robots.txt, one set of request secrets).
     */
    public static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + (uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme));
    }

    /**
     * A link safe to store and mail: http or https only ({@code javascript:}, {@code data:} and the like become no
     * link), and without user info, which only ever serves to disguise the host ({@code https://bank.example@evil.example}).
     */
    public static String safeLink(String url) {
        if (url == null || url.isBlank()) return "";
        String trimmed = url.strip();
        URI uri = parseLenient(trimmed);
        if (uri == null || !isHttp(uri) || uri.getRawAuthority() == null) return "";
        if (uri.getRawUserInfo() == null) return trimmed;
        int at = trimmed.indexOf('@', trimmed.indexOf("//") + 2);
        return trimmed.substring(0, trimmed.indexOf("//") + 2) + trimmed.substring(at + 1);
    }

    /**
     * Canonical URL: scheme and host lower-cased (RFC 3986 §6.2.2.1 says both are case-insensitive), default port
     * dropped (§6.2.3), empty path made "/", fragment and tracking parameters removed, remaining query parameters
     * sorted. A string that is not an absolute http(s) URL comes back trimmed. Posting ids are made of it, so what it
     * returns for a given input must never change.
     */
    public static String canonical(String url) {
        if (url == null) return "";
        String trimmed = url.trim();
        URI uri = parseLenient(trimmed);
        if (uri == null || uri.getRawAuthority() == null || !isHttp(uri)) return trimmed;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
        StringBuilder out = new StringBuilder(trimmed.length()).append(scheme).append("://");
        if (uri.getRawUserInfo() != null) out.append(uri.getRawUserInfo()).append('@');
        out.append(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != defaultPort(scheme)) out.append(':').append(port);
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) out.append('?').append(query);
        return out.toString();
    }

    /**
     * Resolves a redirect's Location against the URL that answered (RFC 9110 §10.2.2 allows relative references)
     * and drops the fragment, which never goes on the wire.
     */
    public static URI resolveRedirect(URI base, String location) throws URISyntaxException {
        URI ref = new URI(location.trim().replace(" ", "%20"));
        // java.net.URI resolves "x" against "http://host" (empty path) to "http://hostx"; RFC 3986 §5.2.3 merges with "/".
        URI from = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
        String target = from.resolve(ref).toString();
        int hash = target.indexOf('#');
        return hash < 0 ? new URI(target) : new URI(target.substring(0, hash));
    }

    /**
     * Resolves a link found in a page the way jsoup's {@code absUrl} and browsers do, and "" when there is no URL to
     * be had: control characters dropped from both, and when the base is not a URL, the link alone if it is
     * absolute. A link with a scheme java.net.URL cannot read ({@code tel:}) comes back as written.
     */
    public static String resolveLink(String base, String link) {
        String cleanLink = withoutControlChars(link);
        URL parsedBase;
        try {
            parsedBase = new URL(withoutControlChars(base));
        } catch (MalformedURLException e) {
            try {
                return new URL(cleanLink).toExternalForm();
            } catch (MalformedURLException notAbsolute) {
                return unreadable(cleanLink);
            }
        }
        try {
            return resolveLink(parsedBase, cleanLink).toExternalForm();
        } catch (MalformedURLException e) {
            return unreadable(cleanLink);
        }
    }

    /** {@link #resolveLink(String, String)} against a base parsed once, for a page with many links. */
    public static URL resolveLink(URL base, String link) throws MalformedURLException {
        String clean = withoutControlChars(link);
        // java.net.URL resolves "?q" against ".../list" to ".../?q"; a browser keeps the last path segment.
        if (clean.startsWith("?")) clean = base.getPath() + clean;
        URL resolved = new URL(base, clean);
        String file = LEADING_DOT_SEGMENTS.matcher(resolved.getFile()).replaceFirst("/");
        if (resolved.getRef() != null) file = file + "#" + resolved.getRef();
        // Rebuilt from its parts, which also leaves out any user info of the base.
        return new URL(resolved.getProtocol(), resolved.getHost(), resolved.getPort(), file);
    }

    private static String unreadable(String link) {
        return ANY_SCHEME.matcher(link).find() ? link : "";
    }

    /** Without U+0000 to U+001F, which browsers drop from a URL before reading it. */
    private static String withoutControlChars(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) >= 0x20) i++;
        if (i == text.length()) return text;
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i++) if (text.charAt(i) >= 0x20) out.append(text.charAt(i));
        return out.toString();
    }

    /** Parses text as written on pages, where a literal space in a path is common; null when it is not a URI. */
    private static URI parseLenient(String text) {
        try {
            return new URI(text.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int defaultPort(String lowerCaseScheme) {
        return switch (lowerCaseScheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
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
