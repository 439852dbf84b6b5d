package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.posting.PlainText;
import dev.jobalerts.url.HttpUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * schema.org JobPosting in RDFa (RDFa Lite 1.1, https://www.w3.org/TR/rdfa-lite/, with the HTML+RDFa 1.1 value
 * attributes): {@code vocab="https://schema.org/" typeof="JobPosting"} (or {@code typeof="schema:JobPosting"}, the
 * {@code schema} prefix being in RDFa's initial context, or another prefix declared for schema.org in {@code prefix},
 * or the full type IRI), its {@code property} elements, and nested {@code typeof} items for hiringOrganization,
 * jobLocation and baseSalary. Each item becomes the JSON tree JSON-LD would give and is read by
 * {@link SchemaOrgJobPosting}, so every schema.org form normalises alike.
 *
 * <p>A property's value follows RDFa Core 1.1 section 7.5 step 11: {@code content} (or a {@code time}'s
 * {@code datetime}), else the IRI in {@code resource}, {@code href} or {@code src}, else a nested item when the
 * element has {@code typeof}, else the element's text. An element with {@code typeof} or {@code resource} starts a
 * new subject: the properties inside it are its own, not the enclosing item's.
 */
final class RdfaExtractor {
    static final String NAME = "rdfa";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Evaluator PROPERTIES = QueryParser.parse("[property]");
    private static final Pattern SCHEMA_ORG = Pattern.compile("https?://schema\\.org/?");
    private static final int MAX_DEPTH = 8;

    List<PostingDraft> extract(PageScan scan, Extraction ctx) {
        List<PostingDraft> drafts = new ArrayList<>();
        int index = 0;
        for (Element item : scan.rdfaJobPostings) {
            if (!isJobPosting(item) || isPropertyOfAPosting(item)) continue;
            ctx.each(drafts, "RDFa JobPosting #" + index++, () -> draft(item, ctx.pageLinks(), ctx.links(scan.doc.baseUri())));
        }
        return drafts;
    }

    private static PostingDraft draft(Element item, UrlResolver pageLinks, UrlResolver docLinks) {
        Element[] description = new Element[1];
        PostingDraft d = SchemaOrgJobPosting.draft(toTree(item, 0, description, docLinks), pageLinks);
        // As in microdata, the description is read from its element rather than serialised and parsed again.
        if (description[0] != null && !description[0].hasAttr("content")) d.descriptionText = PlainText.fromHtml(description[0]);
        return d;
    }

    /** Whether one of the element's types is schema.org's JobPosting, as a term of its vocab, a prefixed name or an IRI. */
    static boolean isJobPosting(Element el) {
        for (String type : MicrodataExtractor.names(el.attr("typeof"))) {
            if (HttpUrls.hasHttpPrefix(type)) {
                if (SCHEMA_ORG.matcher(type.substring(0, type.lastIndexOf('/') + 1)).matches() && type.endsWith("/JobPosting")) return true;
                continue;
            }
            int colon = type.indexOf(':');
            if (colon < 0) {
                if (type.equals("JobPosting") && isSchemaOrg(vocab(el))) return true;
            } else if (type.substring(colon + 1).equals("JobPosting")) {
                String prefix = type.substring(0, colon);
                String iri = prefix(el, prefix);
                // RDFa's initial context maps "schema" to schema.org (https://www.w3.org/2011/rdfa-context/rdfa-1.1).
                if (iri == null ? prefix.equals("schema") : isSchemaOrg(iri)) return true;
            }
        }
        return false;
    }

    private static boolean isSchemaOrg(String iri) {
        return iri != null && SCHEMA_ORG.matcher(iri.strip()).matches();
    }

    /** The nearest vocab in force at the element; null when none. */
    private static String vocab(Element el) {
        for (Element e = el; e != null; e = e.parent()) if (e.hasAttr("vocab")) return e.attr("vocab");
        return null;
    }

