package dev.jobalerts.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One walk over a parsed page that collects everything the HTML extractors look at. A walk costs a fair share of
 * the parse itself, so the extractors share this one instead of each running its own selectors over the tree.
 */
final class PageScan implements NodeVisitor {
    /** Longest text node that may still be a field label such as "Company:" or "Posted on April 1, 2026". */
    static final int MAX_LABEL_TEXT = 240;

    final Document doc;
    final List<Element> jsonLdScripts = new ArrayList<>(2);
    final List<Element> jobPostingItems = new ArrayList<>(2);
    /** Elements whose RDFa {@code typeof} names a JobPosting type; {@link RdfaExtractor} checks the vocabulary. */
    final List<Element> rdfaJobPostings = new ArrayList<>(2);
    /** Links and buttons, among which the apply controls are. */
    final List<Element> controls = new ArrayList<>();
    /** Elements with a short text node starting like a label (company, employer, location, office, posted, date …). */
    final List<Element> labelCandidates = new ArrayList<>();
    Element firstH1;
    Element descriptionBlock;
    Element mainBlock;

    private PageScan(Document doc) {
        this.doc = doc;
    }

    static PageScan of(Document doc) {
        PageScan scan = new PageScan(doc);
        NodeTraversor.traverse(scan, doc);
        return scan;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            label(text);
            return;
        }
        if (!(node instanceof Element el)) return;
        switch (el.normalName()) {
            case "script" -> {
                if (containsIgnoreCase(el.attr("type"), "ld+json")) jsonLdScripts.add(el);
            }
            case "h1" -> {
                if (firstH1 == null) firstH1 = el;
            }
            case "a", "button" -> controls.add(el);
            case "input" -> {
                if (el.attr("type").equalsIgnoreCase("submit")) controls.add(el);
            }
            case "main", "article" -> {
                if (mainBlock == null) mainBlock = el;
            }
            default -> { }
        }
        if (el.attributesSize() == 0) return;
        if (el.hasAttr("itemscope") && el.attr("itemtype").contains("JobPosting")) jobPostingItems.add(el);
        if (el.attr("typeof").contains("JobPosting")) rdfaJobPostings.add(el);
        if (mainBlock == null && el.attr("role").equals("main")) mainBlock = el;
        if (descriptionBlock == null && isDescription(el)) descriptionBlock = el;
    }

    private void label(TextNode text) {
        if (!(text.parentNode() instanceof Element parent) || parent.nameIs("title") || parent.nameIs("option")) return;
        String whole = text.getWholeText();
        if (whole.length() > MAX_LABEL_TEXT) return;
        int i = 0;
        while (i < whole.length() && Character.isWhitespace(whole.charAt(i))) i++;
        if (!startsWithLabel(whole, i)) return;
        if (labelCandidates.isEmpty() || labelCandidates.get(labelCandidates.size() - 1) != parent) labelCandidates.add(parent);
    }

    /**
     * Whether the text starts with a word a field label starts with (company, employer, organi…, hiring, location,
     * job location, office, posted, date, published), ignoring case; checked on raw text so that only likely labels
     * reach the regular expressions. Most text nodes are prose: the first letter picks the one or two words to compare.
     */
    private static boolean startsWithLabel(String text, int from) {
        if (from >= text.length()) return false;
        return switch (text.charAt(from) | 0x20) {
            case 'c' -> startsWith(text, from, "company");
            case 'd' -> startsWith(text, from, "date");
            case 'e' -> startsWith(text, from, "employer");
            case 'h' -> startsWith(text, from, "hiring");
            case 'j' -> startsWith(text, from, "job location");
            case 'l' -> startsWith(text, from, "location");
            case 'o' -> startsWith(text, from, "organi") || startsWith(text, from, "office");
            case 'p' -> startsWith(text, from, "posted") || startsWith(text, from, "published");
            default -> false;
        };
    }

    private static boolean startsWith(String text, int from, String lowerCaseWord) {
        return text.regionMatches(true, from, lowerCaseWord, 0, lowerCaseWord.length());
    }

    private static boolean containsIgnoreCase(String text, String lowerCaseWord) {
        for (int i = 0; i + lowerCaseWord.length() <= text.length(); i++)
            if (text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) return true;
        return false;
    }

    /** The block a job page keeps its description in, by the names sites commonly give it. */
    private static boolean isDescription(Element el) {
        String id = el.id();
        if (id.contains("description") && (id.equals("description") || id.contains("job-description"))) return true;
        if (el.attr("itemprop").equals("description")) return true;
        String classes = el.className();
        return !classes.isEmpty() && (classes.contains("job-description") || el.hasClass("description"));
    }
}
