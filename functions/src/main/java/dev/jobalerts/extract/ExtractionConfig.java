package dev.jobalerts.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Per-source extraction settings.
 *
 * @param kind      {@code auto} (detect, in the order ATS JSON, JSON-LD, microdata, RSS/Atom, selectors, plain page)
 *                  or one extractor: {@code greenhouse|lever|ashby|jsonld|microdata|rss|selectors|page}
 * @param selectors CSS selectors for listing pages without structured data: {@code item} and {@code title} are
 *                  required when any item field is given; {@code url, company, location, datePosted, description}
 *                  are relative to the item; {@code detailLinks} selects links to detail pages on the whole page
 */
public record ExtractionConfig(String kind, Map<String, String> selectors) {
    public static final List<String> KINDS =
            List.of("auto", "greenhouse", "lever", "ashby", "jsonld", "microdata", "rss", "selectors", "page");
    static final Set<String> ITEM_FIELDS = Set.of("item", "title", "url", "company", "location", "datePosted", "description");
    static final String DETAIL_LINKS = "detailLinks";

    public ExtractionConfig {
        Objects.requireNonNull(kind, "kind");
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("kind must be one of " + KINDS + ", was \"" + kind + "\"");
        selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
        for (Map.Entry<String, String> entry : selectors.entrySet()) {
            String field = "selectors." + entry.getKey();
            if (!ITEM_FIELDS.contains(entry.getKey()) && !entry.getKey().equals(DETAIL_LINKS))
                throw new IllegalArgumentException(field + " is not a known selector; use " + ITEM_FIELDS + " or " + DETAIL_LINKS);
            checkCss(field, entry.getValue());
        }
        boolean itemFields = selectors.keySet().stream().anyMatch(ITEM_FIELDS::contains);
        if (itemFields || kind.equals("selectors")) {
            for (String required : List.of("item", "title"))
                if (!selectors.containsKey(required)) throw new IllegalArgumentException("selectors." + required + " is required");
        }
    }

    private static final ExtractionConfig AUTO = new ExtractionConfig("auto", Map.of());

    public static ExtractionConfig auto() {
        return AUTO;
    }

    /** Reads the "kind" and "selectors" members of a source JSON object (other members ignored); throws IllegalArgumentException naming the bad field. */
    public static ExtractionConfig fromSourceJson(JsonNode source) {
        if (source == null || !source.isObject()) throw new IllegalArgumentException("source must be a JSON object");
        JsonNode kind = source.get("kind");
        if (kind != null && !kind.isNull() && !kind.isTextual()) throw new IllegalArgumentException("kind must be a string");
        JsonNode selectors = source.get("selectors");
        Map<String, String> map = new LinkedHashMap<>();
        if (selectors != null && !selectors.isNull()) {
            if (!selectors.isObject()) throw new IllegalArgumentException("selectors must be an object of CSS selectors");
            for (Map.Entry<String, JsonNode> entry : selectors.properties()) {
                if (!entry.getValue().isTextual())
                    throw new IllegalArgumentException("selectors." + entry.getKey() + " must be a string");
                map.put(entry.getKey(), entry.getValue().asText());
            }
        }
        String kindName = kind == null || kind.isNull() ? "auto" : kind.asText();
        return new ExtractionConfig(kindName, map);
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
