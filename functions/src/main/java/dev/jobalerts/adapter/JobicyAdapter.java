package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobicy's remote jobs API ({@code GET https://jobicy.com/api/v2/remote-jobs}, documented with its OpenAPI file in the
 * Jobicy/remote-jobs-api repository): the latest jobs in {@code jobs}, filtered by {@code count} (1–100 a page),
 * {@code geo} (a region slug), {@code industry} (a category slug) and {@code tag} (a keyword of 3–50 characters);
 * parameters it does not know are refused with a 400. Answers carry {@code nextCursor} and {@code hasMore}: the next
 * page is the same request with {@code cursor} set to it, until it is null (older answers have neither and are one
 * page). Each job: {@code id}, {@code url}, {@code jobSlug}, {@code jobTitle}, {@code companyName},
 * {@code jobIndustry[]}, {@code jobType[]} ("Full-Time", "Contract" …), {@code jobGeo} (where candidates may live,
 * "Anywhere" when nowhere is named), {@code jobLevel}, {@code jobExcerpt}, {@code jobDescription} (HTML),
 * {@code pubDate} (ISO 8601, or "YYYY-MM-DD hh:mm:ss" in older answers), and when stated {@code salaryMin},
 * {@code salaryMax}, {@code salaryCurrency}, {@code salaryPeriod} (hourly, monthly, yearly) — older answers give
 * {@code annualSalaryMin}/{@code annualSalaryMax}, yearly by name. The board lists remote jobs only. Ids:
 * {@code jobicy:{id}}.
 *
 * <p>Careers URLs: any page of jobicy.com; its search parameters ({@code search_keywords}, {@code search_region},
 * {@code job_categories}, or the API's own names) become {@code tag}, {@code geo} and {@code industry}. The API path
 * {@code /api/v2/remote-jobs} is recognised on any host.
 */
final class JobicyAdapter implements SourceAdapter {
    static final String API = "https://jobicy.com/api/v2/remote-jobs";
    /** The most a page may hold by the README (the OpenAPI file allows 200); asked for so a listing takes few requests. */
    static final int PAGE_SIZE = 100;

    @Override
    public SourceKind kind() {
        return SourceKind.JOBICY;
    }

    @Override
    public String urlPatterns() {
        return "https://jobicy.com/jobs[?search_keywords=…&search_region=…], https://jobicy.com/api/v2/remote-jobs[?geo=…&industry=…&tag=…]";
    }

    @Override
    public Optional<Board> board(URI url) {
        List<String> path = Urls.segments(url);
        if (isApiPath(path)) return Optional.of(JobicyBoard.of(url));
        String host = Urls.host(url);
        if (!host.equals("jobicy.com") && !host.equals("www.jobicy.com")) return Optional.empty();
        Map<String, String> query = Urls.query(url);
        Map<String, String> filters = new LinkedHashMap<>();
        String tag = firstOf(query, "tag", "search_keywords", "q", "search");
        // Jobicy refuses a keyword outside 3–50 characters; the wider listing is better than none.
        if (tag != null && tag.length() >= 3 && tag.length() <= 50) filters.put("tag", tag);
        String geo = firstOf(query, "geo", "search_region");
        if (Urls.isName(geo)) filters.put("geo", geo);
        String industry = firstOf(query, "industry", "job_categories");
        if (industry != null) industry = industry.split(",")[0].strip();
        if (Urls.isName(industry)) filters.put("industry", industry);
        URI api = URI.create(API);
        for (Map.Entry<String, String> filter : filters.entrySet()) api = Urls.withParam(api, filter.getKey(), filter.getValue());
        return Optional.of(JobicyBoard.of(api));
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(JobicyBoard.of(url));
    }

    /** Jobs that carry Jobicy's {@code jobTitle} and {@code companyName}. */
    @Override
    public boolean recognises(JsonNode root) {
        JsonNode first = root.path("jobs").path(0);
        return root.path("jobs").isArray() && first.has("jobTitle") && first.has("companyName");
    }

    private static boolean isApiPath(List<String> path) {
        return path.size() == 3 && path.get(0).equals("api") && path.get(1).equals("v2") && path.get(2).equals("remote-jobs");
    }

    private static String firstOf(Map<String, String> query, String... names) {
        for (String name : names) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) return value.strip();
        }
        return null;
    }

    /** One filtered view of the board; {@code api} carries the filters and the page size, never a cursor. */
    record JobicyBoard(URI api) implements Board {
        static JobicyBoard of(URI url) {
            URI api = url;
            // A pasted URL may be a later page's: the listing starts without a cursor.
            api = Urls.withoutParam(api, "cursor");
            if (!Urls.query(api).containsKey("count")) api = Urls.withParam(api, "count", String.valueOf(PAGE_SIZE));
            return new JobicyBoard(api);
        }

        @Override
        public SourceKind kind() {
            return SourceKind.JOBICY;
        }

        @Override
        public String label() {
            Map<String, String> filters = Urls.query(api);
            filters.remove("count");
            return "Jobicy" + (filters.isEmpty() ? "" : " " + filters.values());
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return ApiRequest.getJson(api);
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "Jobicy");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode root = answer.root();
            JsonNode jobs = root.path("jobs");
            if (!jobs.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Jobicy", "\"jobs\"", "array"));
            if (JsonPostings.noneHas(jobs, "jobTitle")) return ListingPage.unreadable(JsonAnswer.missing("Jobicy", "\"jobTitle\"", "in any job"));
            List<ListingEntry> entries = JsonPostings.complete(jobs, "jobicy job", ctx, JobicyBoard::draft);
            String cursor = text(root, "nextCursor");
            // A cursor continues the listing unless hasMore says it is done (answers before 2.2 have neither).
            boolean more = cursor != null && root.path("hasMore").asBoolean(true);
            ApiRequest next = request == null || !more || jobs.isEmpty() ? null
                    : request.withUrl(Urls.withParam(request.url(), "cursor", cursor)).at(request.position() + 1);
            return ListingPage.of(entries, next, null);
        }

        private static PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String id = text(job, "id");
            d.atsId = id == null ? null : "jobicy:" + id;
            d.url = text(job, "url");
            d.title = text(job, "jobTitle");
            d.company = text(job, "companyName");
            d.location = text(job, "jobGeo");
            d.remote = true;
            d.employmentType = JsonPostings.first(job.get("jobType"));
            d.datePosted = text(job, "pubDate");
            d.description = text(job, "jobDescription") != null ? text(job, "jobDescription") : text(job, "jobExcerpt");
            if (job.has("salaryMin") || job.has("salaryMax")) {
                d.salary(JsonPostings.bound(job.get("salaryMin")), JsonPostings.bound(job.get("salaryMax")), text(job, "salaryCurrency"),
                        text(job, "salaryPeriod"));
            } else {
                d.salary(JsonPostings.bound(job.get("annualSalaryMin")), JsonPostings.bound(job.get("annualSalaryMax")), text(job, "salaryCurrency"),
                        "YEAR");
            }
            return d;
        }
    }
}
