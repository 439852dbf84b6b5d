package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.url.HttpUrls;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Himalayas' jobs API ({@code GET https://himalayas.app/jobs/api?limit=20&offset=n}; fields in himalayas.app's data
 * dictionary): the newest jobs in {@code jobs}, how many there are in {@code totalCount}, paged by {@code offset}. A
 * page holds at most 20 (a larger {@code limit} is answered with 20), so the next offset is this one plus the jobs
 * received, until a page is empty or the total is reached. The browse API takes no filters, so a careers URL's are
 * not carried. Each job: {@code title}, {@code excerpt}, {@code companyName}, {@code companySlug},
 * {@code employmentType} (Full Time, Part Time, Contractor, Temporary, Intern, Volunteer, Other),
 * {@code minSalary}/{@code maxSalary} (annual, null when not stated; a {@code salaryPeriod} seen in some answers
 * overrides the year), {@code currency}, {@code locationRestrictions} (the countries candidates must be in: strings,
 * or objects with a {@code name}; empty for anywhere), {@code timezoneRestrictions}, {@code categories},
 * {@code description} (HTML), {@code pubDate}/{@code expiryDate} (epoch seconds, or millis as the dictionary says),
 * {@code applicationLink} and {@code guid} (the job's unique id: its Himalayas page). The board lists remote jobs
 * only. Ids: {@code himalayas:{company}:{job}} from a guid {@code https://himalayas.app/companies/{company}/jobs/{job}},
 * else {@code himalayas:{guid}}.
 *
 * <p>Careers URLs: {@code https://himalayas.app/jobs[/…]}; the API path {@code /jobs/api} on Himalayas' host.
 */
final class HimalayasAdapter implements SourceAdapter {
    static final String API = "https://himalayas.app/jobs/api";
    /** Himalayas answers at most this many jobs a page, whatever limit it is asked for. */
    static final int PAGE_SIZE = 20;
    private static final Pattern JOB_PAGE = Pattern.compile("https?://(?:www\\.)?himalayas\\.app/companies/([^/?#]+)/jobs/([^/?#]+)/?");

    @Override
    public SourceKind kind() {
        return SourceKind.HIMALAYAS;
    }

    @Override
    public String urlPatterns() {
        return "https://himalayas.app/jobs, https://himalayas.app/jobs/api";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        if (!host.equals("himalayas.app") && !host.equals("www.himalayas.app")) return Optional.empty();
        List<String> path = Urls.segments(url);
        if (path.size() == 2 && path.get(0).equals("jobs") && path.get(1).equals("api")) return Optional.of(new HimalayasBoard(url));
        // Company pages and the rest of the site are not the jobs board.
        if (!path.isEmpty() && !path.get(0).equals("jobs")) return Optional.empty();
        return Optional.of(new HimalayasBoard(URI.create(API)));
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new HimalayasBoard(url));
    }

    /**
     * Jobs with Himalayas' {@code companyName} and {@code applicationLink} or {@code guid}: a {@code jobs} array beside a
     * {@code totalCount} alone is a shape many APIs share.
     */
    @Override
    public boolean recognises(JsonNode root) {
        JsonNode first = root.path("jobs").path(0);
        return root.path("jobs").isArray() && first.has("companyName") && (first.has("applicationLink") || first.has("guid"));
    }

    /** The board, read from {@code api} one offset after another; {@code api} never carries the paging. */
    record HimalayasBoard(URI api) implements Board {
        HimalayasBoard {
            api = Urls.withoutParam(Urls.withoutParam(api, "offset"), "limit");
        }

        @Override
        public SourceKind kind() {
            return SourceKind.HIMALAYAS;
        }

        @Override
        public String label() {
            return "Himalayas";
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return page(0);
        }

        private ApiRequest page(int offset) {
            URI url = Urls.withParam(Urls.withParam(api, "limit", String.valueOf(PAGE_SIZE)), "offset", String.valueOf(offset));
            return ApiRequest.getJson(url).at(offset);
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "Himalayas");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode jobs = answer.root().path("jobs");
            if (!jobs.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Himalayas", "\"jobs\"", "array"));
            if (JsonPostings.noneHas(jobs, "title")) return ListingPage.unreadable(JsonAnswer.missing("Himalayas", "\"title\"", "in any job"));
            List<ListingEntry> entries = JsonPostings.complete(jobs, "himalayas job", ctx, HimalayasBoard::draft);
            JsonNode totalNode = answer.root().path("totalCount");
            Integer total = totalNode.canConvertToInt() && totalNode.asInt() >= 0 ? totalNode.asInt() : null;
            int nextOffset = (request == null ? 0 : request.position()) + jobs.size();
            boolean more = !jobs.isEmpty() && (total == null || nextOffset < total);
            return ListingPage.of(entries, more && request != null ? page(nextOffset) : null, total);
        }

        private static PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String guid = text(job, "guid");
            d.atsId = id(guid);
            d.url = HttpUrls.hasHttpPrefix(guid) ? guid : text(job, "applicationLink");
            d.title = text(job, "title");
            d.company = text(job, "companyName");
            d.location = JsonPostings.joined(job.get("locationRestrictions"), "; ");
            d.remote = true;
            d.employmentType = text(job, "employmentType");
            d.datePosted = text(job, "pubDate");
            d.description = text(job, "description") != null ? text(job, "description") : text(job, "excerpt");
            String period = text(job, "salaryPeriod");
            d.salary(JsonPostings.bound(job.get("minSalary")), JsonPostings.bound(job.get("maxSalary")), text(job, "currency"),
                    period != null ? period : "YEAR");
            return d;
        }

        private static String id(String guid) {
            if (guid == null) return null;
            Matcher m = JOB_PAGE.matcher(guid);
            return m.matches() ? "himalayas:" + m.group(1) + ":" + m.group(2) : "himalayas:" + guid;
        }
    }
}
