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
import java.util.Optional;

/**
 * Ashby public posting API: {@code GET api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true} lists
 * every job with its description in one answer; careers pages {@code jobs.ashbyhq.com/{board}} read through it. Job ids
 * are UUIDs, hence {@code ashby:{id}}. Unlisted jobs ({@code isListed: false}) are skipped: the company chose not to
 * advertise them.
 */
final class AshbyAdapter implements SourceAdapter {
    // includeCompensation=true is what makes the posting API return the pay ranges we keep.
    static final String API = "https://api.ashbyhq.com/posting-api/job-board/%s?includeCompensation=true";

    @Override
    public SourceKind kind() {
        return SourceKind.ASHBY;
    }

    @Override
    public String urlPatterns() {
        return "https://jobs.ashbyhq.com/{board}, https://api.ashbyhq.com/posting-api/job-board/{board}";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = Urls.segments(url);
        if (host.equals("jobs.ashbyhq.com")) {
            if (path.isEmpty() || !Urls.isName(path.get(0))) return Optional.empty();
            return Optional.of(new AshbyBoard(path.get(0), URI.create(String.format(API, path.get(0)))));
        }
        if (path.size() == 3 && path.get(0).equals("posting-api") && path.get(1).equals("job-board") && Urls.isName(path.get(2)))
            return Optional.of(new AshbyBoard(path.get(2), url));
        return Optional.empty();
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new AshbyBoard(null, url));
    }

    @Override
    public boolean recognises(JsonNode root) {
        JsonNode first = root.path("jobs").path(0);
        return root.path("jobs").isArray() && (root.has("apiVersion") || first.has("jobUrl"));
    }

    /** One job board; {@code board} is null when only the API URL is known. */
    record AshbyBoard(String board, URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.ASHBY;
        }

        @Override
        public String label() {
            return board == null ? api.getHost() : board;
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            JsonNode jobs = root.path("jobs");
            if (!jobs.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Ashby", "\"jobs\"", "array"));
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (JsonNode job : jobs) {
                if (job.path("isListed").isBoolean() && !job.path("isListed").asBoolean()) continue;
                ctx.each(drafts, "ashby job #" + index++, () -> draft(job));
            }
            return ListingPage.last(drafts.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String id = text(job, "id");
            d.atsId = id == null ? null : "ashby:" + id;
            d.url = text(job, "jobUrl");
            d.title = text(job, "title");
            // The posting API does not name the company; the job URL names the board (jobs.ashbyhq.com/{board}/{id}).
            d.company = new AshbyAdapter().board(URI.create(d.url == null ? "" : d.url)).map(b -> ((AshbyBoard) b).board()).orElse(board);
            d.companyFromSlug = true;
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
}
