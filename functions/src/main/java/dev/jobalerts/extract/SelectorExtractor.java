package dev.jobalerts.extract;

import dev.jobalerts.posting.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Listing pages without structured data, read with the source's CSS selectors: {@code item} selects each posting,
 * the other selectors are applied inside it. A link's {@code href} is the URL; a {@code time} element's
 * {@code datetime} is the date.
 */
final class SelectorExtractor {
    static final String NAME = "selectors";
    private static final Evaluator LINK = QueryParser.parse("a[href]");

    List<PostingDraft> extract(Document doc, Map<String, String> selectors, Extraction ctx) {
        List<PostingDraft> drafts = new ArrayList<>();
        int index = 0;
        // Each selector is parsed once for the page, not once per item as Element.selectFirst(String) would.
        Queries queries = new Queries(selectors);
        UrlResolver links = ctx.links(doc.baseUri());
        for (Element item : doc.select(QueryParser.parse(selectors.get("item")))) {
            ctx.each(drafts, "selector item #" + index++, () -> draft(item, queries, links));
        }
        return drafts;
    }

    private static PostingDraft draft(Element item, Queries q, UrlResolver links) {
        PostingDraft d = new PostingDraft();
        d.title = text(item, q.title);
        d.url = link(item, q.url, links); // none: the listing URL, and the title keeps ids apart
        d.company = text(item, q.company);
        d.location = text(item, q.location);
        Element date = first(item, q.datePosted);
        if (date != null) d.datePosted = date.hasAttr("datetime") ? date.attr("datetime") : date.text();
        Element description = first(item, q.description);
        if (description != null) d.descriptionText = PlainText.fromHtml(description);
        return d;
    }

    /** Absolute href of the matched element (or of the first link inside it), else null. */
    private static String link(Element item, Evaluator query, UrlResolver links) {
        Element el = query == null ? item.selectFirst(LINK) : item.selectFirst(query);
        if (el == null) return null;
        if (!el.hasAttr("href")) el = el.selectFirst(LINK);
        if (el == null) return null;
        String url = links.absUrl(el, "href");
        return url.isEmpty() ? null : url;
    }

    private static String text(Element item, Evaluator query) {
        Element el = first(item, query);
        return el == null ? null : el.text();
    }

    private static Element first(Element item, Evaluator query) {
        return query == null ? null : item.selectFirst(query);
    }

    /** The item field selectors of one source, parsed; null where the source gives none. */
    private static final class Queries {
        final Evaluator title;
        final Evaluator url;
        final Evaluator company;
        final Evaluator location;
        final Evaluator datePosted;
        final Evaluator description;

        Queries(Map<String, String> css) {
            title = parse(css.get("title"));
            url = parse(css.get("url"));
            company = parse(css.get("company"));
            location = parse(css.get("location"));
            datePosted = parse(css.get("datePosted"));
            description = parse(css.get("description"));
        }

        private static Evaluator parse(String css) {
            return css == null ? null : QueryParser.parse(css);
        }
    }
}
