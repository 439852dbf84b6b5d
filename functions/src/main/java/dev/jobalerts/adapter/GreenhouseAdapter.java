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
 * Greenhouse Job Board API: {@code GET boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true} lists every
 * job with its description in one answer. Careers pages {@code boards.greenhouse.io/{board}},
 * {@code job-boards.greenhouse.io/{board}} and the embedded board ({@code …/embed/job_board?for={board}}) read
 * through it. Ids are {@code greenhouse:{board}:{job id}}: job ids are unique per board only.
 */
final class GreenhouseAdapter implements SourceAdapter {
    static final String API = "https://boards-api.greenhouse.io/v1/boards/%s/jobs?content=true";

    @Override
    public SourceKind kind() {
        return SourceKind.GREENHOUSE;
    }

    @Override
    public String urlPatterns() {
        return "https://boards.greenhouse.io/{board}, https://job-boards.greenhouse.io/{board}, "
                + "https://boards-api.greenhouse.io/v1/boards/{board}/jobs";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = Urls.segments(url);
        if (host.equals("boards.greenhouse.io") || host.equals("job-boards.greenhouse.io")) {
            // The embedded board names its board in ?for= (boards.greenhouse.io/embed/job_board?for=acme).
            String embedded = Urls.query(url).get("for");
            if (!path.isEmpty() && path.get(0).equals("embed")) return Urls.isName(embedded) ? careers(embedded) : Optional.empty();
            return !path.isEmpty() && Urls.isName(path.get(0)) ? careers(path.get(0)) : Optional.empty();
        }
        // The API path is Greenhouse's own, on its host or on a mirror of it.
        if (path.size() >= 4 && path.get(0).equals("v1") && path.get(1).equals("boards") && path.get(3).equals("jobs") && Urls.isName(path.get(2)))
            return Optional.of(new GreenhouseBoard(path.get(2), url));
        return Optional.empty();
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new GreenhouseBoard(null, url));
    }

    /** A jobs list ({@code jobs} beside {@code meta}) or a single job of this API. */
    @Override
    public boolean recognises(JsonNode root) {
        JsonNode jobs = root.path("jobs");
        JsonNode first = jobs.isArray() && !jobs.isEmpty() ? jobs.get(0) : root;
        return (jobs.isArray() && root.has("meta")) || (first.has("absolute_url") && first.has("id"));
    }

    private static Optional<Board> careers(String board) {
        return Optional.of(new GreenhouseBoard(board, URI.create(String.format(API, board))));
    }

    /** One board; {@code board} is null when only the API URL is known (a mirror or saved copy). */
    record GreenhouseBoard(String board, URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.GREENHOUSE;
        }

        @Override
        public String label() {
            return board == null ? api.getHost() : board;
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            Iterable<JsonNode> jobs;
            if (root.path("jobs").isArray()) jobs = root.path("jobs");
            else if (root.has("absolute_url") && root.has("id")) jobs = List.of(root);
            else return ListingPage.unreadable(JsonAnswer.missing("Greenhouse", "\"jobs\"", "array"));
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (JsonNode job : jobs) ctx.each(drafts, "greenhouse job #" + index++, () -> draft(job));
            return ListingPage.last(drafts.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String id = text(job, "id");
            d.url = text(job, "absolute_url");
            String boardName = board != null ? board
                    : new GreenhouseAdapter().board(URI.create(d.url == null ? "" : d.url)).map(b -> ((GreenhouseBoard) b).board()).orElse(null);
            if (id != null) d.atsId = boardName == null ? "greenhouse:" + id : "greenhouse:" + boardName + ":" + id;
            d.title = text(job, "title");
            d.company = text(job, "company_name") != null ? text(job, "company_name") : boardName;
            d.companyFromSlug = text(job, "company_name") == null;
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
}
