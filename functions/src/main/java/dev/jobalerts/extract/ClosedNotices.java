package dev.jobalerts.extract;

import java.util.List;
import java.util.Locale;
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
 * headings, the page title and the first {@link #HEAD} characters of the body are read: a notice further down is
 * part of the text ("positions are filled within two weeks") more often than not.
 */
final class ClosedNotices {
    static final int HEAD = 2_500;
    private static final List<String> PHRASES = List.of(
            "no longer available", "no longer accepting applications", "no longer accepting", "no longer open",
            "no longer active", "no longer exists", "no longer listed", "no longer advertised", "has been filled",
            "position is filled", "position has been closed", "job has expired", "posting has expired",
            "listing has expired", "vacancy has expired", "advert has expired", "job has been closed", "this job is closed",
            "vacancy is closed", "vacancy is now closed", "applications are closed", "applications have closed",
            "applications are now closed", "job not found", "job could not be found", "posting could not be found",
            "job you are looking for", "job you're looking for", "page you are looking for", "page you're looking for",
            "position you are looking for", "job has been removed", "posting has been removed", "page not found",
            "this job has expired", "expired job", "job is no longer", "not accepting applications",
            "nicht mehr verfügbar", "nicht mehr aktiv", "nicht mehr online", "bereits besetzt", "wurde besetzt",
            "ist besetzt", "ist abgelaufen", "existiert nicht mehr", "stellenanzeige ist nicht", "seite nicht gefunden",
            "n'est plus disponible", "n’est plus disponible", "n'est plus en ligne", "n’est plus en ligne", "a été pourvu",
            "a déjà été pourvu", "est pourvu", "offre expirée", "offre a expiré", "n'existe plus", "n’existe plus",
            "introuvable", "page non trouvée");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "head");

    private ClosedNotices() {}

    /** Whether the page says its job is gone: in its title, headings or the top of its body. */
    static boolean closed(PageScan scan, String... headings) {
        for (String heading : headings) if (says(heading)) return true;
        if (scan.titleElement != null && says(scan.titleElement.text())) return true;
        if (says(scan.ogTitle)) return true;
        Element body = scan.doc.body();
        return body != null && says(head(body));
    }

    private static boolean says(String text) {
        if (text == null || text.isEmpty()) return false;
        String lower = LabelledFields.collapse(text).toLowerCase(Locale.ROOT);
        for (String phrase : PHRASES) if (lower.contains(phrase)) return true;
        return false;
    }

    /** The first {@link #HEAD} characters of the body's text. */
    private static String head(Element body) {
        StringBuilder out = new StringBuilder(HEAD + 64);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el && SKIPPED.contains(el.normalName())) return FilterResult.SKIP_ENTIRELY;
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText()).append(' ');
                    if (out.length() >= HEAD) return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return LabelledFields.collapse(out.length() > HEAD ? out.substring(0, HEAD) : out.toString());
    }
}
