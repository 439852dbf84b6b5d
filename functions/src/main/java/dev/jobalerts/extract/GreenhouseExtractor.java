package dev.jobalerts.extract;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Greenhouse Job Board API ({@code GET boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true}, or one job).
 * Ids are {@code greenhouse:{board}:{job id}}: job ids are unique per board only.
 */
final class GreenhouseExtractor {
    static final String NAME = "greenhouse";

    /** True for a jobs list or a single job of this API. */
    static boolean accepts(JsonNode root) {
        JsonNode jobs = root.path("jobs");
        JsonNode first = jobs.isArray() && !jobs.isEmpty() ? jobs.get(0) : root;
        return (jobs.isArray() && root.has("meta")) || (first.has("absolute_url") && first.has("id"));
    }

    List<PostingDraft> extract(JsonNode root, Extraction ctx) {
        String board = AtsUrls.parse(ctx.pageUrl()).filter(a -> a.system().equals(NAME)).map(AtsUrls.Ats::board).orElse(null);
        List<PostingDraft> drafts = new ArrayList<>();
        Iterable<JsonNode> jobs = root.has("jobs") ? root.path("jobs") : List.of(root);
        int index = 0;
        for (JsonNode job : jobs) {
            ctx.each(drafts, "greenhouse job #" + index++, () -> draft(job, board));
        }
        return drafts;
    }

    private static PostingDraft draft(JsonNode job, String pageBoard) {
        PostingDraft d = new PostingDraft();
        String id = text(job, "id");
        d.url = text(job, "absolute_url");
        String board = pageBoard != null ? pageBoard
                : AtsUrls.parse(d.url == null ? "" : d.url).map(AtsUrls.Ats::board).orElse(null);
        if (id != null) d.atsId = board == null ? NAME + ":" + id : NAME + ":" + board + ":" + id;
        d.title = text(job, "title");
        d.company = text(job, "company_name") != null ? text(job, "company_name") : board;
        d.location = text(job.path("location"), "name");
        d.datePosted = text(job, "first_published") != null ? text(job, "first_published") : text(job, "updated_at");
        d.description = text(job, "content");
        for (JsonNode field : job.path("metadata")) {
            String name = String.valueOf(text(field, "name")).toLowerCase(Locale.ROOT);
            if (name.contains("employment type") || name.contains("commitment")) d.employmentType = text(field, "value");
        }
        JsonNode pay = job.path("pay_input_ranges").path(0);
        if (pay.isObject()) {
            Double min = number(pay.get("min_cents"));
            Double max = number(pay.get("max_cents"));
            // Greenhouse pay ranges carry no unit field: they are annual unless their title or blurb names a period.
            String stated = PostingDraft.period(text(pay, "title") + " " + text(pay, "blurb"));
            d.salary(min == null ? null : min / 100, max == null ? null : max / 100, text(pay, "currency_type"),
                    stated == null ? "YEAR" : stated);
        }
        return d;
    }
}
