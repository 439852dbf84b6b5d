package dev.jobalerts.extract;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Lever Postings API ({@code GET api.lever.co/v0/postings/{site}?mode=json}): an array of postings, or one.
 * Posting ids are UUIDs, unique across Lever, hence {@code lever:{id}}.
 */
final class LeverExtractor {
    static final String NAME = "lever";

    static boolean accepts(JsonNode root) {
        JsonNode first = root.isArray() ? root.path(0) : root;
        return first.has("hostedUrl") && (first.has("text") || first.has("categories"));
    }

    List<PostingDraft> extract(JsonNode root, Extraction ctx) {
        // Lever payloads do not name the company; the site name in the URL is the closest we have.
        String site = AtsUrls.parse(ctx.pageUrl()).filter(a -> a.system().equals(NAME)).map(AtsUrls.Ats::board).orElse(null);
        List<PostingDraft> drafts = new ArrayList<>();
        Iterable<JsonNode> postings = root.isArray() ? root : List.of(root);
        int index = 0;
        for (JsonNode posting : postings) {
            ctx.each(drafts, "lever posting #" + index++, () -> draft(posting, site));
        }
        return drafts;
    }

    private static PostingDraft draft(JsonNode posting, String pageSite) {
        PostingDraft d = new PostingDraft();
        String id = text(posting, "id");
        d.atsId = id == null ? null : NAME + ":" + id;
        d.url = text(posting, "hostedUrl");
        d.title = text(posting, "text");
        // The hosted URL always names the site (jobs.lever.co/{site}/{id}); the page URL is the fallback.
        d.company = AtsUrls.parse(d.url == null ? "" : d.url).map(AtsUrls.Ats::board).orElse(pageSite);
        JsonNode categories = posting.path("categories");
        d.location = text(categories, "location");
        if (d.location == null && categories.path("allLocations").isArray())
            d.location = String.join("; ", categories.path("allLocations").findValuesAsText("location"));
        d.employmentType = text(categories, "commitment");
        d.remote = "remote".equals(String.valueOf(text(posting, "workplaceType")).toLowerCase(Locale.ROOT));
        d.datePosted = text(posting, "createdAt");
        d.description = description(posting);
        JsonNode range = posting.path("salaryRange");
        if (range.isObject()) d.salary(number(range.get("min")), number(range.get("max")), text(range, "currency"), text(range, "interval"));
        return d;
    }

    /** The opening text, each list under its heading, then the closing text, as Lever's hosted page shows them. */
    private static String description(JsonNode posting) {
        StringBuilder html = new StringBuilder();
        String opening = text(posting, "description");
        html.append(opening != null ? opening : escapeText(text(posting, "descriptionPlain")));
        for (JsonNode list : posting.path("lists")) {
            html.append("<h3>").append(escapeText(text(list, "text"))).append("</h3><ul>")
                    .append(Objects.toString(text(list, "content"), "")).append("</ul>");
        }
        String closing = text(posting, "additional");
        html.append("<div>").append(closing != null ? closing : escapeText(text(posting, "additionalPlain"))).append("</div>");
        return html.toString();
    }

    private static String escapeText(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>");
    }
}
