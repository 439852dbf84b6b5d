package dev.jobalerts.extract;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ashby public posting API ({@code GET api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true}).
 * Job ids are UUIDs, hence {@code ashby:{id}}. Unlisted jobs ({@code isListed: false}) are skipped: the company
 * chose not to advertise them.
 */
final class AshbyExtractor {
    static final String NAME = "ashby";

    static boolean accepts(JsonNode root) {
        JsonNode first = root.path("jobs").path(0);
        return root.path("jobs").isArray() && (root.has("apiVersion") || first.has("jobUrl"));
    }

    List<PostingDraft> extract(JsonNode root, Extraction ctx) {
        // The posting API does not name the company; the board name in the URL is the closest we have.
        String board = AtsUrls.parse(ctx.pageUrl()).filter(a -> a.system().equals(NAME)).map(AtsUrls.Ats::board).orElse(null);
        List<PostingDraft> drafts = new ArrayList<>();
        int index = 0;
        for (JsonNode job : root.path("jobs")) {
            if (job.path("isListed").isBoolean() && !job.path("isListed").asBoolean()) continue;
            ctx.each(drafts, "ashby job #" + index++, () -> draft(job, board));
        }
        return drafts;
    }

    private static PostingDraft draft(JsonNode job, String pageBoard) {
        PostingDraft d = new PostingDraft();
        String id = text(job, "id");
        d.atsId = id == null ? null : NAME + ":" + id;
        d.url = text(job, "jobUrl");
        d.title = text(job, "title");
        // The job URL always names the board (jobs.ashbyhq.com/{board}/{id}); the page URL is the fallback.
        d.company = AtsUrls.parse(d.url == null ? "" : d.url).map(AtsUrls.Ats::board).orElse(pageBoard);
        List<String> locations = new ArrayList<>();
        if (text(job, "location") != null) locations.add(text(job, "location"));
        for (JsonNode secondary : job.path("secondaryLocations")) {
            String name = text(secondary, "location");
            if (name != null && !locations.contains(name)) locations.add(name);
        }
        d.location = String.join("; ", locations);
        d.remote = job.path("isRemote").asBoolean(false)
                || "remote".equals(String.valueOf(text(job, "workplaceType")).toLowerCase(Locale.ROOT));
        d.employmentType = text(job, "employmentType");
        d.datePosted = text(job, "publishedAt");
        d.description = text(job, "descriptionHtml") != null ? text(job, "descriptionHtml") : text(job, "descriptionPlain");
        for (JsonNode component : job.path("compensation").path("summaryComponents")) {
            if (!"salary".equals(String.valueOf(text(component, "compensationType")).toLowerCase(Locale.ROOT))) continue;
            d.salary(number(component.get("minValue")), number(component.get("maxValue")),
                    text(component, "currencyCode"), text(component, "interval"));
            break;
        }
        return d;
    }
}
