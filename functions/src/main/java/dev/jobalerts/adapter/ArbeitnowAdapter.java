package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Arbeitnow's job board API ({@code GET https://www.arbeitnow.com/api/job-board-api}, announced on
 * arbeitnow.com/blog/job-board-api): a page of jobs (100) in {@code data}, the URL of the next page in
 * {@code links.next} (null on the last) beside {@code meta.current_page}; the board is read by following that link
 * until it is null. The API takes no filter but {@code page}, so a careers URL's search is not carried. Each job:
 * {@code slug} (its id), {@code company_name}, {@code title}, {@code description} (HTML), {@code remote} (a boolean:
 * Arbeitnow is a German board and most of its jobs are on site), {@code url}, {@code tags}, {@code job_types}
 * ("Full-time", "full_time", German words such as "Vollzeit", or labels such as "Working student"),
 * {@code location} and {@code created_at} (epoch seconds). Ids: {@code arbeitnow:{slug}}.
 *
 * <p>Careers URLs: any page of www.arbeitnow.com; the API path {@code /api/job-board-api} on any host.
 */
final class ArbeitnowAdapter implements SourceAdapter {
    static final String API = "https://www.arbeitnow.com/api/job-board-api";
    /** German employment types the board uses, as the words EmploymentTypes reads. */
    private static final Map<String, String> GERMAN_TYPES = Map.of(
            "vollzeit", "full time", "teilzeit", "part time", "praktikum", "internship", "befristet", "temporary",
            "festanstellung", "permanent", "freiberuflich", "freelance");

    @Override
    public SourceKind kind() {
        return SourceKind.ARBEITNOW;
    }

    @Override
    public String urlPatterns() {
        return "https://www.arbeitnow.com/, https://www.arbeitnow.com/api/job-board-api";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = Urls.segments(url);
        if (path.size() == 2 && path.get(0).equals("api") && path.get(1).equals("job-board-api")) return Optional.of(new ArbeitnowBoard(url));
        if (host.equals("www.arbeitnow.com") || host.equals("arbeitnow.com")) return Optional.of(new ArbeitnowBoard(URI.create(API)));
        return Optional.empty();
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new ArbeitnowBoard(url));
    }

    /**
     * Jobs in {@code data} with Arbeitnow's {@code slug} and {@code company_name}, beside the paging links: {@code data}
     * and {@code links} alone are every Laravel-paged API's shape.
     */
    @Override
    public boolean recognises(JsonNode root) {
        JsonNode first = root.path("data").path(0);
        return root.path("data").isArray() && root.path("links").isObject() && first.has("slug") && first.has("company_name");
    }

    /** The board, read from {@code api} page by page. */
    record ArbeitnowBoard(URI api) implements Board {
        @Override
        public SourceKind kind() {
            return SourceKind.ARBEITNOW;
        }

        @Override
        public String label() {
            return "Arbeitnow";
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return ApiRequest.getJson(api).at(1);
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "Arbeitnow");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode data = answer.root().path("data");
            if (!data.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Arbeitnow", "\"data\"", "array"));
            if (JsonPostings.noneHas(data, "title")) return ListingPage.unreadable(JsonAnswer.missing("Arbeitnow", "\"title\"", "in any job"));
            List<ListingEntry> entries = JsonPostings.complete(data, "arbeitnow job", ctx, ArbeitnowBoard::draft);
            return ListingPage.of(entries, request == null || data.isEmpty() ? null : next(request, text(answer.root().path("links"), "next")), null);
        }

        /**
         * The request for the page {@code links.next} names. It is asked of the host this board reads (a mirror, a
         * test fake stays itself): the link's path and query say which page, its host only repeats Arbeitnow's.
         */
        private static ApiRequest next(ApiRequest request, String link) {
            if (link == null) return null;
            URI target;
            try {
                target = request.url().resolve(link);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (target.getRawPath() == null) return null;
            URI onThisHost = URI.create(Urls.origin(request.url()) + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
            if (onThisHost.equals(request.url())) return null;
            return request.withUrl(onThisHost).at(request.position() + 1);
        }

        private static PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String slug = text(job, "slug");
            d.atsId = slug == null ? null : "arbeitnow:" + slug;
            d.url = text(job, "url");
            d.title = text(job, "title");
            d.company = text(job, "company_name");
            d.location = text(job, "location");
            d.remote = job.path("remote").asBoolean(false);
            d.employmentType = employmentType(job.path("job_types"));
            d.datePosted = text(job, "created_at");
            d.description = text(job, "description");
            return d;
        }

        /** The first of the job's types that names an employment type; labels such as "Working student" name none. */
        private static String employmentType(JsonNode types) {
            for (JsonNode type : types.isArray() ? types : List.of(types)) {
                if (!type.isTextual()) continue;
                String word = GERMAN_TYPES.getOrDefault(type.asText().trim().toLowerCase(Locale.ROOT), type.asText());
                if (EmploymentTypes.normalise(word) != null) return word;
            }
            return null;
        }
    }
}
