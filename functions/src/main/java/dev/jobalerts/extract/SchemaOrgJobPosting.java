package dev.jobalerts.extract;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.url.HttpUrls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a schema.org JobPosting (https://schema.org/JobPosting) held as a JSON tree to a draft. JSON-LD gives that
 * tree directly; microdata is converted to the same tree first, so both read the vocabulary in one place.
 */
final class SchemaOrgJobPosting {
    private static final int MAX_DEPTH = 32;

    private SchemaOrgJobPosting() {}

    /** Every JobPosting in a tree: top-level arrays, {@code @graph}, ItemList elements and other nesting included. */
    static List<JsonNode> find(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found, 0);
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found, int depth) {
        if (depth > MAX_DEPTH || node == null) return;
        if (node.isObject() && isJobPosting(node)) {
            found.add(node);
            return;
        }
        if (node.isContainerNode()) for (JsonNode child : node) collect(child, found, depth + 1);
    }

    /** {@code @type} may be a string or an array of types, as a bare name, a compact IRI or a full IRI. */
    static boolean isJobPosting(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) return false;
        if (type.isArray()) {
            for (JsonNode t : type) if (isJobPostingType(t.asText())) return true;
            return false;
        }
        return isJobPostingType(type.asText());
    }

    private static boolean isJobPostingType(String type) {
        return type.equals("JobPosting") || type.endsWith("/JobPosting") || type.endsWith(":JobPosting");
    }

    static PostingDraft draft(JsonNode job, UrlResolver pageLinks) {
        PostingDraft d = new PostingDraft();
        d.title = text(job, "title") != null ? text(job, "title") : text(job, "name");
        String url = text(job, "url");
        d.url = url == null || HttpUrls.hasHttpPrefix(url) ? url : pageLinks.resolve(url);
        d.company = name(first(job.get("hiringOrganization")));
        List<String> places = new ArrayList<>();
        for (JsonNode place : each(job.get("jobLocation"))) addIfNew(places, place(place));
        d.remote = has(job.get("jobLocationType"), "TELECOMMUTE");
        if (places.isEmpty() && d.remote) {
            List<String> regions = new ArrayList<>();
            for (JsonNode region : each(job.get("applicantLocationRequirements"))) addIfNew(regions, name(region));
            places.add(regions.isEmpty() ? "Remote" : "Remote (" + String.join(", ", regions) + ")");
        }
        d.location = String.join("; ", places);
        // employmentType may repeat, as an array or as comma-separated text; the first type we know is kept.
        for (JsonNode type : each(job.get("employmentType"))) {
            for (String one : type.asText().split(",")) {
                if (d.employmentType == null && EmploymentTypes.normalise(one) != null) d.employmentType = one;
            }
        }
        d.datePosted = text(job, "datePosted");
        d.description = text(job, "description");
        salary(d, job);
        return d;
    }

    /**
     * baseSalary is a MonetaryAmount whose value is a QuantitativeValue (value, or minValue/maxValue, with unitText),
     * or a bare number; some sites put minValue/maxValue/unitText on the MonetaryAmount itself.
     */
    private static void salary(PostingDraft d, JsonNode job) {
        JsonNode amount = first(job.get("baseSalary"));
        if (amount == null) return;
        if (!amount.isObject()) {
            d.salary(number(amount), null, text(job, "salaryCurrency"), null);
            return;
        }
        String currency = text(amount, "currency") != null ? text(amount, "currency") : text(job, "salaryCurrency");
        JsonNode value = amount.get("value");
        JsonNode range = value != null && value.isObject() ? value : amount;
        Double min = number(range.get("minValue"));
        Double max = number(range.get("maxValue"));
        Double single = number(range == amount ? value : range.get("value"));
        String unit = text(range, "unitText") != null ? text(range, "unitText") : text(amount, "unitText");
        if (min == null && max == null) min = single;
        d.salary(min, max, currency, unit);
    }

    /** A place as "locality, region, country", from a Place, its PostalAddress, or plain text. */
    private static String place(JsonNode place) {
        if (place == null || place.isNull()) return "";
        if (!place.isObject()) return place.asText();
        JsonNode address = first(place.get("address"));
        if (address == null) return name(place);
        if (!address.isObject()) return address.asText();
        Set<String> parts = new LinkedHashSet<>();
        for (String field : List.of("addressLocality", "addressRegion", "addressCountry")) {
            String part = name(first(address.get(field)));
            if (!part.isBlank()) parts.add(part.trim());
        }
        return parts.isEmpty() ? name(place) : String.join(", ", parts);
    }

    /** The name of an Organization, Country or similar, or the text itself. */
    private static String name(JsonNode node) {
        if (node == null || node.isNull()) return "";
        if (!node.isObject()) return node.asText();
        String name = text(node, "name");
        return name == null ? "" : name;
    }

    private static void addIfNew(List<String> list, String value) {
        if (value != null && !value.isBlank() && !list.contains(value.trim())) list.add(value.trim());
    }

    private static boolean has(JsonNode values, String wanted) {
        for (JsonNode value : each(values)) if (value.asText().trim().equalsIgnoreCase(wanted)) return true;
        return false;
    }

    private static JsonNode first(JsonNode node) {
        if (node == null || node.isNull()) return null;
        return node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
    }

    private static Iterable<JsonNode> each(JsonNode node) {
        if (node == null || node.isNull()) return List.of();
        return node.isArray() ? node : List.of(node);
    }
}
