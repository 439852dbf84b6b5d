package dev.jobalerts.extract;

import dev.jobalerts.posting.PostingText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Listing pages without structured data, read with the source's CSS selectors: {@code item} selects each posting,
 * the other selectors are applied inside it. A link's {@code href} is the URL; a {@code time} element's
 * {@code datetime} is the date.
 */
final class SelectorExtractor {
    static final String NAME = "selectors";

    List<PostingDraft> extract(Document doc, Map<String, String> selectors, Extraction ctx) {
        List<PostingDraft> drafts = new ArrayList<>();
        int index = 0;
        UrlResolver links = ctx.links(doc.baseUri());
        for (Element item : doc.select(selectors.get("item"))) {
            ctx.each(drafts, "selector item #" + index++, () -> draft(item, selectors, links));
        }
        return drafts;
    }

    private static PostingDraft draft(Element item, Map<String, String> selectors, UrlResolver links) {
        PostingDraft d = new PostingDraft();
        d.title = text(item, selectors.get("title"));
        d.url = link(item, selectors.get("url"), links); // none: the listing URL, and the title keeps ids apart
        d.company = text(item, selectors.get("company"));
        d.location = text(item, selectors.get("location"));
        Element date = first(item, selectors.get("datePosted"));
        if (date != null) d.datePosted = date.hasAttr("datetime") ? date.attr("datetime") : date.text();
        Element description = first(item, selectors.get("description"));
        if (description != null) d.descriptionText = PostingText.fromHtml(description);
        return d;
    }

    /** Absolute href of the matched element (or of the first link inside it), else null. */
    static String link(Element item, String css, UrlResolver links) {
        Element el = css == null ? item.selectFirst("a[href]") : first(item, css);
        if (el == null) return null;
        if (!el.hasAttr("href")) el = el.selectFirst("a[href]");
        if (el == null) return null;
        String url = links.absUrl(el, "href");
        return url.isEmpty() ? null : url;
    }

    private static String text(Element item, String css) {
        Element el = first(item, css);
        return el == null ? null : el.text();
    }

    private static Element first(Element item, String css) {
        return css == null ? null : item.selectFirst(css);
    }
}
