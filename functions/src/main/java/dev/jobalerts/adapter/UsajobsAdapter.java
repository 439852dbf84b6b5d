package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.http.RequestSecrets;
import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.url.HttpUrls;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * USAJOBS Search API, the US federal government's job announcements: {@code GET https://data.usajobs.gov/api/search}
 * with the search in query parameters ({@code Keyword}, {@code LocationName} …), paged by {@code Page} (1-based) and
 * {@code ResultsPerPage} (250 by default, 500 at most). Every request carries the API key in {@code Authorization-Key}
 * and the e-mail address it was issued to in {@code User-Agent}; both are the source's credentials ({@code apiKey},
 * {@code email}) and travel only as request secrets.
 *
 * <p>The answer is {@code SearchResult} with {@code SearchResultCountAll} (matches in all), {@code UserArea.NumberOfPages}
 * and {@code SearchResultItems[]}, each a {@code MatchedObjectId} (the announcement's control number, also in its
 * public URL) and a {@code MatchedObjectDescriptor} holding the whole announcement: {@code PositionTitle},
 * {@code PositionURI}, {@code OrganizationName}/{@code DepartmentName}, {@code PositionLocation[].LocationName}
 * ({@code PositionLocationDisplay} says "Multiple Locations" when there are several), {@code PositionSchedule[]} and
 * {@code PositionOfferingType[]} names, {@code PublicationStartDate}, {@code PositionRemuneration[]} (MinimumRange,
 * MaximumRange, RateIntervalCode), {@code QualificationSummary} and {@code UserArea.Details} (JobSummary, MajorDuties,
 * RemoteIndicator). So no detail request is needed. Ids are {@code usajobs:{control number}}, which USAJOBS keeps
 * unique per announcement; the agency's announcement number ({@code PositionID}) is the fallback.
 *
 * <p>URLs: the API URL itself ({@code https://data.usajobs.gov/api/search?Keyword=python&LocationName=Charlotte}), and
 * the site's search {@code https://www.usajobs.gov/Search/Results?k=python&l=Charlotte} whose {@code k} and {@code l}
 * are the API's Keyword and LocationName. A site search with other filters is not taken: dropping a filter would send
 * alerts the person did not ask for.
 */
final class UsajobsAdapter implements SourceAdapter {
    static final String API = "https://data.usajobs.gov/api/search";
    /** The API's largest page. */
    static final int PAGE_SIZE = 500;
    /** The site's search parameters and the API parameters they stand for; "p" is the site's page, ours to set. */
    private static final Map<String, String> SITE_PARAMS = Map.of("k", "Keyword", "l", "LocationName");
    private static final Set<String> SITE_IGNORED = Set.of("p");

    @Override
    public SourceKind kind() {
        return SourceKind.USAJOBS;
    }

    @Override
    public Set<String> credentials() {
        return Set.of("apiKey", "email");
    }

    @Override
    public String urlPatterns() {
        return "https://data.usajobs.gov/api/search?Keyword={words}&LocationName={place}, "
                + "https://www.usajobs.gov/Search/Results?k={words}&l={place}";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = lower(Urls.segments(url));
        if (host.equals("data.usajobs.gov"))
            return path.equals(List.of("api", "search")) ? Optional.of(apiBoard(url)) : Optional.empty();
        if (isSiteHost(host) && path.equals(List.of("search", "results")))
            return Urls.translatedQuery(url, SITE_PARAMS, SITE_IGNORED).map(search -> new UsajobsBoard(URI.create(API), search));
        return Optional.empty();
    }

    /** A mirror or fake of the search API at another address, for a source that names the kind. */
    @Override
    public Optional<Board> boardAt(URI url) {
        return isSiteHost(Urls.host(url)) || Urls.host(url).equals("data.usajobs.gov") ? Optional.empty() : Optional.of(apiBoard(url));
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.path("SearchResult").path("SearchResultItems").isArray();
    }

    private static boolean isSiteHost(String host) {
        return host.equals("www.usajobs.gov") || host.equals("usajobs.gov");
    }

    /** The API at {@code url} with the search its query holds; paging parameters are the board's own. */
    private static UsajobsBoard apiBoard(URI url) {
        Map<String, String> search = new LinkedHashMap<>();
        Urls.query(url).forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("page") && !lower.equals("resultsperpage")) search.put(name, value);
        });
        String s = url.toString();
        int cut = s.indexOf('?') >= 0 ? s.indexOf('?') : s.indexOf('#');
        return new UsajobsBoard(URI.create(cut < 0 ? s : s.substring(0, cut)), search);
    }

    private static List<String> lower(List<String> segments) {
        return segments.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * One search.
     *
     * @param api    the search endpoint, without a query
     * @param search the API's search parameters, in the order given
     */
    record UsajobsBoard(URI api, Map<String, String> search) implements Board {
        UsajobsBoard {
            search = Collections.unmodifiableMap(new LinkedHashMap<>(search));
        }

        @Override
        public SourceKind kind() {
            return SourceKind.USAJOBS;
        }

        @Override
        public String label() {
            return "USAJOBS " + (search.isEmpty() ? "(all announcements)" : search.values().stream().map(v -> "\"" + v + "\"").toList());
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            Map<String, String> headers = new LinkedHashMap<>();
            // USAJOBS identifies the caller by both: the key it issued and the address it issued the key to.
            if (credentials.get("apiKey") != null) headers.put("Authorization-Key", credentials.get("apiKey"));
            if (credentials.get("email") != null) headers.put("User-Agent", credentials.get("email"));
            return ApiRequest.getJson(pageUrl(1)).withSecrets(new RequestSecrets(headers, Map.of())).at(1);
        }

        URI pageUrl(int page) {
            URI url = Urls.withParam(Urls.withParams(api, search), "ResultsPerPage", String.valueOf(PAGE_SIZE));
            return Urls.withParam(url, "Page", String.valueOf(page));
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "USAJOBS");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode result = answer.root().path("SearchResult");
            if (!result.isObject()) return ListingPage.unreadable(JsonAnswer.missing("USAJOBS", "\"SearchResult\"", "object"));
            JsonNode items = result.path("SearchResultItems");
            if (!items.isArray()) return ListingPage.unreadable(JsonAnswer.missing("USAJOBS", "\"SearchResult.SearchResultItems\"", "array"));
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (JsonNode item : items) ctx.each(drafts, "USAJOBS item #" + index++, () -> draft(item));
            Integer total = count(result.get("SearchResultCountAll"));
            Integer pages = count(result.path("UserArea").get("NumberOfPages"));
            int page = request == null || request.position() < 1 ? 1 : request.position();
            // NumberOfPages is the API's own word on where the listing ends; the total is the fallback.
            boolean more = !items.isEmpty() && (pages != null ? page < pages
                    : total != null ? (long) page * PAGE_SIZE < total : items.size() >= PAGE_SIZE);
            ApiRequest next = more && request != null ? request.withUrl(pageUrl(page + 1)).at(page + 1) : null;
            return ListingPage.of(drafts.stream().map(ListingEntry::complete).toList(), next, total);
        }

        private static PostingDraft draft(JsonNode item) {
            JsonNode job = item.path("MatchedObjectDescriptor");
            if (!job.isObject()) throw new IllegalArgumentException("no MatchedObjectDescriptor object");
            PostingDraft d = new PostingDraft();
            String id = firstText(text(item, "MatchedObjectId"), text(job, "MatchedObjectId"), text(job, "PositionID"));
            if (id != null) d.atsId = "usajobs:" + id;
            d.title = text(job, "PositionTitle");
            JsonNode apply = job.path("ApplyURI").path(0);
            String uri = firstText(text(job, "PositionURI"), apply.isTextual() && !apply.asText().isBlank() ? apply.asText().strip() : null);
            // PositionURI is written with an explicit ":443"; the canonical form is the one people share.
            d.url = uri == null ? null : HttpUrls.canonical(uri);
            d.company = firstText(text(job, "OrganizationName"), text(job, "DepartmentName"));
            d.location = location(job);
            JsonNode details = job.path("UserArea").path("Details");
            d.remote = isTrue(details.get("RemoteIndicator"));
            d.employmentType = employmentType(job);
            d.datePosted = firstText(text(job, "PublicationStartDate"), text(job, "PositionStartDate"));
            salary(d, job);
            d.description = description(job, details);
            return d;
        }

        /** Every place the announcement names; the display text only when there is no list ("Multiple Locations" is no place). */
        private static String location(JsonNode job) {
            List<String> places = new ArrayList<>();
            for (JsonNode place : job.path("PositionLocation")) {
                String name = firstText(text(place, "LocationName"), text(place, "CityName"));
                if (name != null && !places.contains(name)) places.add(name);
            }
            String display = text(job, "PositionLocationDisplay");
            if (places.isEmpty() && display != null && !display.equalsIgnoreCase("Multiple Locations")) places.add(display);
            return String.join("; ", places);
        }

        /** An internship or temporary appointment says more than its schedule ("Full-time"); otherwise the schedule. */
        private static String employmentType(JsonNode job) {
            String offering = text(job.path("PositionOfferingType").path(0), "Name");
            String normalised = EmploymentTypes.normalise(offering);
            if ("INTERN".equals(normalised) || "TEMPORARY".equals(normalised)) return offering;
            String schedule = text(job.path("PositionSchedule").path(0), "Name");
            return EmploymentTypes.normalise(schedule) != null ? schedule : offering;
        }

        /** The first pay range whose interval is a period we know; federal pay is in US dollars. */
        private static void salary(PostingDraft d, JsonNode job) {
            for (JsonNode pay : job.path("PositionRemuneration")) {
                String period = period(text(pay, "RateIntervalCode"));
                if (period == null) period = period(text(pay, "Description"));
                if (period == null) continue;
                String currency = text(pay, "CurrencyCode");
                d.salary(number(pay.get("MinimumRange")), number(pay.get("MaximumRange")), currency == null ? "USD" : currency, period);
                if (d.salary != null) return;
            }
        }

        /**
         * A RateIntervalCode as USAJOBS' code list has it (PA per year, PH per hour, PD per day, PM per month) or as
         * the API now spells it ("Per Year", "Per Hour" …). Bi-weekly, piece work (PW), fee basis and without
         * compensation (WC) have no period a salary filter can compare, so they give none.
         */
        static String period(String interval) {
            if (interval == null) return null;
            String key = interval.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            return switch (key) {
                case "pa", "peryear", "perannum", "annual", "annually", "yearly" -> "YEAR";
                case "ph", "perhour", "hourly" -> "HOUR";
                case "pd", "perday", "daily" -> "DAY";
                case "pm", "permonth", "monthly" -> "MONTH";
                case "perweek", "weekly" -> "WEEK";
                default -> null;
            };
        }

        /** Summary, duties and qualifications, each a paragraph; the texts are plain with line breaks or HTML. */
        private static String description(JsonNode job, JsonNode details) {
            StringBuilder html = new StringBuilder();
            paragraph(html, null, text(details, "JobSummary"));
            List<String> duties = new ArrayList<>();
            JsonNode major = details.get("MajorDuties");
            if (major != null && major.isArray()) for (JsonNode duty : major) {
                if (duty.isValueNode() && !duty.asText().isBlank()) duties.add(duty.asText().strip());
            }
            else if (text(details, "MajorDuties") != null) duties.add(text(details, "MajorDuties"));
            for (int i = 0; i < duties.size(); i++) paragraph(html, i == 0 ? "Duties" : null, duties.get(i));
            paragraph(html, "Qualifications", text(job, "QualificationSummary"));
            return html.toString();
        }

        private static void paragraph(StringBuilder html, String heading, String text) {
            if (text == null || text.isBlank()) return;
            if (heading != null) html.append("<h3>").append(heading).append("</h3>");
            html.append("<p>").append(text.strip().replace("\r\n", "\n").replace("\n", "<br>")).append("</p>");
        }

        private static boolean isTrue(JsonNode value) {
            return value != null && (value.asBoolean(false) || value.asText("").equalsIgnoreCase("true"));
        }

        /** A count the API gives as a number or as digits in a string ("1084"). */
        private static Integer count(JsonNode value) {
            if (value == null) return null;
            if (value.canConvertToInt() && value.isNumber()) return value.intValue() >= 0 ? value.intValue() : null;
            String digits = value.asText("").strip();
            return digits.matches("\\d{1,9}") ? Integer.valueOf(digits) : null;
        }

        private static String firstText(String... values) {
            for (String value : values) if (value != null) return value;
            return null;
        }
    }
}
