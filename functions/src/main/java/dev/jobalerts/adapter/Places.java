package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A place an API gives in parts ({@code city}, {@code state}, {@code country} …) as one line people read. */
final class Places {
    private Places() {}

    /** The members that have text, in the order named, a repeat left out ("Berlin, Berlin, Germany" is "Berlin, Germany"); null when none has. */
    static String of(JsonNode node, String... fields) {
        List<String> parts = new ArrayList<>(fields.length);
        for (String field : fields) {
            String part = text(node, field);
            if (part != null && !parts.contains(part)) parts.add(part);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** Each element's place as {@code one} reads it, in order, repeats and blanks left out, joined by "; "; null when none. */
    static String all(JsonNode list, Function<JsonNode, String> one) {
        List<String> places = new ArrayList<>();
        for (JsonNode element : list) {
            String place = one.apply(element);
            if (place != null && !place.isBlank() && !places.contains(place)) places.add(place);
        }
        return places.isEmpty() ? null : String.join("; ", places);
    }
}
