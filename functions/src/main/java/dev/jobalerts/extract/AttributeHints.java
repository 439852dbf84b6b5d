package dev.jobalerts.extract;

import dev.jobalerts.extract.Labels.Field;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Fields that a page marks only in its markup: modern boards without JSON-LD name their elements
 * {@code class="job-title"}, {@code id="jobLocation"}, {@code data-automation="advertiser-name"},
 * {@code data-testid="posted-date"} or {@code itemprop="hiringOrganization"} outside any microdata item, or carry the
 * value in a {@code data-company="…"} attribute. An attribute name is split into words (dashes, underscores, camel
 * case; a BEM modifier after "--" dropped) and its last one or two words must name the field, so "relocation",
 * "display" or "company-logo" name nothing. The weakest signal on a page: read only for what labels did not give,
 * in one walk that skips navigation, footers and forms.
 */
final class AttributeHints {
    private static final Map<String, Field> LAST_WORDS = Map.ofEntries(
            Map.entry("job title", Field.TITLE), Map.entry("posting title", Field.TITLE), Map.entry("position title", Field.TITLE),
            Map.entry("job name", Field.TITLE), Map.entry("vacancy title", Field.TITLE), Map.entry("jobtitle", Field.TITLE),
            Map.entry("company", Field.COMPANY), Map.entry("company name", Field.COMPANY), Map.entry("employer", Field.COMPANY),
            Map.entry("employer name", Field.COMPANY), Map.entry("advertiser name", Field.COMPANY), Map.entry("advertiser", Field.COMPANY),
            Map.entry("hiring organization", Field.COMPANY), Map.entry("hiring organisation", Field.COMPANY),
            Map.entry("organization name", Field.COMPANY), Map.entry("organisation name", Field.COMPANY),
            Map.entry("hiringorganization", Field.COMPANY), Map.entry("unternehmen", Field.COMPANY), Map.entry("entreprise", Field.COMPANY),
            Map.entry("location", Field.LOCATION), Map.entry("locations", Field.LOCATION), Map.entry("job location", Field.LOCATION),
            Map.entry("work location", Field.LOCATION), Map.entry("job city", Field.LOCATION), Map.entry("location name", Field.LOCATION),
            Map.entry("joblocation", Field.LOCATION), Map.entry("standort", Field.LOCATION), Map.entry("lieu", Field.LOCATION),
            Map.entry("posted", Field.DATE), Map.entry("date posted", Field.DATE), Map.entry("posted date", Field.DATE),
            Map.entry("post date", Field.DATE), Map.entry("publish date", Field.DATE), Map.entry("published date", Field.DATE),
            Map.entry("published at", Field.DATE), Map.entry("posted at", Field.DATE), Map.entry("posted on", Field.DATE),
            Map.entry("job date", Field.DATE), Map.entry("posting date", Field.DATE), Map.entry("date published", Field.DATE),
            Map.entry("publication date", Field.DATE), Map.entry("dateposted", Field.DATE),
            Map.entry("employment type", Field.TYPE), Map.entry("job type", Field.TYPE), Map.entry("work type", Field.TYPE),
            Map.entry("contract type", Field.TYPE), Map.entry("job schedule", Field.TYPE), Map.entry("time type", Field.TYPE),
            Map.entry("employmenttype", Field.TYPE),
            Map.entry("salary", Field.SALARY), Map.entry("job salary", Field.SALARY), Map.entry("compensation", Field.SALARY),
            Map.entry("pay range", Field.SALARY), Map.entry("salary range", Field.SALARY), Map.entry("basesalary", Field.SALARY));
    /** Attributes whose value names the element's role in the page. */
    private static final List<String> NAMING = List.of("id", "itemprop", "data-testid", "data-automation", "data-qa",
            "data-test", "data-cy", "data-field", "data-test-id");
    private static final Set<String> SKIPPED = Set.of("nav", "footer", "form", "script", "style", "noscript", "template",
            "svg", "head", "select", "button");

    private final Map<Field, String> values = new EnumMap<>(Field.class);
    private final Map<Field, Element> elements = new EnumMap<>(Field.class);

    private AttributeHints() {}

    /** The first hinted value of each field in the page. */
    static AttributeHints read(Element root) {
        AttributeHints hints = new AttributeHints();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) return FilterResult.CONTINUE;
                if (SKIPPED.contains(el.normalName())) return FilterResult.SKIP_ENTIRELY;
                if (el.attributesSize() > 0) hints.look(el);
                return hints.values.size() == Field.values().length ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        return hints;
    }

    String get(Field field) {
        return values.get(field);
    }

    Element element(Field field) {
        return elements.get(field);
    }

    private void look(Element el) {
        for (String token : el.classNames()) take(el, field(token), null);
        for (String name : NAMING) {
            String value = el.attr(name);
            if (!value.isEmpty()) take(el, field(value), null);
        }
        for (Attribute attribute : el.attributes()) {
            String key = attribute.getKey();
            if (key.startsWith("data-") && !NAMING.contains(key)) take(el, field(key.substring(5)), attribute.getValue());
        }
    }

    private void take(Element el, Field field, String attributeValue) {
        if (field == null || values.containsKey(field)) return;
        String value = attributeValue != null && !attributeValue.isBlank() && !isNumberOrFlag(attributeValue)
                ? LabelledFields.collapse(attributeValue)
                : content(el, field);
        if (value == null || value.isEmpty() || value.length() > LabelledFields.MAX_FIELD_LENGTH || Labels.isLabel(value)) return;
        values.put(field, value);
        if (attributeValue == null) elements.put(field, el); // a value read from its text: leave that out of the description
    }

    /** An element's value: a time's datetime, a meta's content, else its (short) text. */
    private static String content(Element el, Field field) {
        if (field == Field.DATE && el.hasAttr("datetime")) return el.attr("datetime");
        if (el.hasAttr("content") && (el.nameIs("meta") || el.hasAttr("itemprop"))) return el.attr("content").trim();
        if (field == Field.DATE) {
            Element time = el.selectFirst("time[datetime]");
            if (time != null) return time.attr("datetime");
        }
        return LabelledFields.text(el, LabelledFields.MAX_FIELD_LENGTH);
    }

    private static boolean isNumberOrFlag(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) return true;
        for (int i = 0; i < v.length(); i++) if (!Character.isDigit(v.charAt(i)) && v.charAt(i) != '-') return false;
        return true;
    }

    /** The field an attribute name's last words name: "job-card__location--small" → location, "relocation" → none. */
    static Field field(String name) {
        if (name.length() < 3 || name.length() > 80) return null;
        int modifier = name.indexOf("--");
        String base = modifier > 0 ? name.substring(0, modifier) : name;
        String[] words = words(base);
        if (words.length == 0) return null;
        Field last = LAST_WORDS.get(words[words.length - 1]);
        if (words.length >= 2) {
            Field two = LAST_WORDS.get(words[words.length - 2] + " " + words[words.length - 1]);
            if (two != null) return two;
        }
        return last;
    }

    /** Words of an attribute name, split at dashes, underscores, dots, spaces and lower-to-upper case changes. */
    private static String[] words(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.' || c == ' ' || c == ':') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
            } else {
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) out.append(' ');
                out.append(Character.toLowerCase(c));
            }
        }
        String text = out.toString().trim();
        return text.isEmpty() ? new String[0] : text.toLowerCase(Locale.ROOT).split(" ");
    }
}
