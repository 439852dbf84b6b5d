package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.LenientJson;
import dev.jobalerts.extract.PageContent;
import java.io.IOException;
import java.util.List;

/**
 * An API answer read as JSON, or why it could not be: the answers of login walls, captchas and moved boards are HTML
 * pages with a 200, and a source's health should say so rather than "no postings".
 */
record JsonAnswer(JsonNode root, String problem) {

    static JsonAnswer read(PageContent response, String api) {
        String body = response.body();
        int start = 0;
        while (start < body.length() && (Character.isWhitespace(body.charAt(start)) || body.charAt(start) == '\ufeff')) start++;
        if (start == body.length()) return failed(api + " answered with an empty body");
        char first = body.charAt(start);
        if (first == '<') {
            boolean html = body.regionMatches(true, start, "<!doctype html", 0, 14) || body.regionMatches(true, start, "<html", 0, 5)
                    || body.regionMatches(true, start, "<head", 0, 5) || body.regionMatches(true, start, "<body", 0, 5);
            return failed(api + " answered with " + (html ? "an HTML page" : "markup") + " instead of JSON"
                    + " (a login wall, a captcha, or a board that moved?)");
        }
        try {
            List<JsonNode> values = LenientJson.readAll(body);
            if (values.isEmpty()) return failed(api + " answered with an empty body");
            return new JsonAnswer(values.get(0), null);
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return failed(api + " answered with malformed JSON: " + message);
        }
    }

    private static JsonAnswer failed(String problem) {
        return new JsonAnswer(null, problem);
    }

    boolean readable() {
        return problem == null;
    }

    /** The problem of an answer whose expected member is missing or of another type: the API may have changed. */
    static String missing(String api, String member, String shape) {
        return api + " answer has no " + member + " " + shape + " (did the API change?)";
    }
}
