package dev.jobalerts.posting;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/** Text normalisation shared by every extractor: one-line fields, descriptions as plain text, remote detection. */
public final class PlainText {
    /** Elements that start a new paragraph (blank line) in plain text. */
    private static final Set<String> PARAGRAPH_TAGS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "table",
            "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "form", "hr", "address");
    /** Elements that start a new line in plain text. */
    private static final Set<String> LINE_TAGS = Set.of("br", "li", "tr", "dt", "dd");
    private static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "noscript", "template", "svg", "iframe");
    private static final Pattern REMOTE = Pattern.compile("\\b(remote|anywhere|work from home|wfh|telecommute)\\b");
    private static final String[] REMOTE_WORDS = {"remote", "anywhere", "work from home", "wfh", "telecommute"};

    private PlainText() {}

    /** A one-line field (title, company, location): entities decoded, whitespace collapsed, trimmed; never null. */
    public static String line(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        String text = raw.indexOf('&') >= 0 ? Parser.unescapeEntities(raw, false) : raw;
        if (isOneLine(text)) return text;
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) out.append(' ');
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    /** True when {@link #line} would return the text unchanged: single spaces between words, nothing to collapse. */
    private static boolean isOneLine(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == last || text.charAt(i + 1) == ' ') return false;
            } else if (c < 0x80 ? c < ' ' || c == 0x7f : Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A description as plain text with paragraphs separated by blank lines. Accepts HTML, HTML that was escaped once
     * more (Greenhouse's {@code content}, many feeds), or plain text with its own line breaks.
     */
    public static String plain(String raw) {
        if (raw == null || raw.isBlank()) return "";
        String text = raw;
        if (!looksLikeHtml(text) && text.contains("&lt;")) text = Parser.unescapeEntities(text, false);
        if (looksLikeHtml(text)) return fromHtmlFragment(text);
        return tidy(text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text);
    }

    /**
     * The text of an HTML fragment parsed as body content, as {@code fromHtml(Jsoup.parseBodyFragment(html).body())}
     * gives it, without the document shell that parseBodyFragment builds and then moves every parsed node into:
     * the fragment's nodes are already children of one body element, whose text is the same.
     */
    private static String fromHtmlFragment(String html) {
        List<Node> nodes = Parser.parseFragment(html, new Element("body"), "");
        return nodes.isEmpty() ? "" : fromHtml((Element) nodes.get(0).parentNode());
    }

    /** True when the text holds a start or end tag ("<p", "</div"); a bare "<" as in "5 < 6" is text. */
    static boolean looksLikeHtml(String text) {
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            char next = text.charAt(i + 1);
            if (isAsciiLetter(next) || (next == '/' && i + 2 < text.length() && isAsciiLetter(text.charAt(i + 2)))) return true;
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The readable text of an element tree, block structure kept as line and paragraph breaks. */
    public static String fromHtml(Element root) {
        return fromHtml(root, el -> false);
    }

    /** As {@link #fromHtml(Element)}, leaving out the elements (and their content) that {@code skip} accepts. */
    public static String fromHtml(Element root, Predicate<Element> skip) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    // Line breaks in HTML source are spaces; tidy() collapses the runs afterwards. The text between
                    // line breaks is copied in one piece rather than char by char.
                    String whole = text.getWholeText();
                    int run = 0;
                    for (int i = 0; i < whole.length(); i++) {
                        char c = whole.charAt(i);
                        if (c == '\n' || c == '\r') {
                            out.append(whole, run, i).append(' ');
                            run = i + 1;
                        }
                    }
                    out.append(whole, run, whole.length());
                } else if (node instanceof Element el) {
                    if (SKIPPED_TAGS.contains(el.normalName()) || (el != root && skip.test(el))) return FilterResult.SKIP_ENTIRELY;
                    breakFor(el, out);
                    if (el.nameIs("li")) out.append("- ");
                    // Cells of one row read as words apart: "Department Planning", not "DepartmentPlanning".
                    else if ((el.nameIs("td") || el.nameIs("th")) && out.length() > 0 && out.charAt(out.length() - 1) > ' ') out.append(' ');
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el && !el.nameIs("br")) breakFor(el, out);
                return FilterResult.CONTINUE;
            }
        }, root);
        return tidy(out.toString());
    }

    private static void breakFor(Element el, StringBuilder out) {
        String tag = el.normalName();
        if (PARAGRAPH_TAGS.contains(tag)) ensureBreak(out, 2);
        else if (LINE_TAGS.contains(tag)) ensureBreak(out, tag.equals("br") ? 0 : 1);
    }

    /**
     * Ends the text so far with {@code newlines} line breaks (a br always adds one), without stacking breaks from
     * nested blocks, and without separating a list marker from its item's first paragraph.
     */
    private static void ensureBreak(StringBuilder out, int newlines) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') end--;
        if (end >= 1 && out.charAt(end - 1) == '-' && (end == 1 || out.charAt(end - 2) == '\n')) return;
        out.setLength(end);
        if (newlines == 0) {
            out.append('\n');
            return;
        }
        int have = 0;
        while (have < end && out.charAt(end - 1 - have) == '\n') have++;
        for (int i = have; i < newlines; i++) out.append('\n');
    }

    /**
     * Trims each line, collapses runs of spaces and of blank lines, drops control characters; a line holding only a
     * list marker ("-") counts as blank. Runs of printable ASCII are copied whole: descriptions run to many KB.
     */
    static String tidy(String text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        Line line = new Line(out);
        for (int i = 0; i <= n; ) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\r') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                    continue;
                }
                c = '\n';
            }
            if (c == '\n') {
                line.end();
                i++;
            } else if (c > ' ' && c < 0x7f) {
                int end = i + 1;
                while (end < n && text.charAt(end) > ' ' && text.charAt(end) < 0x7f) end++;
                line.visible();
                out.append(text, i, end);
                i = end;
            } else {
                boolean space = c < 0x80 ? c <= ' ' || c == 0x7f : Character.isISOControl(c) || Character.isSpaceChar(c) || c == '\u200b';
                if (space) {
                    line.space();
                } else {
                    line.visible();
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    /** The line {@link #tidy} is writing: where it started, whether it has text, the blank lines before it. */
    private static final class Line {
        private final StringBuilder out;
        private int blank;
        private boolean started;
        private boolean pendingSpace;
        private int separatorAt;
        private int textAt;

        Line(StringBuilder out) {
            this.out = out;
        }

        /** Before a visible character: the line's separator if it is the first, else a space the text had. */
        void visible() {
            if (!started) {
                separatorAt = out.length();
                if (out.length() > 0) out.append(blank > 0 ? "\n\n" : "\n");
                textAt = out.length();
                started = true;
            } else if (pendingSpace) {
                out.append(' ');
            }
            pendingSpace = false;
        }

        void space() {
            if (started) pendingSpace = true;
        }

        void end() {
            if (started && out.length() - textAt == 1 && out.charAt(textAt) == '-') {
                out.setLength(separatorAt); // a bare list marker
                started = false;
            }
            blank = started ? 0 : blank + 1;
            started = false;
            pendingSpace = false;
        }
    }

    /** True when a location or similar text says the work is remote. */
    public static boolean mentionsRemote(String text) {
        if (text == null) return false;
        String lower = text.toLowerCase(Locale.ROOT);
        // Most locations name none of the words; the pattern only has to place the word boundaries when one is there.
        for (String word : REMOTE_WORDS) if (lower.contains(word)) return REMOTE.matcher(lower).find();
        return false;
    }
}
