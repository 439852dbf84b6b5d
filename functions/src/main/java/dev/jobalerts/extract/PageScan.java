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
    /** Labels kept per page: a job page has a dozen; a page with thousands is a listing or a data table. */
    static final int MAX_LABELS = 200;

    final Document doc;
    final List<Element> jsonLdScripts = new ArrayList<>(2);
    final List<Element> jobPostingItems = new ArrayList<>(2);
    /** Elements whose RDFa {@code typeof} names a JobPosting type; {@link RdfaExtractor} checks the vocabulary. */
    final List<Element> rdfaJobPostings = new ArrayList<>(2);
    /** Links and buttons outside menus and footers, among which the apply controls are. */
    final List<Element> controls = new ArrayList<>();
    /** Short text nodes that start with a field label ("Company:", "Standort", "Posted on …"), outside nav, footer and forms. */
    final List<LabelText> labels = new ArrayList<>();
    /** Microdata Organizations, whose name is the company of a page that names none in words. */
    final List<Element> organizationItems = new ArrayList<>(1);
    Element firstH1;
    Element titleElement;
    String ogTitle = "";
    String ogSiteName = "";
    /** Depth inside nav, footer and form elements, whose labels are menus, addresses and search fields. */
    private int chrome;
    /** Depth inside nav and footer elements, whose links are menus. */
    private int menus;
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

    /** A text node that starts with a label, and what the label says. */
    record LabelText(TextNode node, Labels.Hit hit) {}

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            if (chrome == 0 && labels.size() < MAX_LABELS) label(text);
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
            case "a", "button" -> {
                if (menus == 0) controls.add(el);
            }
            case "input" -> {
                if (el.attr("type").equalsIgnoreCase("submit")) controls.add(el);
            }
            case "main", "article" -> {
                if (mainBlock == null) mainBlock = el;
            }
            case "nav", "footer" -> {
                chrome++;
                menus++;
            }
            case "form" -> chrome++;
            case "title" -> {
                if (titleElement == null) titleElement = el;
            }
            case "meta" -> meta(el);
            default -> { }
        }
        if (el.attributesSize() == 0) return;
        if (el.hasAttr("itemscope")) {
            String type = el.attr("itemtype");
            if (type.contains("JobPosting")) jobPostingItems.add(el);
            else if (type.endsWith("Organization")) organizationItems.add(el);
        }
        if (el.attr("typeof").contains("JobPosting")) rdfaJobPostings.add(el);
        if (mainBlock == null && el.attr("role").equals("main")) mainBlock = el;
        if (descriptionBlock == null && isDescription(el)) descriptionBlock = el;
    }

    @Override
    public void tail(Node node, int depth) {
        if (chrome > 0 && node instanceof Element el) {
            String name = el.normalName();
            if (name.equals("nav") || name.equals("footer")) {
                chrome--;
                menus--;
            } else if (name.equals("form")) {
                chrome--;
            }
        }
    }

    private void label(TextNode text) {
        String whole = text.getWholeText();
        if (whole.length() > MAX_LABEL_TEXT || !(text.parentNode() instanceof Element parent)) return;
        switch (parent.normalName()) {
            case "title", "option", "a", "button", "textarea", "select" -> {
                return; // a link or a control reads "Locations" or "Jobs", it labels nothing
            }
            default -> { }
        }
        Labels.Hit hit = Labels.at(whole);
        if (hit != null) labels.add(new LabelText(text, hit));
    }

    /** og:title and og:site_name (https://ogp.me/#metadata), for pages whose h1 is not the job's title. */
    private void meta(Element el) {
        String property = el.attr("property");
        if (property.isEmpty()) property = el.attr("name");
        if (property.equals("og:title") && ogTitle.isEmpty()) ogTitle = el.attr("content").trim();
        else if (property.equals("og:site_name") && ogSiteName.isEmpty()) ogSiteName = el.attr("content").trim();
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
