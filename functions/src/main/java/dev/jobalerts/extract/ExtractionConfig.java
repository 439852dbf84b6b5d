package dev.jobalerts.extract;

import dev.jobalerts.source.SourceKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * What the page readers need to know about a source.
 *
 * @param kind       {@link SourceKind#AUTO} (detect, in the order JSON, feed, JSON-LD, microdata, RDFa, selectors,
 *                   plain page) or one page reader; never an adapter's kind, which the adapters read
 * @param selectors  CSS selectors for listing pages without structured data: {@code item} and {@code title} are
 *                   required when any item field is given; {@code url, company, location, datePosted, description}
 *                   are relative to the item; {@code detailLinks} selects links to detail pages on the whole page
 * @param sourceName the name the operator gave the source, "" when none: the company when a page names none
 * @param locale     the board's language and date order ({@code en-US} reads 03/04/2026 as March 4)
 * @param remote     the board lists remote jobs only: every posting is remote unless it says otherwise
 */
public record ExtractionConfig(SourceKind kind, Map<String, String> selectors, String sourceName, Locale locale, boolean remote) {
    static final Set<String> ITEM_FIELDS = Set.of("item", "title", "url", "company", "location", "datePosted", "description");
    static final String DETAIL_LINKS = "detailLinks";

    public ExtractionConfig {
        kind = kind == null ? SourceKind.AUTO : kind;
        if (kind.hasAdapter()) throw new IllegalArgumentException("kind " + kind + " is read by its adapter, not by the page readers");
        selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
        for (Map.Entry<String, String> entry : selectors.entrySet()) {
            String field = "selectors." + entry.getKey();
            if (!ITEM_FIELDS.contains(entry.getKey()) && !entry.getKey().equals(DETAIL_LINKS))
                throw new IllegalArgumentException(field + " is not a known selector; use " + ITEM_FIELDS + " or " + DETAIL_LINKS);
            checkCss(field, entry.getValue());
        }
        boolean itemFields = selectors.keySet().stream().anyMatch(ITEM_FIELDS::contains);
        if (itemFields || kind == SourceKind.SELECTORS) {
            for (String required : List.of("item", "title"))
                if (!selectors.containsKey(required)) throw new IllegalArgumentException("selectors." + required + " is required");
        }
        sourceName = sourceName == null ? "" : sourceName.strip();
        locale = locale == null ? Locale.US : locale;
    }

    /** One reader (or auto) with selectors, for a source with no name, locale or remote flag of its own. */
    public ExtractionConfig(SourceKind kind, Map<String, String> selectors) {
        this(kind, selectors, "", Locale.US, false);
    }

    private static final ExtractionConfig AUTO = new ExtractionConfig(SourceKind.AUTO, Map.of());

    public static ExtractionConfig auto() {
        return AUTO;
    }

    /** Checks a source's selectors the way the readers will use them; throws IllegalArgumentException naming the bad one. */
    public static void checkSelectors(SourceKind kind, Map<String, String> selectors) {
        new ExtractionConfig(kind.hasAdapter() ? SourceKind.AUTO : kind, selectors);
    }

    private static void checkCss(String field, String css) {
        if (css == null || css.isBlank()) throw new IllegalArgumentException(field + " must not be blank");
        try {
            QueryParser.parse(css);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a valid CSS selector: " + e.getMessage(), e);
        }
    }
}
