package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.url.HttpUrls;
import java.util.ArrayList;
import java.util.List;
import dev.jobalerts.posting.PlainText;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * schema.org JobPosting in HTML microdata (https://html.spec.whatwg.org/multipage/microdata.html). Each item is
 * turned into the JSON tree JSON-LD would give, then read by {@link SchemaOrgJobPosting}.
 */
final class MicrodataExtractor {
    static final String NAME = "microdata";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Evaluator PROPERTIES = QueryParser.parse("[itemprop]");

    List<PostingDraft> extract(PageScan scan, Extraction ctx) {
        List<PostingDraft> drafts = new ArrayList<>();
        int index = 0;
        for (Element item : scan.jobPostingItems) {
            if (insideAnotherPosting(item)) continue;
            ctx.each(drafts, "microdata JobPosting #" + index++, () -> draft(item, ctx.pageLinks(), ctx.links(scan.doc.baseUri())));
        }
        return drafts;
    }

    /** A JobPosting nested in another is a property of that one, not a posting of its own. */
    private static boolean insideAnotherPosting(Element item) {
        for (Element p = item.parent(); p != null; p = p.parent())
            if (p.hasAttr("itemscope") && p.attr("itemtype").contains("JobPosting")) return true;
        return false;
    }

    private static PostingDraft draft(Element item, UrlResolver pageLinks, UrlResolver docLinks) {
        Element[] description = new Element[1];
        PostingDraft d = SchemaOrgJobPosting.draft(toTree(item, 0, description, docLinks), pageLinks);
        // The description is read from its element directly: serialising it to HTML and parsing that again is waste.
        if (description[0] != null && !description[0].hasAttr("content")) d.descriptionText = PlainText.fromHtml(description[0]);
        return d;
    }

    /** The item's properties: each itemprop whose nearest enclosing item is this one; the description element is kept. */
    static ObjectNode toTree(Element item, int depth, Element[] description, UrlResolver links) {
        ObjectNode tree = NODES.objectNode();
        String type = item.attr("itemtype").trim();
        if (!type.isEmpty()) tree.put("@type", names(type)[0]);
        for (Element prop : item.select(PROPERTIES)) {
            if (prop == item || owner(prop) != item) continue;
            boolean nested = prop.hasAttr("itemscope") && depth < 8;
            if (!nested && depth == 0 && description[0] == null && prop.attr("itemprop").contains("description")) description[0] = prop;
            JsonNode value = nested ? toTree(prop, depth + 1, description, links) : NODES.textNode(value(prop, links));
            for (String name : names(prop.attr("itemprop"))) add(tree, name, value);
        }
        return tree;
    }

    /** The space-separated tokens of an attribute (itemprop and itemtype may name several). */
    static String[] names(String attribute) {
        String trimmed = attribute.trim();
        return trimmed.indexOf(' ') < 0 && trimmed.indexOf('\t') < 0 && trimmed.indexOf('\n') < 0
                ? new String[] {trimmed} : trimmed.split("\\s+");
    }

    private static Element owner(Element prop) {
        for (Element parent = prop.parent(); parent != null; parent = parent.parent())
            if (parent.hasAttr("itemscope")) return parent;
        return null;
    }

    static void add(ObjectNode tree, String name, JsonNode value) {
        JsonNode existing = tree.get(name);
        if (existing == null) {
            tree.set(name, value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            tree.set(name, NODES.arrayNode().add(existing).add(value));
        }
    }

    /** A property's value per the microdata spec's "property value" rules; description keeps its markup. */
    private static String value(Element prop, UrlResolver links) {
        if (prop.hasAttr("content")) return prop.attr("content");
        return switch (prop.normalName()) {
            case "a", "area", "link" -> {
                String href = prop.attr("href");
                String abs = HttpUrls.hasHttpPrefix(href) ? href : links.absUrl(prop, "href");
                yield abs.isEmpty() ? href : abs;
            }
            case "img", "audio", "video", "source", "embed", "iframe" -> links.absUrl(prop, "src");
            case "object" -> links.absUrl(prop, "data");
            case "data", "meter" -> prop.attr("value");
            case "time" -> prop.hasAttr("datetime") ? prop.attr("datetime") : prop.text();
            default -> prop.attr("itemprop").contains("description") ? "" : prop.text();
        };
    }
}
