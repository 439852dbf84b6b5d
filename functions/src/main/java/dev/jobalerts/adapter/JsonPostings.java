package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.LenientJson;
import dev.jobalerts.extract.PostingDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the job-board APIs whose answer is a JSON list of whole postings (Remotive, Remote OK, Jobicy …) have in
 * common: each item read on its own, odd member types tolerated, and no posting made of what is not a job.
 */
final class JsonPostings {
    private JsonPostings() {}

    /**
     * Each item as a complete entry. An item that is not an object (a notice, a stray value) is skipped with a
     * warning, as is one whose mapping fails; neither becomes a posting.
     */
    static List<ListingEntry> complete(Iterable<JsonNode> items, String what, Extraction ctx, Function<JsonNode, PostingDraft> mapping) {
        List<PostingDraft> drafts = new ArrayList<>();
        int index = 0;
        for (JsonNode item : items) {
            String name = what + " #" + index++;
            if (!item.isObject()) {
                ctx.warn("skipped " + name + ": a " + item.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a job object");
                continue;
            }
            ctx.each(drafts, name, () -> mapping.apply(item));
        }
        return drafts.stream().map(ListingEntry::complete).toList();
    }

    /**
     * Whether there are items but not one is an object with {@code member}: the jobs are there and their main field
     * is not, so the API changed its schema (an answer the whole of which is unreadable, not one without postings).
     */
    static boolean noneHas(Iterable<JsonNode> items, String member) {
        boolean any = false;
        for (JsonNode item : items) {
            if (item.isObject() && item.has(member)) return false;
            any = true;
        }
        return any;
    }

    /**
     * A member that is one string, or an array of strings or of objects with a {@code name}: its texts joined with
     * {@code separator}, blanks and repeats left out; null when there is none.
     */
    static String joined(JsonNode value, String separator) {
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) return value.isContainerNode() ? LenientJson.text(value, "name") : blankToNull(value.asText());
        List<String> parts = new ArrayList<>();
        for (JsonNode element : value) {
            String text = element.isObject() ? LenientJson.text(element, "name")
                    : element.isValueNode() && !element.isNull() ? blankToNull(element.asText()) : null;
            if (text != null && !parts.contains(text)) parts.add(text);
        }
        return parts.isEmpty() ? null : String.join(separator, parts);
    }

    /** A pay bound: a positive number (or numeric text), else null — these APIs write 0 or "" for "not stated". */
    static Double bound(JsonNode value) {
        Double amount = LenientJson.number(value);
        return amount == null || amount.isNaN() || amount.isInfinite() || amount <= 0 ? null : amount;
    }

    /** The first value of an array member, or the member itself when it is a single value; null when none. */
    static String first(JsonNode value) {
        if (value == null) return null;
        JsonNode one = value.isArray() ? value.path(0) : value;
        return one.isValueNode() && !one.isNull() ? blankToNull(one.asText()) : null;
    }

    private static String blankToNull(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
