package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working Nomads' exposed jobs API ({@code GET https://www.workingnomads.com/api/exposed_jobs/}, linked from the site's
 * FAQ; also on workingnomads.co): every listed job in one JSON array. It takes no parameters and has no paging, so a
 * careers URL's category or search is not carried. Each job: {@code url} ({@code https://www.workingnomads.com/job/go/{id}/},
 * which redirects to the employer's posting and carries the board's only id), {@code title}, {@code description}
 * (HTML), {@code company_name}, {@code category_name}, {@code tags} (one comma-separated string), {@code location}
 * ("WORLDWIDE", "Europe, North America", a country) and {@code pub_date} (ISO 8601 with an offset). The board lists
 * remote jobs only. Ids: {@code workingnomads:{id}} from the URL; a job whose URL has none keeps its canonical URL.
 *
 * <p>Careers URLs: any page of www.workingnomads.com; the API path {@code /api/exposed_jobs} on any host.
 */
final class WorkingNomadsAdapter implements SourceAdapter {
    static final String API = "https://www.workingnomads.com/api/exposed_jobs/";
    private static final Pattern GO_LINK = Pattern.compile("/job/go/(\\d+)/?$");

    @Override
    public SourceKind kind() {
        return SourceKind.WORKINGNOMADS;
    }

    @Override
    public String urlPatterns() {
        return "https://www.workingnomads.com/jobs, https://www.workingnomads.com/api/exposed_jobs/";
    }

    @Override
    public Optional<Board> board(URI url) {
        List<String> path = Urls.segments(url);
        if (path.size() == 2 && path.get(0).equals("api") && path.get(1).equals("exposed_jobs")) return Optional.of(new WorkingNomadsBoard(url));
        String host = Urls.host(url);
        if (host.equals("www.workingnomads.com") || host.equals("workingnomads.com") || host.equals("www.workingnomads.co")
                || host.equals("workingnomads.co")) return Optional.of(new WorkingNomadsBoard(URI.create(API)));
        return Optional.empty();
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new WorkingNomadsBoard(url));
    }

    /** An array of jobs with Working Nomads' {@code company_name}, {@code category_name} and {@code pub_date}. */
    @Override
    public boolean recognises(JsonNode root) {
        JsonNode first = root.path(0);
        return root.isArray() && first.has("company_name") && first.has("pub_date") && first.has("category_name");
    }

    /** The whole board, read through {@code api}. */
    record WorkingNomadsBoard(URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.WORKINGNOMADS;
        }

        @Override
        public String label() {
            return "Working Nomads";
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            if (!root.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Working Nomads", "job list", "array"));
            if (JsonPostings.noneHas(root, "title")) return ListingPage.unreadable(JsonAnswer.missing("Working Nomads", "\"title\"", "in any job"));
            return ListingPage.last(JsonPostings.complete(root, "workingnomads job", ctx, WorkingNomadsBoard::draft));
        }

        private static PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            d.url = text(job, "url");
            Matcher go = d.url == null ? null : GO_LINK.matcher(d.url);
            if (go != null && go.find()) d.atsId = "workingnomads:" + go.group(1);
            d.title = text(job, "title");
            d.company = text(job, "company_name");
            d.location = text(job, "location");
            d.remote = true;
            d.datePosted = text(job, "pub_date");
            d.description = text(job, "description");
            return d;
        }
    }
}
