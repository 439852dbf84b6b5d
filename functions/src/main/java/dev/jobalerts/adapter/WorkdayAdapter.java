package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workday's candidate experience ("cxs") API behind every {@code myworkdayjobs.com} careers site. The listing is
 * {@code POST /wday/cxs/{tenant}/{site}/jobs} with {@code {"appliedFacets":{}, "limit":20, "offset":n, "searchText":""}},
 * 20 postings a page (Workday refuses more), without descriptions; each posting's detail is
 * {@code GET /wday/cxs/{tenant}/{site}{externalPath}}. Listing dates are relative ("Posted 3 Days Ago", "Posted 30+
 * Days Ago") and read against the fetch time. The requisition id ({@code jobReqId}) is the stable id:
 * {@code workday:{tenant}:{jobReqId}}.
 *
 * <p>Careers URLs: {@code https://{tenant}.wd{N}.myworkdayjobs.com/[{locale}/]{site}} (a search in {@code ?q=} and
 * facets in other parameters are carried into the listing request) and
 * {@code https://wd{N}.myworkdaysite.com/[{locale}/]recruiting/{tenant}/{site}}.
 */
final class WorkdayAdapter implements SourceAdapter {
    /** Workday answers 400 to a larger limit. */
    static final int PAGE_SIZE = 20;
    private static final Pattern JOBS_HOST = Pattern.compile("([a-z0-9-]+)\\.(wd\\d+)\\.myworkdayjobs\\.com");
    private static final Pattern SITE_HOST = Pattern.compile("(wd\\d+)\\.myworkdaysite\\.com");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");
    /** A requisition id at the end of an externalPath: "/job/Chicago-IL/Data-Engineer_R-12345" → R-12345 (a "-1" repost suffix dropped). */
    private static final Pattern PATH_REQ_ID = Pattern.compile("_([A-Za-z]*[-_]?\\d[\\w-]*?)(?:-\\d)?$");

    @Override
    public SourceKind kind() {
        return SourceKind.WORKDAY;
    }

    @Override
    public String urlPatterns() {
        return "https://{tenant}.wd{N}.myworkdayjobs.com/[{locale}/]{site}, https://wd{N}.myworkdaysite.com/recruiting/{tenant}/{site}, "
                + "…/wday/cxs/{tenant}/{site}/jobs";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = Urls.segments(url);
        // The API path is Workday's own, wherever it is served.
        if (path.size() >= 4 && path.get(0).equals("wday") && path.get(1).equals("cxs")) {
            return board(url, path.get(2), path.get(3), null, Map.of());
        }
        if (!path.isEmpty() && LOCALE.matcher(path.get(0)).matches()) path = path.subList(1, path.size());
        Matcher jobs = JOBS_HOST.matcher(host);
        if (jobs.matches()) {
            return path.isEmpty() ? Optional.empty() : board(url, jobs.group(1), path.get(0), null, facets(url));
        }
        if (SITE_HOST.matcher(host).matches() && path.size() >= 3 && path.get(0).equals("recruiting")) {
            return board(url, path.get(1), path.get(2), "/recruiting/" + path.get(1), facets(url));
        }
        return Optional.empty();
    }

    private static Optional<Board> board(URI url, String tenant, String site, String sitePrefix, Map<String, List<String>> facets) {
        if (!Urls.isName(tenant) || !Urls.isName(site)) return Optional.empty();
        String search = Urls.query(url).getOrDefault("q", "");
        Map<String, List<String>> applied = new java.util.LinkedHashMap<>(facets);
        applied.remove("q");
        return Optional.of(new WorkdayBoard(Urls.origin(url), tenant, site, sitePrefix == null ? "" : sitePrefix, search, applied));
    }

    /** Facet filters a careers URL carries ({@code ?locations=…&jobFamilyGroup=…}), passed on as appliedFacets. */
    private static Map<String, List<String>> facets(URI url) {
        return Urls.queryLists(url);
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.has("jobPostingInfo") || (root.path("jobPostings").isArray() && root.has("total"));
    }

    /**
     * One careers site.
     *
     * @param origin     scheme and host the site and its API are served from
     * @param sitePrefix what comes before the site in public job URLs ("" on myworkdayjobs.com)
     * @param search     the careers URL's search text, sent as searchText
     * @param facets     the careers URL's facet filters, sent as appliedFacets
     */
    record WorkdayBoard(String origin, String tenant, String site, String sitePrefix, String search,
            Map<String, List<String>> facets) implements Board {
        WorkdayBoard {
            facets = Map.copyOf(facets);
        }

        @Override
        public SourceKind kind() {
            return SourceKind.WORKDAY;
        }

        @Override
        public String label() {
            return tenant + " / " + site + (search.isEmpty() ? "" : " \"" + search + "\"");
        }

        String api() {
            return origin + "/wday/cxs/" + Urls.encode(tenant) + "/" + Urls.encode(site);
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return page(0);
        }

        private ApiRequest page(int offset) {
            ObjectNode body = Json.mapper().createObjectNode();
            ObjectNode applied = body.putObject("appliedFacets");
            facets.forEach((facet, values) -> {
                ArrayNode ids = applied.putArray(facet);
                values.forEach(ids::add);
            });
            body.put("limit", PAGE_SIZE);
            body.put("offset", offset);
            body.put("searchText", search);
            return ApiRequest.postJson(URI.create(api() + "/jobs"), body.toString()).at(offset);
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "Workday");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode postings = answer.root().path("jobPostings");
            if (!postings.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Workday", "\"jobPostings\"", "array"));
            List<ListingEntry> entries = new ArrayList<>();
            int index = 0;
            for (JsonNode posting : postings) {
                List<PostingDraft> one = new ArrayList<>(1);
                ctx.each(one, "workday posting #" + index++, () -> listed(posting));
                for (PostingDraft draft : one) {
                    String path = text(posting, "externalPath");
                    entries.add(new ListingEntry(draft, path == null ? null
                            : ApiRequest.getJson(URI.create(api() + (path.startsWith("/") ? path : "/" + path)))));
                }
            }
            // Only the first page is sure to carry the total; a short page is the last either way.
            JsonNode totalNode = answer.root().path("total");
            Integer total = totalNode.canConvertToInt() && totalNode.asInt() > 0 ? totalNode.asInt() : null;
            int offset = request == null ? 0 : request.position();
            boolean more = postings.size() >= PAGE_SIZE && (total == null || offset + postings.size() < total);
            return ListingPage.of(entries, more && request != null ? page(offset + postings.size()) : null, total);
        }

        /** A posting as the listing shows it: no description, a relative date, often "3 Locations". */
        private PostingDraft listed(JsonNode posting) {
            PostingDraft d = new PostingDraft();
            d.title = text(posting, "title");
            String path = text(posting, "externalPath");
            if (path != null) d.url = publicUrl(path);
            String reqId = reqId(posting, path);
            if (reqId != null) d.atsId = "workday:" + tenant + ":" + reqId;
            String locations = text(posting, "locationsText");
            // "3 Locations" is a count, not a place; the detail answer names them.
            if (locations != null && !locations.matches("(?i)\\d+\\s+locations?")) d.location = locations;
            d.datePosted = text(posting, "postedOn");
            d.remote = isRemote(text(posting, "remoteType"));
            d.company = tenant;
            d.companyFromSlug = true;
            return d;
        }

        /** The listing shows the requisition id among its bullet fields, and at the end of the path; prefer agreement. */
        private static String reqId(JsonNode posting, String path) {
            String fromPath = null;
            if (path != null) {
                Matcher m = PATH_REQ_ID.matcher(path);
                if (m.find()) fromPath = m.group(1);
            }
            for (JsonNode bullet : posting.path("bulletFields")) {
                String value = bullet.asText("").trim();
                if (!value.isEmpty() && value.equals(fromPath)) return value;
            }
            if (fromPath != null) return fromPath;
            JsonNode first = posting.path("bulletFields").path(0);
            return first.isTextual() && first.asText().matches("[A-Za-z]*[-_]?\\d[\\w-]*") ? first.asText() : path;
        }

        @Override
        public boolean isDetail(PageContent response) {
            JsonAnswer answer = JsonAnswer.read(response, "Workday");
            return answer.readable() && answer.root().has("jobPostingInfo");
        }

        @Override
        public ListingPage readDetail(PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "Workday");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode info = answer.root().path("jobPostingInfo");
            if (!info.isObject()) return ListingPage.unreadable(JsonAnswer.missing("Workday", "\"jobPostingInfo\"", "object"));
            List<PostingDraft> one = new ArrayList<>(1);
            ctx.each(one, "workday job", () -> detail(answer.root(), info));
            return ListingPage.last(one.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft detail(JsonNode root, JsonNode info) {
            PostingDraft d = new PostingDraft();
            d.title = text(info, "title");
            String reqId = text(info, "jobReqId");
            if (reqId != null) d.atsId = "workday:" + tenant + ":" + reqId;
            d.url = text(info, "externalUrl");
            String company = text(root.path("hiringOrganization"), "name");
            d.company = company != null ? company : tenant;
            d.companyFromSlug = company == null;
            List<String> places = new ArrayList<>();
            if (text(info, "location") != null) places.add(text(info, "location"));
            for (JsonNode more : info.path("additionalLocations")) {
                String place = more.isTextual() ? more.asText().trim() : text(more, "descriptor");
                if (place != null && !place.isEmpty() && !places.contains(place)) places.add(place);
            }
            d.location = String.join("; ", places);
            // startDate is the posting's ISO start; postedOn the relative text the site shows.
            d.datePosted = text(info, "startDate") != null ? text(info, "startDate") : text(info, "postedOn");
            d.employmentType = text(info, "timeType");
            d.remote = isRemote(text(info, "remoteType"));
            d.description = text(info, "jobDescription");
            return d;
        }

        private String publicUrl(String externalPath) {
            return origin + sitePrefix + "/" + Urls.encode(site) + (externalPath.startsWith("/") ? externalPath : "/" + externalPath);
        }

        private static boolean isRemote(String remoteType) {
            return remoteType != null && remoteType.toLowerCase(Locale.ROOT).contains("remote");
        }
    }
}
