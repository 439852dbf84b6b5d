package dev.jobalerts.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.parser.Parser;

/**
 * Reads JSON written by other people's templates, which is often not JSON: trailing commas, raw newlines and
 * control characters inside strings, comments, single quotes, the whole block wrapped in an HTML comment or
 * CDATA section, or entity-escaped as if it were HTML text. This is a separate mapper from
 * {@code Json.mapper()}, which stays strict for our own data; one instance is shared because it is thread-safe.
 */
public final class LenientJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private LenientJson() {}

    /** Every top-level value in the text (a script may hold several objects in a row). */
    public static List<JsonNode> readAll(String text) throws IOException {
        String unwrapped = unwrap(text.strip());
        try {
            return read(unwrapped);
        } catch (IOException e) {
            // A JSON-LD block escaped as HTML text ({&quot;@type&quot;: ...}) reads once the entities are decoded.
            if (!unwrapped.contains("&quot;") && !unwrapped.contains("&#34;")) throw e;
            return read(Parser.unescapeEntities(unwrapped, false));
        }
    }

    /**
     * Removes an HTML comment or CDATA wrapper around a script's JSON, with or without the JavaScript comment
     * markers templates put around it: {@code <!-- … -->}, {@code //<![CDATA[ … //]]>}, {@code /*<![CDATA[*&#47; … /*]]>*&#47;}.
     */
    static String unwrap(String text) {
        int start = 0;
        int end = text.length();
        int open = skipCommentMarker(text, 0);
        if (text.startsWith("<!--", open)) start = open + 4;
        else if (text.startsWith("<![CDATA[", open)) start = open + 9;
        if (start > 0 && text.startsWith("*/", skipSpaces(text, start))) start = skipSpaces(text, start) + 2;
        // A closing marker may only be followed by blanks and "*/", so the text then ends in '>' or '/'; plain JSON
        // ends in '}' or ']' and is spared two backward searches.
        int last = text.length() - 1;
        while (last >= 0 && Character.isWhitespace(text.charAt(last))) last--;
        int close = last < 0 || (text.charAt(last) != '>' && text.charAt(last) != '/')
                ? -1 : Math.max(text.lastIndexOf("-->"), text.lastIndexOf("]]>"));
        if (close >= start && text.substring(close + 3).replace("*/", "").isBlank()) {
            end = close;
            // drop the "//" or "/*" that hides the closing marker from JavaScript
            int marker = end;
            while (marker > start && Character.isWhitespace(text.charAt(marker - 1))) marker--;
            if (marker - 2 >= start && (text.startsWith("//", marker - 2) || text.startsWith("/*", marker - 2))) end = marker - 2;
        }
        return text.substring(start, Math.max(start, end)).strip();
    }

    private static int skipCommentMarker(String text, int from) {
        return text.startsWith("//", from) || text.startsWith("/*", from) ? skipSpaces(text, from + 2) : from;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    private static List<JsonNode> read(String text) throws IOException {
        List<JsonNode> values = new ArrayList<>(1);
        if (text.isEmpty()) return values;
        try (JsonParser parser = MAPPER.createParser(text)) {
            while (parser.nextToken() != null) values.add(MAPPER.readTree(parser));
        }
        return values;
    }

    /** The value of a member as trimmed text: strings as they are, numbers as written, objects and arrays null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) return null;
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** A number from a number or a string such as "85,000" or "$85000.00"; null when there is none. */
    public static Double number(JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (value.isNumber()) return value.asDouble();
        if (!value.isTextual()) return null;
        String digits = value.asText().replaceAll("[^0-9.]", "");
        if (digits.isEmpty() || digits.equals(".")) return null;
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
