package dev.jobalerts.extract;

import dev.jobalerts.posting.PostingDates;
import dev.jobalerts.posting.PostingText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A single posting page with no structured data. The title is the first {@code h1} (or {@code og:title});
 * company, location and date come from labelled fields ("Company: …", a {@code dt}/{@code dd} pair, a bold label
 * and its text) or, on a page with an apply button, from the headings right after the title. A page is only taken
 * for a posting when it names a company or a location besides the title: that is what tells a job page from a
 * category page or an article.
 */
final class PageExtractor {
    static final String NAME = "page";
    private static final int MAX_FIELD_LENGTH = 120;
    private static final String LABELS =
            "(company|employer|organi[sz]ation|hiring company|location|job location|office|posted on|posted|date posted|published on|published)";
    private static final Pattern INLINE = Pattern.compile("^" + LABELS + "\\s*:\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("^" + LABELS + "\\s*:?$", Pattern.CASE_INSENSITIVE);
    // "Posted on April 1, 2026" and "Posted 2 days ago" need no colon; the value must then read as a date.
    private static final Pattern POSTED = Pattern.compile("^(?:posted|published)(?:\\s+on)?\\s+(\\S.*)$", Pattern.CASE_INSENSITIVE);
    // "0 jobs found", "214 results", "Search results": a listing or search page, not a posting.
    private static final Pattern LISTING_TITLE = Pattern.compile(
            "^\\d[\\d,.]*\\+?\\s+(?:\\w+\\s+)?(?:jobs?|results?|positions?|vacanc(?:y|ies)|openings?|roles?)\\b.*|.*\\b(?:search results|no results|jobs found)\\b.*",
            Pattern.CASE_INSENSITIVE);
    // A short call to action such as "Apply", "Apply now", "Apply for this job"; "Apply to one of our roles" is longer.
    private static final Pattern APPLY = Pattern.compile("^(?:[\\w ]{0,10}\\b)?apply\\b[\\w ]{0,15}$", Pattern.CASE_INSENSITIVE);
    private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title]");
    private static final Set<String> BLOCK_LABELS = Set.of("dt", "th", "td", "div", "p", "li", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final Set<String> CHROME = Set.of("nav", "header", "footer", "aside", "form", "button", "h1");

    List<PostingDraft> extract(PageScan scan, Extraction ctx) {
        Document doc = scan.doc;
        Element h1 = scan.firstH1;
        String title = h1 != null ? h1.text() : doc.select(OG_TITLE).attr("content");
        if (title.isBlank() || LISTING_TITLE.matcher(title.trim()).matches()) return List.of();
        PostingDraft d = new PostingDraft();
        d.title = title;
        Set<Element> used = Collections.newSetFromMap(new IdentityHashMap<>());
        labelledFields(scan.labelCandidates, d, ctx, used);
        boolean apply = markApplyControls(scan.controls, used);
        if (h1 != null && (d.company == null || d.location == null) && apply) headingsAfter(h1, d, used, ctx);
        if (PostingText.line(d.company).isEmpty() && PostingText.line(d.location).isEmpty()) return List.of();
        Element main = scan.descriptionBlock != null ? scan.descriptionBlock : scan.mainBlock != null ? scan.mainBlock : doc.body();
        d.descriptionText = PostingText.fromHtml(main, el -> used.contains(el) || (main != el && CHROME.contains(el.normalName())));
        return List.of(d);
    }

    private static void labelledFields(List<Element> candidates, PostingDraft d, Extraction ctx, Set<Element> used) {
        for (Element el : candidates) {
            if (d.company != null && d.location != null && d.datePosted != null) return;
            String own = el.ownText().trim();
            if (own.isEmpty() || own.length() > MAX_FIELD_LENGTH) continue;
            Matcher inline = INLINE.matcher(own);
            if (inline.matches() && el.childrenSize() == 0) {
                if (set(d, inline.group(1), inline.group(2), ctx)) used.add(el);
                continue;
            }
            Matcher posted = POSTED.matcher(own);
            if (posted.matches() && d.datePosted == null && PostingDates.normalise(posted.group(1), ctx.fetchedAt()) != null) {
                d.datePosted = posted.group(1);
                used.add(el);
                continue;
            }
            Matcher label = LABEL.matcher(own);
            if (label.matches() && el.childrenSize() == 0) labelled(el, own, label.group(1), d, ctx, used);
        }
    }

    /**
     * A bare label's value: for a block label (dt, th, a div) its next sibling; for an inline label the rest of its
     * parent's text ("<b>Location:</b> Lyon"), else its next sibling.
     */
    private static void labelled(Element label, String labelText, String field, PostingDraft d, Extraction ctx, Set<Element> used) {
        Element holder = null;
        String value = null;
        Element parent = label.parent();
        if (!BLOCK_LABELS.contains(label.normalName()) && parent != null) {
            String parentText = parent.text();
            if (parentText.length() <= MAX_FIELD_LENGTH + labelText.length() && parentText.startsWith(labelText)
                    && parentText.length() > labelText.length() + 1) {
                holder = parent;
                value = parentText.substring(labelText.length());
            }
        }
        if (holder == null) {
            Element next = label.nextElementSibling();
            if (next == null) return;
            value = next.text();
            if (value.isBlank() || value.length() > MAX_FIELD_LENGTH) return;
            holder = next;
        }
        if (set(d, field, value, ctx)) {
            used.add(holder);
            used.add(label);
        }
    }

    /** Records a labelled value once per field; true when it was taken. */
    private static boolean set(PostingDraft d, String label, String raw, Extraction ctx) {
        String value = raw.trim().replaceFirst("^[:\\-–—|]\\s*", "");
        if (value.isEmpty()) return false;
        String key = label.toLowerCase(Locale.ROOT);
        if (key.startsWith("posted") || key.startsWith("date") || key.startsWith("published")) {
            if (d.datePosted != null || PostingDates.normalise(value, ctx.fetchedAt()) == null) return false;
            d.datePosted = value;
        } else if (key.contains("location") || key.equals("office")) {
            if (d.location != null) return false;
            d.location = value;
        } else {
            if (d.company != null) return false;
            d.company = value;
        }
        return true;
    }

    /** Company then location from up to two short headings that directly follow the title. */
    private static void headingsAfter(Element h1, PostingDraft d, Set<Element> used, Extraction ctx) {
        List<String> found = new ArrayList<>(2);
        Element next = h1.nextElementSibling() != null ? h1.nextElementSibling() : h1.parent().nextElementSibling();
        for (; next != null && found.size() < 2 && HEADINGS.contains(next.normalName()); next = next.nextElementSibling()) {
            if (next.text().isBlank() || next.text().length() > MAX_FIELD_LENGTH || used.contains(next)) break;
            if (PostingDates.normalise(next.text(), ctx.fetchedAt()) != null) break; // a dateline, as under an article title
            found.add(next.text());
            used.add(next);
        }
        if (found.size() == 1) {
            String[] parts = found.get(0).split("\\s+[·|•]\\s+|\\s+[-–—]\\s+", 2);
            found = List.of(parts);
        }
        if (!found.isEmpty() && d.company == null) d.company = found.get(0);
        if (found.size() > 1 && d.location == null) d.location = found.get(1);
    }

    /** Finds the page's apply buttons and links (left out of the description); true when there is one. */
    private static boolean markApplyControls(List<Element> controls, Set<Element> used) {
        boolean found = false;
        for (Element el : controls) {
            String text = (el.nameIs("input") ? el.attr("value") : el.text()).trim();
            if (text.length() <= 30 && text.toLowerCase(Locale.ROOT).contains("apply") && APPLY.matcher(text).matches()) {
                used.add(el);
                found = true;
            }
        }
        return found;
    }
}
