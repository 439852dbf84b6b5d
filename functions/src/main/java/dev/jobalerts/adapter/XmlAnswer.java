package dev.jobalerts.adapter;

import dev.jobalerts.extract.PageContent;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * An API answer read as XML, or why it could not be. Parsed with jsoup's XML parser, never as HTML: element names keep
 * their case and namespace prefix ({@code jobDescriptions}, {@code tt:location}) and CDATA stays text. A login wall or
 * a moved board answers an HTML page with a 200, a misrouted request JSON; both are problems, never an empty board.
 *
 * @param root the document's root element, checked to be the one the API answers with
 */
record XmlAnswer(Element root, String problem) {

    /** Reads {@code response} as {@code api}'s XML, whose root element must be {@code rootTag}. */
    static XmlAnswer read(PageContent response, String api, String rootTag) {
        String body = response.body();
        int start = 0;
        while (start < body.length() && (Character.isWhitespace(body.charAt(start)) || body.charAt(start) == '\ufeff')) start++;
        if (start == body.length()) return failed(api + " answered with an empty body");
        char first = body.charAt(start);
        if (first == '{' || first == '[') return failed(api + " answered with JSON instead of XML (did the API change?)");
        if (first != '<') return failed(api + " answered with text instead of XML");
        if (startsWithHtml(body, start)) return failed(htmlPage(api));
        Document document = Parser.xmlParser().parseInput(body, response.url());
        Element root = document.children().first();
        if (root == null) return failed(api + " answered with markup without a root element");
        if (root.tagName().equalsIgnoreCase("html")) return failed(htmlPage(api));
        if (!root.tagName().equals(rootTag))
            return failed(api + " answer has <" + root.tagName() + "> where <" + rootTag + "> was expected (did the API change?)");
        return new XmlAnswer(root, null);
    }

    boolean readable() {
        return problem == null;
    }

    /** The direct children of {@code parent} named {@code tag}, in order (never descendants of another name). */
    static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        if (parent == null) return found;
        for (Element child : parent.children()) if (child.tagName().equals(tag)) found.add(child);
        return found;
    }

    /** The first direct child named {@code tag}, or null. */
    static Element child(Element parent, String tag) {
        if (parent == null) return null;
        for (Element child : parent.children()) if (child.tagName().equals(tag)) return child;
        return null;
    }

    /** The trimmed text of the first direct child named {@code tag} (CDATA included); null when absent or blank. */
    static String text(Element parent, String tag) {
        Element child = child(parent, tag);
        if (child == null) return null;
        String text = child.wholeText().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Whether an element that should hold only text holds elements: the lenient parser nests everything after an
     * unclosed tag inside it, so such an item is garbled and is skipped rather than read.
     */
    static boolean swallowedElements(Element item, String... textTags) {
        for (String tag : textTags) {
            Element child = child(item, tag);
            if (child != null && child.childrenSize() > 0) return true;
        }
        return item.getElementsByTag(item.tagName()).size() > 1;
    }

    private static boolean startsWithHtml(String body, int start) {
        return body.regionMatches(true, start, "<!doctype html", 0, 14) || body.regionMatches(true, start, "<html", 0, 5)
                || body.regionMatches(true, start, "<head", 0, 5) || body.regionMatches(true, start, "<body", 0, 5);
    }

    private static String htmlPage(String api) {
        return api + " answered with an HTML page instead of XML (a login wall, a captcha, or a board that moved?)";
    }

    private static XmlAnswer failed(String problem) {
        return new XmlAnswer(null, problem);
    }
}