    /** The IRI the nearest {@code prefix} declaration gives a prefix ("schema: https://schema.org/ dc: …"); null when none. */
    private static String prefix(Element el, String prefix) {
        for (Element e = el; e != null; e = e.parent()) {
            if (!e.hasAttr("prefix")) continue;
            String[] tokens = e.attr("prefix").trim().split("\\s+");
            for (int i = 0; i + 1 < tokens.length; i++) if (tokens[i].equals(prefix + ":")) return tokens[i + 1];
        }
        return null;
    }

    /** A JobPosting that is the value of another posting's property is part of that posting, not one of its own. */
    private static boolean isPropertyOfAPosting(Element item) {
        Element owner = item.hasAttr("property") ? subject(item) : null;
        return owner != null && isJobPosting(owner);
    }

    /** The element whose properties an element's property belongs to: the nearest ancestor that starts a subject. */
    private static Element subject(Element prop) {
        for (Element parent = prop.parent(); parent != null; parent = parent.parent())
            if (parent.hasAttr("typeof") || parent.hasAttr("resource") || parent.hasAttr("about")) return parent;
        return null;
    }

    /** The item's properties: each property element whose subject is this item; the description element is kept. */
    static ObjectNode toTree(Element item, int depth, Element[] description, UrlResolver links) {
        ObjectNode tree = NODES.objectNode();
        String[] types = MicrodataExtractor.names(item.attr("typeof"));
        if (!types[0].isEmpty()) tree.put("@type", localName(types[0]));
        for (Element prop : item.select(PROPERTIES)) {
            if (prop == item || subject(prop) != item) continue;
            boolean nested = startsSubject(prop) && depth < MAX_DEPTH;
            for (String name : MicrodataExtractor.names(prop.attr("property"))) {
                String local = localName(name);
                if (local.isEmpty()) continue;
                if (!nested && depth == 0 && description[0] == null && local.equals("description")) description[0] = prop;
                JsonNode value = nested ? toTree(prop, depth + 1, description, links) : NODES.textNode(value(prop, local, links));
                MicrodataExtractor.add(tree, local, value);
            }
        }
        return tree;
    }

    /**
     * A property element that is an item of its own: one with {@code typeof}, or with {@code resource} and properties
     * of its own inside (a chained subject written without a type). A {@code content} attribute makes it a literal.
     */
    private static boolean startsSubject(Element prop) {
        if (prop.hasAttr("content")) return false;
        if (prop.hasAttr("typeof")) return true;
        if (!prop.hasAttr("resource")) return false;
        for (Element inner : prop.select(PROPERTIES)) if (inner != prop && subject(inner) == prop) return true;
        return false;
    }

    /** "title", "schema:title" and "https://schema.org/title" all name title. */
    private static String localName(String name) {
        int cut = Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf('#'), name.lastIndexOf(':')));
        return name.substring(cut + 1);
    }

    /** The literal or IRI a property element gives; a description's text is read from its element instead. */
    private static String value(Element prop, String property, UrlResolver links) {
        if (prop.hasAttr("content")) return prop.attr("content");
        if (prop.hasAttr("datetime")) return prop.attr("datetime");
        String iri = iri(prop, links);
        // A title is never a link: a linked title (<a property="title" href=…>Welder</a>) is read by its text, though
        // RDFa would make the href its value.
        if (iri != null && !((property.equals("title") || property.equals("name")) && !prop.text().isBlank())) return iri;
        return property.toLowerCase(Locale.ROOT).contains("description") ? "" : prop.text();
    }

    private static String iri(Element prop, UrlResolver links) {
        for (String attribute : new String[] {"resource", "href", "src"}) {
            if (!prop.hasAttr(attribute)) continue;
            String raw = prop.attr(attribute);
            if (HttpUrls.hasHttpPrefix(raw)) return raw;
            String abs = links.absUrl(prop, attribute);
            return abs.isEmpty() ? raw : abs;
        }
        return null;
    }
}
