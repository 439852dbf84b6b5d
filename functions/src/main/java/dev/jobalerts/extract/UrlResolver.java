package dev.jobalerts.extract;

import java.net.MalformedURLException;
import java.net.URL;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * Resolves links against one base URL the way jsoup's {@code absUrl} does, but parses the base once per page instead
 * of once per link: jsoup re-parses the base and strips control characters from it with a regular expression on every
 * call, which costs more than the resolution itself on a listing page with a link per posting.
 */
final class UrlResolver {
    private final String base;
    /** The parsed base; null when it is not a URL (jsoup then keeps only links that are absolute on their own). */
    private final URL parsed;

    UrlResolver(String base) {
        this.base = base;
        this.parsed = parse(base);
    }

    /** The absolute form of {@code relative}, exactly as {@code StringUtil.resolve(base, relative)} gives it. */
    String resolve(String relative) {
        if (parsed == null) return StringUtil.resolve(base, relative);
        try {
            return StringUtil.resolve(parsed, relative).toExternalForm();
        } catch (MalformedURLException e) {
            return StringUtil.resolve(base, relative); // the rare failure path keeps jsoup's own fallback rules
        }
    }

    /** {@code el.absUrl(attribute)} for an element of the page this resolves against: "" when the attribute is absent. */
    String absUrl(Element el, String attribute) {
        return el.hasAttr(attribute) ? resolve(el.attr(attribute)) : "";
    }

    private static URL parse(String base) {
        // jsoup strips C0 control characters before parsing; a base holding any takes the slow path unchanged.
        for (int i = 0; i < base.length(); i++) if (base.charAt(i) < 0x20) return null;
        try {
            return new URL(base);
        } catch (MalformedURLException e) {
            return null;
        }
    }
}
