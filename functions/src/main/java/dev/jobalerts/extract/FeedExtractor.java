package dev.jobalerts.extract;

import dev.jobalerts.url.HttpUrls;
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
 *
 * <p>When an item has no company element, the company comes from its title in the forms job boards use —
 * "Company: Title", "Title at Company (Location)", "Title - Company - Location" — or else from its author: RSS
 * {@code author} ("jobs@contoso.example (Contoso)"), Dublin Core {@code dc:creator}, Atom {@code author/name} or
 * {@code a10:author/a10:name} (the Atom namespace .NET's SyndicationFeed writes into RSS). An author that is only
 * an e-mail address or a site account ("admin", "HR team") names no company.
 */
final class FeedExtractor {
    static final String NAME = "rss";
    private static final Pattern COMPANY_TITLE = Pattern.compile("^([^:]{1,80}?):\\s+(\\S.*)$");
    // "Senior Data Engineer at Fabrikam (Austin, TX)": the first " at ", an optional place in parentheses at the end.
    private static final Pattern TITLE_AT_COMPANY = Pattern.compile("^(.{2,}?)\\s+at\\s+([^()]{2,80}?)(?:\\s*\\(([^()]{2,80})\\))?$");
    // "Title - Company - Location" with spaced dashes (or en/em dashes, bars): exactly three parts.
    private static final Pattern DASHED = Pattern.compile("\\s+[-–—|]\\s+");
    private static final Pattern EMAIL_AND_NAME = Pattern.compile("^\\S+@\\S+\\s+\\((.+)\\)$");
    private static final java.util.Set<String> ACCOUNTS = java.util.Set.of("admin", "administrator", "webmaster", "editor",
            "hr", "hr team", "human resources", "recruiting", "recruitment", "talent", "talent team", "jobs", "careers",
            "noreply", "no-reply", "team", "staff", "root", "system", "wordpress", "author", "unknown");

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
        title(d, child(item, "title"), firstOf(item, "company", "job:company", "author:company"), author(item));
        d.url = child(item, "link");
        if (d.url.isEmpty() && isPermalink(item)) d.url = child(item, "guid");
        String place = firstOf(item, "location", "job:location", "region");
        if (!place.isEmpty() || d.location == null) d.location = place;
        d.employmentType = firstOf(item, "type", "job:type", "employmentType");
        d.datePosted = firstOf(item, "pubDate", "dc:date");
        String encoded = markup(item, "content:encoded");
        d.description = encoded.isBlank() ? markup(item, "description") : encoded;
        return d;
    }

    private static PostingDraft entry(Element entry) {
        PostingDraft d = new PostingDraft();
        title(d, child(entry, "title"), firstOf(entry, "company", "job:company"), author(entry));
        for (Element link : entry.getElementsByTag("link")) {
            String rel = link.attr("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                d.url = link.attr("href");
                break;
            }
        }
        String place = firstOf(entry, "location", "job:location");
        if (!place.isEmpty() || d.location == null) d.location = place;
        d.datePosted = firstOf(entry, "published", "updated");
        String content = markup(entry, "content");
        d.description = content.isBlank() ? markup(entry, "summary") : content;
        return d;
    }

    private static void title(PostingDraft d, String title, String company, String author) {
        d.company = company;
        d.title = title;
        if (!company.isEmpty()) return;
        String text = title.trim();
        Matcher m = COMPANY_TITLE.matcher(text);
        if (m.matches()) {
            d.company = m.group(1);
            d.title = m.group(2);
            return;
        }
        m = TITLE_AT_COMPANY.matcher(text);
        if (m.matches() && !m.group(2).toLowerCase(java.util.Locale.ROOT).startsWith("home")) { // "Work at Home Agent" names no company
            d.title = m.group(1);
            d.company = m.group(2);
            if (m.group(3) != null) d.location = m.group(3);
            return;
        }
        String[] parts = DASHED.split(text);
        if (parts.length == 3 && !parts[1].isBlank() && !parts[2].isBlank()) {
            d.title = parts[0];
            d.company = parts[1];
            d.location = parts[2];
            return;
        }
        d.company = author;
    }

    /**
     * The organisation an item's author names, or "": RSS author "email (Name)", dc:creator, Atom author/name,
     * a10:author/a10:name. A bare e-mail address or a site account names no one.
     */
    private static String author(Element item) {
        String name = "";
        for (Element child : item.children()) {
            String tag = child.tagName().toLowerCase(java.util.Locale.ROOT);
            if (tag.equals("author") || tag.equals("a10:author") || tag.equals("dc:creator") || tag.equals("atom:author")) {
                Element inner = null;
                for (Element c : child.children()) if (c.tagName().toLowerCase(java.util.Locale.ROOT).endsWith("name")) inner = c;
                name = inner != null ? inner.text().trim() : child.childrenSize() == 0 ? child.text().trim() : "";
                if (!name.isEmpty()) break;
            }
        }
        Matcher m = EMAIL_AND_NAME.matcher(name);
        if (m.matches()) name = m.group(1).trim();
        if (name.contains("@") || name.length() > 80 || ACCOUNTS.contains(name.toLowerCase(java.util.Locale.ROOT))) return "";
        return name;
    }

    private static boolean isPermalink(Element item) {
        Element guid = item.getElementsByTag("guid").first();
        return guid != null && !guid.attr("isPermaLink").equalsIgnoreCase("false") && HttpUrls.hasHttpPrefix(guid.text());
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
