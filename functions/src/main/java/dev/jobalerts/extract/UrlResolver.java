package dev.jobalerts.extract;

import dev.jobalerts.url.HttpUrls;
import java.net.MalformedURLException;
import java.net.URL;
import org.jsoup.nodes.Element;

/**
 * Resolves links against one base URL the way jsoup's {@code absUrl} does ({@link HttpUrls#resolveLink}), but parses
 * the base once per page instead of once per link: re-parsing the base and stripping control characters from it on
 * every call costs more than the resolution itself on a listing page with a link per posting.
 */
final class UrlResolver {
    private final String base;
    /** The parsed base; null when it is not a URL (jsoup then keeps only links that are absolute on their own). */
    private final URL parsed;
    /** "scheme://host[:port]" as jsoup writes it in front of a root-relative path; made on first use. */
    private String origin;
    private boolean originKnown;

    UrlResolver(String base) {
        this.base = base;
        this.parsed = parse(base);
    }

    String base() {
        return base;
    }

    /** The absolute form of {@code relative}, exactly as {@code HttpUrls.resolveLink(base, relative)} gives it. */
    String resolve(String relative) {
        if (parsed == null) return HttpUrls.resolveLink(base, relative);
        if (isPlainRootPath(relative) && origin() != null) return origin + relative;
        try {
            return HttpUrls.resolveLink(parsed, relative).toExternalForm();
        } catch (MalformedURLException e) {
            return HttpUrls.resolveLink(base, relative); // the rare failure path keeps the fallback rules
        }
    }

    /** {@code el.absUrl(attribute)} for an element of the page this resolves against: "" when the attribute is absent. */
    String absUrl(Element el, String attribute) {
        return el.hasAttr(attribute) ? resolve(el.attr(attribute)) : "";
    }

    /**
     * A path such as "/jobs/123?ref=x", the usual shape of a link on a job page: java.net.URL keeps it verbatim after
     * the base's origin, so it needs no parsing. Anything that URL would rewrite or read differently (a dot segment,
     * a fragment, a backslash, whitespace, control or non-ASCII characters, a "//" network path) takes the full path.
     */
    static boolean isPlainRootPath(String path) {
        if (path.length() < 1 || path.charAt(0) != '/' || (path.length() > 1 && path.charAt(1) == '/')) return false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '#' || c == '\\' || (c == '.' && path.charAt(i - 1) == '/')) return false;
        }
        return true;
    }

    /** The full resolution of a plain path, minus the path: whatever it does to the origin (e.g. drop user info) stays. */
    private String origin() {
        if (!originKnown) {
            origin = origin(parsed);
            originKnown = true;
        }
        return origin;
    }

    private static String origin(URL base) {
        if (!base.getProtocol().equals("http") && !base.getProtocol().equals("https")) return null;
        try {
            String probe = HttpUrls.resolveLink(base, "/x").toExternalForm();
            return probe.endsWith("/x") ? probe.substring(0, probe.length() - 2) : null;
        } catch (MalformedURLException e) {
            return null;
        }
    }

    private static URL parse(String base) {
        // Control characters are stripped before parsing; a base holding any takes the slow path unchanged.
        for (int i = 0; i < base.length(); i++) if (base.charAt(i) < 0x20) return null;
        try {
            return new URL(base);
        } catch (MalformedURLException e) {
            return null;
        }
    }
}
