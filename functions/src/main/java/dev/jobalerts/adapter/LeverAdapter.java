package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Lever Postings API: {@code GET api.lever.co/v0/postings/{site}?mode=json} (EU: {@code api.eu.lever.co}) lists every
 * posting with its description in one answer; careers pages {@code jobs.lever.co/{site}} read through it. Posting ids
 * are UUIDs, unique across Lever, hence {@code lever:{id}}.
 */
final class LeverAdapter implements SourceAdapter {
    static final String API = "%s://%s/v0/postings/%s?mode=json";

    @Override
    public SourceKind kind() {
        return SourceKind.LEVER;
    }

    @Override
    public String urlPatterns() {
        return "https://jobs.lever.co/{site}, https://jobs.eu.lever.co/{site}, https://api.lever.co/v0/postings/{site}";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = Urls.segments(url);
        if (host.equals("jobs.lever.co") || host.equals("jobs.eu.lever.co")) {
            if (path.isEmpty() || !Urls.isName(path.get(0))) return Optional.empty();
            String api = host.replace("jobs.", "api.");
            return Optional.of(new LeverBoard(path.get(0), URI.create(String.format(API, "https", api, path.get(0)))));
        }
        if (path.size() >= 3 && path.get(0).equals("v0") && path.get(1).equals("postings") && Urls.isName(path.get(2)))
            return Optional.of(new LeverBoard(path.get(2), url));
        return Optional.empty();
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new LeverBoard(null, url));
    }

    @Override
    public boolean recognises(JsonNode root) {
        JsonNode first = root.isArray() ? root.path(0) : root;
        return first.has("hostedUrl") && (first.has("text") || first.has("categories"));
    }

    /** One site; {@code site} is null when only the API URL is known. */
    record LeverBoard(String site, URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.LEVER;
        }

        @Override
        public String label() {
            return site == null ? api.getHost() : site;
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            if (!root.isArray() && !root.has("hostedUrl")) return ListingPage.unreadable(JsonAnswer.missing("Lever", "postings", "array"));
            Iterable<JsonNode> postings = root.isArray() ? root : List.of(root);
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (JsonNode posting : postings) ctx.each(drafts, "lever posting #" + index++, () -> draft(posting));
            return ListingPage.last(drafts.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft draft(JsonNode posting) {
            PostingDraft d = new PostingDraft();
            String id = text(posting, "id");
            d.atsId = id == null ? null : "lever:" + id;
            d.url = text(posting, "hostedUrl");
            d.title = text(posting, "text");
            // Lever payloads do not name the company; the hosted URL names the site (jobs.lever.co/{site}/{id}).
            d.company = new LeverAdapter().board(URI.create(d.url == null ? "" : d.url)).map(b -> ((LeverBoard) b).site()).orElse(site);
            d.companyFromSlug = true;
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
}
