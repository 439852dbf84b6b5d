package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Labels.Field;
import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.posting.PostingDates;
import dev.jobalerts.posting.PlainText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * A single posting page with no structured data.
 *
 * <p>Fields come from labels first ({@link LabelledFields}: "Company: …", {@code <dt>Standort</dt><dd>…}, "Posted on
 * …", in English, German and French), then from attribute names ({@link AttributeHints}: {@code class="job-location"}),
 * then, on a page with an apply button, from the headings right after the title. The title is the {@code <h1>} unless
 * a "Job Title" label names it or the {@code <h1>} is generic ("Careers", "Job Details", the site's name); then it is
 * {@code og:title}, the page {@code <title>} without its site and place, or the most prominent heading of the main
 * content. A company no label names is {@code og:site_name}, a schema.org Organization on the page, or the part of the
 * page title that is not the job (the source's name comes last, from {@link SourceDefaults}).
 *
 * <p>A page is only taken for a posting when it labels a company or a location (or a title and another field), or
 * marks one in its markup, or shows one in the headings under its title: that is what tells a job page from a
 * category page, an article or a search form. A page that labels several different companies, locations or titles
 * under a generic heading is a listing, and a page that says its job is gone ({@link ClosedNotices}) is no posting.
 */
final class PageExtractor {
    static final String NAME = "page";
    private static final int MAX_FIELD_LENGTH = LabelledFields.MAX_FIELD_LENGTH;
    // "0 jobs found", "214 results", "Search results": a listing or search page, not a posting.
    private static final Pattern LISTING_TITLE = Pattern.compile(
            "^\\d[\\d,.]*\\+?\\s+(?:\\w+\\s+)?(?:jobs?|results?|positions?|vacanc(?:y|ies)|openings?|roles?|stellen|offres|emplois)\\b.*"
                    + "|.*\\b(?:search results|no results|jobs found|suchergebnisse|résultats de recherche)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // A short call to action such as "Apply", "Apply now", "Jetzt bewerben", "Postuler"; "Apply to one of our roles" is longer.
    private static final Pattern APPLY = Pattern.compile(
            "^(?:[\\w ]{0,10}\\b)?(?:apply|bewerben|postuler|candidater)\\b[\\w /]{0,15}$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final Set<String> CHROME = Set.of("nav", "header", "footer", "aside", "form", "button", "h1");

    List<PostingDraft> extract(PageScan scan, ExtractionConfig config, Extraction ctx) {
        Set<Element> used = Collections.newSetFromMap(new IdentityHashMap<>());
        LabelledFields labels = LabelledFields.read(scan.labels, ctx.fetchedAt(), used);
        Element h1 = scan.firstH1;
        String h1Text = h1 == null ? "" : text(h1);
        Set<String> names = names(scan.ogSiteName, config.sourceName(), labels.get(Field.COMPANY));
        boolean genericH1 = h1Text == null || PageTitles.isGeneric(h1Text, names);
        if (genericH1 && (labels.distinct(Field.TITLE) > 1 || labels.distinct(Field.COMPANY) > 1 || labels.distinct(Field.LOCATION) > 1))
            return List.of(); // several jobs labelled under a section heading: a listing, not one posting
        AttributeHints hints = needsHints(labels, genericH1) ? AttributeHints.read(scan.doc.body() != null ? scan.doc.body() : scan.doc) : null;

        String location = labels.get(Field.LOCATION);
        String pageTitle = scan.titleElement == null ? "" : scan.titleElement.text();
        Title title = title(scan, labels, hints, genericH1 ? null : h1, names, location, pageTitle);
        if (title == null || LISTING_TITLE.matcher(title.text.trim()).matches()) return List.of();
        Element anchor = title.heading; // the heading the title is, after which company and place may follow
        if (anchor != null && anchor != h1) used.add(anchor);

        PostingDraft d = new PostingDraft();
        d.title = title.text;
        d.company = labels.get(Field.COMPANY);
        d.location = location;
        d.datePosted = labels.get(Field.DATE);
        d.employmentType = labels.get(Field.TYPE);
        d.salaryText = labels.get(Field.SALARY);
        boolean evidence = labels.has(Field.COMPANY) || labels.has(Field.LOCATION) || (labels.has(Field.TITLE) && labels.size() >= 2);
        if (hints != null) evidence |= fromHints(hints, d, used, ctx);
        boolean apply = markApplyControls(scan.controls, used);
        if (anchor != null && (d.company == null || d.location == null) && apply) evidence |= headingsAfter(anchor, d, used, ctx);
        // A title guessed from the page's other headings needs a field only jobs have (a posted date, a type, a
        // salary): an imprint or contact page names a company and a place too.
        if (title.guessed) evidence &= d.datePosted != null || d.employmentType != null || d.salaryText != null;
        if (!evidence) return List.of();
        Element main = scan.descriptionBlock != null ? scan.descriptionBlock : scan.mainBlock != null ? scan.mainBlock : scan.doc.body();
        if (main != null)
            d.descriptionText = PlainText.fromHtml(main, el -> used.contains(el) || (main != el && CHROME.contains(el.normalName())));
        if (ClosedNotices.closed(scan, main, d.descriptionText, h1Text, title.text)) return List.of();
        if (d.company == null) d.company = company(scan, pageTitle, title.text, d.location);
        return List.of(d);
    }

    /** A posting's title, the heading that shows it (null when none does), and whether it was guessed. */
    private record Title(String text, Element heading, boolean guessed) {}

    /**
     * The job's title: a "Job Title" label, the {@code <h1>} unless it is generic ({@code h1} is null then), a
     * hinted element; else, guessed, {@code og:title}, the page {@code <title>} or the main content's first heading.
     */
    private static Title title(PageScan scan, LabelledFields labels, AttributeHints hints, Element h1, Set<String> names,
            String location, String pageTitle) {
        String label = labels.get(Field.TITLE);
        if (label != null) return new Title(label, h1, false);
        if (h1 != null) return new Title(text(h1), h1, false);
        String hinted = hints == null ? null : hints.get(Field.TITLE);
        if (hinted != null && !PageTitles.isGeneric(hinted, names)) return new Title(hinted, hints.element(Field.TITLE), false);
        String guess = PageTitles.jobTitle(scan.ogTitle, names, location);
        if (guess == null) guess = PageTitles.jobTitle(pageTitle, names, location);
        Element heading = mainHeading(scan, scan.firstH1, names);
        String headingText = heading == null ? null : text(heading);
        if (guess == null) guess = headingText;
        if (guess == null || guess.isBlank()) return null;
        // The heading that repeats the title is the title, not a part of the description.
        return new Title(guess, guess.equalsIgnoreCase(headingText) ? heading : null, true);
    }

    /** Attribute hints are read only when labels left the title, company or location open. */
    private static boolean needsHints(LabelledFields labels, boolean genericH1) {
        return !labels.has(Field.COMPANY) || !labels.has(Field.LOCATION) || (genericH1 && !labels.has(Field.TITLE));
    }

    /** Fills what labels did not give from attribute hints; true when one named a company or a location. */
    private static boolean fromHints(AttributeHints hints, PostingDraft d, Set<Element> used, Extraction ctx) {
        boolean found = false;
        if (d.company == null && hints.get(Field.COMPANY) != null) {
            d.company = hints.get(Field.COMPANY);
            use(used, hints.element(Field.COMPANY));
            found = true;
        }
        if (d.location == null && hints.get(Field.LOCATION) != null) {
            d.location = hints.get(Field.LOCATION);
            use(used, hints.element(Field.LOCATION));
            found = true;
        }
        String date = hints.get(Field.DATE);
        if (d.datePosted == null && date != null && PostingDates.normalise(date, ctx.fetchedAt()) != null) {
            d.datePosted = date;
            use(used, hints.element(Field.DATE));
        }
        if (d.employmentType == null && EmploymentTypes.normalise(hints.get(Field.TYPE)) != null) {
            d.employmentType = hints.get(Field.TYPE);
            use(used, hints.element(Field.TYPE));
        }
        if (d.salaryText == null && hints.get(Field.SALARY) != null) {
            d.salaryText = hints.get(Field.SALARY);
            use(used, hints.element(Field.SALARY));
        }
        return found;
    }

    private static void use(Set<Element> used, Element el) {
        if (el != null) used.add(el);
    }

    /** The names the page and its source go by: a heading that is only one of them is no job title. */
    private static Set<String> names(String... names) {
        Set<String> set = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) continue;
            set.add(name.trim());
            String bare = PageTitles.withoutBoardWords(name);
            if (!bare.isBlank()) set.add(bare);
        }
        return set;
    }

    /** The first of the highest headings in the main content that could be a job title. */
    private static Element mainHeading(PageScan scan, Element skip, Set<String> names) {
        Element root = scan.mainBlock != null ? scan.mainBlock : scan.doc.body();
        if (root == null) return null;
        for (String level : List.of("h1", "h2", "h3")) {
            for (Element heading : root.getElementsByTag(level)) {
                if (heading == skip) continue;
                String text = text(heading);
                if (text == null || text.isBlank() || PageTitles.isGeneric(text, names) || PageTitles.isSection(text)
                        || Labels.isLabel(text) || LISTING_TITLE.matcher(text).matches()) continue;
                return heading;
            }
        }
        return null;
    }

    /** The company of a page no label names it on: og:site_name, a schema.org Organization, the page title's other part. */
    private static String company(PageScan scan, String pageTitle, String title, String location) {
        String site = PageTitles.withoutBoardWords(scan.ogSiteName);
        if (!site.isBlank()) return site;
        String organization = organization(scan);
        if (organization != null) return organization;
        return PageTitles.company(pageTitle, title, location);
    }

    /** The name of the first schema.org Organization in the page's JSON-LD or microdata. */
    private static String organization(PageScan scan) {
        for (Element script : scan.jsonLdScripts) {
            try {
                for (JsonNode value : LenientJson.readAll(script.data())) {
                    String name = organizationName(value, 0);
                    if (name != null) return name;
                }
            } catch (IOException e) {
                // already reported by the JSON-LD reader; a broken block names no organization
            }
        }
        for (Element item : scan.organizationItems) {
            Element name = item.selectFirst("[itemprop=name]");
            if (name != null) {
                String text = name.hasAttr("content") ? name.attr("content").trim() : text(name);
                if (text != null && !text.isBlank()) return text;
            }
        }
        return null;
    }

    private static String organizationName(JsonNode node, int depth) {
        if (node == null || depth > 6) return null;
        if (node.isObject()) {
            String type = node.path("@type").asText("");
            String name = LenientJson.text(node, "name");
            if ((type.endsWith("Organization") || type.equals("Corporation") || type.equals("LocalBusiness") || type.equals("NGO"))
                    && name != null && !name.isBlank()) return name.trim();
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                String name = organizationName(child, depth + 1);
                if (name != null) return name;
            }
        }
        return null;
    }

    /**
     * Company then location from up to two short headings that directly follow the title; true when one was read.
     */
    private static boolean headingsAfter(Element title, PostingDraft d, Set<Element> used, Extraction ctx) {
        List<String> found = new ArrayList<>(2);
        Element next = title.nextElementSibling() != null ? title.nextElementSibling()
                : title.parent() == null ? null : title.parent().nextElementSibling();
        for (; next != null && found.size() < 2 && HEADINGS.contains(next.normalName()); next = next.nextElementSibling()) {
            String text = text(next);
            if (text == null || text.isBlank() || used.contains(next) || Labels.isLabel(text) || PageTitles.isSection(text)) break;
            if (PostingDates.normalise(text, ctx.fetchedAt()) != null) break; // a dateline, as under an article title
            found.add(text);
            used.add(next);
        }
        if (found.size() == 1) found = List.of(found.get(0).split("\\s+[·|•]\\s+|\\s+[-–—]\\s+", 2));
        boolean read = false;
        if (!found.isEmpty() && d.company == null) {
            d.company = found.get(0);
            read = true;
        }
        if (found.size() > 1 && d.location == null) {
            d.location = found.get(1);
            read = true;
        }
        return read;
    }

    /** Finds the page's apply buttons and links (left out of the description); true when there is one. */
    private static boolean markApplyControls(List<Element> controls, Set<Element> used) {
        boolean found = false;
        for (Element el : controls) {
            String text = el.nameIs("input") ? el.attr("value").trim() : controlText(el);
            if (text == null || text.length() > 30) continue;
            String lower = text.toLowerCase(Locale.ROOT);
            if ((lower.contains("apply") || lower.contains("bewerb") || lower.contains("postul") || lower.contains("candidat"))
                    && APPLY.matcher(text).matches()) {
                used.add(el);
                found = true;
            }
        }
        return found;
    }

    /** A link's or button's text when it may be a call to action (30 characters at most), else null. */
    private static String controlText(Element el) {
        if (el.childNodeSize() == 1 && el.childNode(0) instanceof org.jsoup.nodes.TextNode only) {
            String raw = only.getWholeText(); // most links hold one text node: no walk, and no copy unless it may be one
            return raw.length() > 60 || !mentionsApply(raw) ? null : LabelledFields.collapse(raw);
        }
        return LabelledFields.text(el, 30);
    }

    private static boolean mentionsApply(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i) | 0x20) {
                case 'a' -> { if (text.regionMatches(true, i, "apply", 0, 5)) return true; }
                case 'b' -> { if (text.regionMatches(true, i, "bewerb", 0, 6)) return true; }
                case 'p' -> { if (text.regionMatches(true, i, "postul", 0, 6)) return true; }
                case 'c' -> { if (text.regionMatches(true, i, "candidat", 0, 8)) return true; }
                default -> { }
            }
        }
        return false;
    }

    /** A heading's text, or null when it is too long to be a field. */
    private static String text(Element el) {
        return LabelledFields.text(el, MAX_FIELD_LENGTH * 2);
    }
}
