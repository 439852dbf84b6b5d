package dev.jobalerts.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) and Atom (RFC 4287) job feeds, one posting per item or
 * entry. Parsed with jsoup's lenient XML parser, so a broken feed yields the items that can be read, not an error.
 * Job boards commonly title items "Company: Title"; that is split when no company element is present.
 */
final class FeedExtractor {
    static final String NAME = "rss";
    private static final Pattern COMPANY_TITLE = Pattern.compile("^([^:]{1,80}?):\\s+(\\S.*)$");

    /** True when the text starts like a feed document. */
    static boolean looksLikeFeed(String body, String contentType) {
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("rss") || ct.contains("atom")) return true;
        // Only the first 2 KB are looked at, in place: every HTML page passes through here, so no copy of them is made.
        int end = Math.min(body.length(), HEAD);
        int root = indexOf(body, '<', headStartsWith(body, end, "<?xml", 0) ? indexOf(body, end, "?>") + 2 : 0, end);
        while (root >= 0 && root + 1 < end
                && (headStartsWith(body, end, "<!--", root) || headStartsWith(body, end, "<!", root) || headStartsWith(body, end, "<?", root)))
            root = indexOf(body, '<', root + 1, end);
        if (root < 0) return false;
        return headStartsWith(body, end, "<rss", root) || headStartsWith(body, end, "<feed", root) || headStartsWith(body, end, "<rdf:RDF", root);
    }

    private static final int HEAD = 2048;

    private static boolean headStartsWith(String body, int end, String prefix, int at) {
        return at + prefix.length() <= end && body.startsWith(prefix, at);
    }

    private static int indexOf(String body, char c, int from, int end) {
        int i = body.indexOf(c, from);
        return i < end ? i : -1;
    }

    private static int indexOf(String body, int end, String s) {
        int i = body.indexOf(s);
        return i >= 0 && i + s.length() <= end ? i : -1;
    }

    static Document parse(String body) {
        return Parser.xmlParser().parseInput(body, "");
    }

    List<PostingDraft> extract(Document feed, Extraction ctx) {
        List<PostingDraft> drafts = new ArrayList<>();
        List<Element> items = feed.getElementsByTag("item");
        boolean atom = items.isEmpty();
        if (atom) items = feed.getElementsByTag("entry");
        if (items.isEmpty() && feed.getElementsByTag("rss").isEmpty() && feed.getElementsByTag("feed").isEmpty())
            ctx.warn("not an RSS or Atom feed");
        int index = 0;
        for (Element item : items) {
            String what = "feed item #" + index++;
            if (isBroken(item)) {
                ctx.warn("skipped " + what + ": unclosed element inside it");
                continue;
            }
            ctx.each(drafts, what, () -> atom ? entry(item) : item(item));
        }
        return drafts;
    }

    /**
     * An unclosed {@code <title>} or {@code <link>} swallows the elements after it; the lenient parser then nests
     * them inside, which no valid item has. Such an item is skipped rather than published with a garbled title.
     */
    private static boolean isBroken(Element item) {
        for (Element child : item.children()) {
            String tag = child.tagName();
            if ((tag.equals("title") || tag.equals("link") || tag.equals("pubDate") || tag.equals("guid")) && child.childrenSize() > 0)
                return true;
        }
        return false;
    }

    private static PostingDraft item(Element item) {
        PostingDraft d = new PostingDraft();
        title(d, child(item, "title"), firstOf(item, "company", "job:company", "author:company"));
        d.url = child(item, "link");
        if (d.url.isEmpty() && isPermalink(item)) d.url = child(item, "guid");
        d.location = firstOf(item, "location", "job:location", "region");
        d.employmentType = firstOf(item, "type", "job:type", "employmentType");
        d.datePosted = firstOf(item, "pubDate", "dc:date");
        String encoded = markup(item, "content:encoded");
        d.description = encoded.isBlank() ? markup(item, "description") : encoded;
        return d;
    }

    private static PostingDraft entry(Element entry) {
        PostingDraft d = new PostingDraft();
        title(d, child(entry, "title"), firstOf(entry, "company", "job:company"));
        for (Element link : entry.getElementsByTag("link")) {
            String rel = link.attr("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                d.url = link.attr("href");
                break;
            }
        }
        d.location = firstOf(entry, "location", "job:location");
        d.datePosted = firstOf(entry, "published", "updated");
        String content = markup(entry, "content");
        d.description = content.isBlank() ? markup(entry, "summary") : content;
        return d;
    }

    private static void title(PostingDraft d, String title, String company) {
        Matcher m = COMPANY_TITLE.matcher(title.trim());
        if (company.isEmpty() && m.matches()) {
            d.company = m.group(1);
            d.title = m.group(2);
        } else {
            d.company = company;
            d.title = title;
        }
    }

    private static boolean isPermalink(Element item) {
        Element guid = item.getElementsByTag("guid").first();
        return guid != null && !guid.attr("isPermaLink").equalsIgnoreCase("false") && guid.text().startsWith("http");
    }

    private static String firstOf(Element item, String... tags) {
        for (String tag : tags) {
            String value = child(item, tag);
            if (!value.isEmpty()) return value;
        }
        return "";
    }

    /**
     * A description element's content: escaped HTML and CDATA come back as the HTML they carry, inline XHTML
     * (Atom type="xhtml") as its markup, plain text with its line breaks.
     */
    private static String markup(Element parent, String tag) {
        for (Element child : parent.children()) {
            if (child.tagName().equalsIgnoreCase(tag)) return child.childrenSize() > 0 ? child.html() : child.wholeText();
        }
        return "";
    }

    /** Text of the first direct child with that tag; CDATA content comes back as its text. */
    private static String child(Element parent, String tag) {
        for (Element child : parent.children()) if (child.tagName().equalsIgnoreCase(tag)) return child.text().trim();
        return "";
    }
}
