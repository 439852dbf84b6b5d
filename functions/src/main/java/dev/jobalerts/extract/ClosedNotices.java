package dev.jobalerts.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Job pages that are still served after the job is gone: "This job is no longer available", "The position has been
 * filled", "Diese Stelle ist bereits besetzt", "Cette offre n'est plus disponible". Sites keep the old title, labels
 * and description and add the notice near the top, often with a 200 status; such a page is not a posting. Only the
 * headings, the page title, the first {@link #HEAD} characters of the description and the running text before the
 * description (menus, lists, forms, footers and sidebars left out) are read: a notice further down is part of the
 * text ("positions are filled within two weeks") more often than not.
 */
final class ClosedNotices {
    static final int HEAD = 1_500;
    /**
     * The notices, each under a word every one of its phrases contains: the text is searched for the dozen words
     * first (a fast scan), and only the phrases of a word found are compared.
     */
    private static final Map<String, List<String>> PHRASES = Map.ofEntries(
            Map.entry("longer", List.of("no longer available", "no longer accepting", "no longer open", "no longer active",
                    "no longer exists", "no longer listed", "no longer advertised", "job is no longer")),
            Map.entry("filled", List.of("has been filled", "position is filled")),
            Map.entry("closed", List.of("position has been closed", "job has been closed", "this job is closed", "vacancy is closed",
                    "vacancy is now closed", "applications are closed", "applications have closed", "applications are now closed")),
            Map.entry("expire", List.of("job has expired", "posting has expired", "listing has expired", "vacancy has expired",
                    "advert has expired", "expired job", "offre expirée")),
            Map.entry("expir", List.of("offre a expiré")),
            Map.entry("found", List.of("job not found", "job could not be found", "posting could not be found", "page not found")),
            Map.entry("looking for", List.of("job you are looking for", "job you're looking for", "page you are looking for",
                    "page you're looking for", "position you are looking for")),
            Map.entry("removed", List.of("job has been removed", "posting has been removed")),
            Map.entry("accepting", List.of("not accepting applications")),
            Map.entry("nicht mehr", List.of("nicht mehr verfügbar", "nicht mehr aktiv", "nicht mehr online", "existiert nicht mehr")),
            Map.entry("besetzt", List.of("bereits besetzt", "wurde besetzt", "ist besetzt")),
            Map.entry("abgelaufen", List.of("ist abgelaufen")),
            Map.entry("gefunden", List.of("seite nicht gefunden", "stellenanzeige nicht gefunden")),
            Map.entry("plus", List.of("n'est plus disponible", "n'est plus en ligne", "n'existe plus")),
            Map.entry("pourvu", List.of("a été pourvu", "a déjà été pourvu", "est pourvu")),
            Map.entry("introuvable", List.of("introuvable")),
            Map.entry("non trouvée", List.of("page non trouvée")));
    /** Never where a notice is: code, menus, footers, forms and sidebars ("similar jobs"). */
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "head", "nav",
            "footer", "form", "aside", "select", "ul", "ol");

    private ClosedNotices() {}

    /**
     * Whether the page says its job is gone: in its title or headings, at the top of the description (the text of
     * {@code content}), or in the body's text before that content starts.
     */
    static boolean closed(PageScan scan, Element content, String description, String... headings) {
        for (String heading : headings) if (heading != null && says(lowerCollapsed(heading, heading.length()))) return true;
        if (scan.titleElement != null && says(lowerCollapsed(scan.titleElement.text(), HEAD))) return true;
        if (!scan.ogTitle.isEmpty() && says(lowerCollapsed(scan.ogTitle, HEAD))) return true;
        // A description is tidy text already: single spaces, line breaks between blocks.
        if (description != null && says(lower(description.length() > HEAD ? description.substring(0, HEAD) : description).replace('\n', ' ')))
            return true;
        Element body = scan.doc.body();
        return body != null && content != body && says(before(body, content));
    }

    /** Whether lower-cased, collapsed text holds a notice. */
    static boolean says(String lower) {
        if (lower.isEmpty()) return false;
        for (Map.Entry<String, List<String>> word : PHRASES.entrySet()) {
            if (lower.indexOf(word.getKey()) < 0) continue;
            for (String phrase : word.getValue()) if (lower.contains(phrase)) return true;
        }
        return false;
    }

    /** The body's text before {@code content} (at most {@link #HEAD} characters), lower case, spaces collapsed, ’ as '. */
    private static String before(Element body, Element content) {
        StringBuilder out = new StringBuilder(HEAD + 64);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == content) return FilterResult.STOP;
                if (node instanceof Element el && SKIPPED.contains(el.normalName())) return FilterResult.SKIP_ENTIRELY;
                if (node instanceof TextNode text && !text.isBlank()) {
                    if (out.length() > 0) out.append(' '); // text nodes are words apart
                    LabelledFields.appendCollapsed(out, text.getWholeText());
                    if (out.length() >= HEAD) return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return lower(out.length() > HEAD ? out.substring(0, HEAD) : out.toString());
    }

    private static String lowerCollapsed(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 1);
        LabelledFields.appendCollapsed(out, text.length() > 2 * max ? text.substring(0, 2 * max) : text);
        return lower(out.length() > max ? out.substring(0, max) : out.toString());
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
