package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.http.RequestSecrets;
import dev.jobalerts.posting.PlainText;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adzuna's job search API, one country's index at a time:
 * {@code GET https://api.adzuna.com/v1/api/jobs/{country}/search/{page}?what=…&where=…&results_per_page=50}, the page
 * 1-based in the path and at most 50 results a page. {@code app_id} and {@code app_key} are the source's credentials
 * ({@code appId}, {@code appKey}) and are added to the query only on the wire, never to the stored URL.
 *
 * <p>The answer is {@code count} (matches in all) and {@code results[]}: {@code id} (unique in Adzuna's index, so ids
 * are {@code adzuna:{country}:{id}}), {@code title}, {@code description} (a snippet: Adzuna sends no full text),
 * {@code redirect_url}, {@code created} (ISO 8601), {@code company.display_name}, {@code location.display_name},
 * {@code contract_time} (full_time, part_time), {@code contract_type} (permanent, contract), {@code salary_min},
 * {@code salary_max} and {@code salary_is_predicted}. A predicted salary is Adzuna's own estimate, not the advert's,
 * so a salary is kept only when the flag says it was stated ("0"); Adzuna gives salaries as annual amounts in the
 * country's currency (a day rate appears annualised), hence YEAR and the currency of the country.
 *
 * <p>URLs: the API URL (on any host, the path being Adzuna's own; {@code app_id}/{@code app_key} pasted into it are
 * dropped) and the country sites' searches, {@code https://www.adzuna.co.uk/jobs/search?q=python&w=London} or
 * {@code https://www.adzuna.com/search?q=python&w=Charlotte}, whose {@code q} and {@code w} are the API's what and
 * where. A site search with other filters (a location id, a salary floor) is not taken, since dropping it would
 * widen the search.
 */
final class AdzunaAdapter implements SourceAdapter {
    static final String API = "https://api.adzuna.com";
    /** Adzuna answers at most 50 results a page. */
    static final int PAGE_SIZE = 50;
    /** The smallest amount that can be a year's pay in any of Adzuna's currencies. */
    static final int LEAST_ANNUAL = 1000;
    private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
    /** The country sites and the index behind each. */
    private static final Map<String, String> SITES = Map.ofEntries(
            Map.entry("adzuna.co.uk", "gb"), Map.entry("adzuna.com", "us"), Map.entry("adzuna.de", "de"),
            Map.entry("adzuna.fr", "fr"), Map.entry("adzuna.com.au", "au"), Map.entry("adzuna.ca", "ca"),
            Map.entry("adzuna.at", "at"), Map.entry("adzuna.nl", "nl"), Map.entry("adzuna.in", "in"),
            Map.entry("adzuna.co.nz", "nz"), Map.entry("adzuna.pl", "pl"), Map.entry("adzuna.com.br", "br"),
            Map.entry("adzuna.co.za", "za"), Map.entry("adzuna.it", "it"), Map.entry("adzuna.es", "es"),
            Map.entry("adzuna.be", "be"), Map.entry("adzuna.ch", "ch"), Map.entry("adzuna.sg", "sg"),
            Map.entry("adzuna.com.mx", "mx"));
    /** The national currency of each country index. */
    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("gb", "GBP"), Map.entry("us", "USD"), Map.entry("de", "EUR"), Map.entry("fr", "EUR"),
            Map.entry("at", "EUR"), Map.entry("nl", "EUR"), Map.entry("it", "EUR"), Map.entry("es", "EUR"),
            Map.entry("be", "EUR"), Map.entry("au", "AUD"), Map.entry("ca", "CAD"), Map.entry("nz", "NZD"),
            Map.entry("in", "INR"), Map.entry("pl", "PLN"), Map.entry("br", "BRL"), Map.entry("za", "ZAR"),
            Map.entry("ch", "CHF"), Map.entry("sg", "SGD"), Map.entry("mx", "MXN"));
    /** The site's search parameters and the API parameters they stand for. */
    private static final Map<String, String> SITE_PARAMS = Map.of("q", "what", "w", "where");
    /** Site parameters that do not change which jobs match: the page, the sort, the autocomplete marker. */
    private static final Set<String> SITE_IGNORED = Set.of("p", "sb", "sd", "ac_where");
    /** Query parameters of an API URL that are the board's to set, or secrets that must not be stored. */
    private static final Set<String> API_OWN = Set.of("app_id", "app_key", "results_per_page");

    @Override
    public SourceKind kind() {
        return SourceKind.ADZUNA;
    }

    @Override
    public Set<String> credentials() {
        return Set.of("appId", "appKey");
    }

    @Override
    public String urlPatterns() {
        return "https://api.adzuna.com/v1/api/jobs/{country}/search/1?what={words}&where={place}, "
                + "https://www.adzuna.co.uk/jobs/search?q={words}&w={place} (and the other country sites)";
    }

    @Override
    public Optional<Board> board(URI url) {
        List<String> path = Urls.segments(url);
        // /v1/api/jobs/{country}/search[/{page}] is Adzuna's own, wherever it is served.
        if (path.size() >= 5 && path.subList(0, 3).equals(List.of("v1", "api", "jobs")) && path.get(4).equals("search")
                && COUNTRY.matcher(path.get(3)).matches() && (path.size() == 5 || (path.size() == 6 && path.get(5).matches("\\d{1,4}")))) {
            Map<String, String> search = new LinkedHashMap<>();
            Urls.query(url).forEach((name, value) -> {
                if (!API_OWN.contains(name.toLowerCase(Locale.ROOT))) search.put(name, value);
            });
            return Optional.of(new AdzunaBoard(Urls.origin(url), path.get(3), search));
        }
        String country = SITES.get(Urls.host(url).replaceFirst("^www\\.", ""));
        boolean searchPath = path.equals(List.of("search")) || path.equals(List.of("jobs", "search"));
        if (country == null || !searchPath) return Optional.empty();
        return Urls.translatedQuery(url, SITE_PARAMS, SITE_IGNORED).map(search -> new AdzunaBoard(API, country, search));
    }

    /**
     * One country's search.
     *
     * @param origin  scheme and host of the API (Adzuna's, or a mirror's)
     * @param country the index, a lower-case ISO 3166 code (gb for the United Kingdom)
     * @param search  the API's search parameters (what, where, and any other filter of an API URL)
     */
    record AdzunaBoard(String origin, String country, Map<String, String> search) implements Board {
        AdzunaBoard {
            search = Collections.unmodifiableMap(new LinkedHashMap<>(search));
        }

        @Override
        public SourceKind kind() {
            return SourceKind.ADZUNA;
        }

        @Override
        public String label() {
            return "Adzuna " + country + " " + search.values().stream().map(v -> "\"" + v + "\"").toList();
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            Map<String, String> query = new LinkedHashMap<>();
            if (credentials.get("appId") != null) query.put("app_id", credentials.get("appId"));
            if (credentials.get("appKey") != null) query.put("app_key", credentials.get("appKey"));
            return ApiRequest.getJson(pageUrl(1)).withSecrets(new RequestSecrets(Map.of(), query)).at(1);
        }

        URI pageUrl(int page) {
            URI url = Urls.withParams(URI.create(origin + "/v1/api/jobs/" + country + "/search/" + page), search);
            return Urls.withParam(url, "results_per_page", String.valueOf(PAGE_SIZE));
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "Adzuna");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode root = answer.root();
            // Adzuna reports a refused call as {"exception": "AUTH_FAIL", "display": "…"}.
            if (text(root, "exception") != null)
                return ListingPage.unreadable("Adzuna answered " + text(root, "exception")
                        + (text(root, "display") == null ? "" : ": " + text(root, "display")));
            JsonNode results = root.path("results");
            if (!results.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Adzuna", "\"results\"", "array"));
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (JsonNode job : results) ctx.each(drafts, "Adzuna result #" + index++, () -> draft(job));
            JsonNode countNode = root.get("count");
            Integer total = countNode != null && countNode.isIntegralNumber() && countNode.canConvertToInt() && countNode.intValue() >= 0
                    ? countNode.intValue() : null;
            int page = request == null || request.position() < 1 ? 1 : request.position();
            boolean more = results.size() >= PAGE_SIZE && (total == null || (long) page * PAGE_SIZE < total);
            ApiRequest next = more && request != null ? request.withUrl(pageUrl(page + 1)).at(page + 1) : null;
            return ListingPage.of(drafts.stream().map(ListingEntry::complete).toList(), next, total);
        }

        private PostingDraft draft(JsonNode job) {
            if (!job.isObject()) throw new IllegalArgumentException("not an object");
            PostingDraft d = new PostingDraft();
            String id = text(job, "id");
            if (id != null) d.atsId = "adzuna:" + country + ":" + id;
            // Adzuna marks the words that matched the search with <strong> in titles.
            String title = text(job, "title");
            d.title = title == null ? null : PlainText.plain(title);
            d.url = text(job, "redirect_url");
            d.company = text(job.path("company"), "display_name");
            d.location = text(job.path("location"), "display_name");
            d.datePosted = text(job, "created");
            String time = text(job, "contract_time");
            String type = text(job, "contract_type");
            // A contract says more than its hours; a permanent post is described by them.
            d.employmentType = "contract".equalsIgnoreCase(type) || time == null ? type : time;
            Double min = number(job.get("salary_min"));
            Double max = number(job.get("salary_max"));
            if (isStated(job.get("salary_is_predicted")) && isAnnual(min, max)) d.salary(min, max, CURRENCIES.get(country), "YEAR");
            d.description = text(job, "description");
            return d;
        }

        /**
         * Adzuna's figures are annual; a top below 1,000 is an hourly or daily rate that came through
         * without its unit, and no period can be trusted for it.
         */
        private static boolean isAnnual(Double min, Double max) {
            Double top = max != null ? max : min;
            return top == null || top >= LEAST_ANNUAL;
        }

        /** Only an explicit "0" says the advert stated the salary; "1", or no flag at all, may be Adzuna's estimate. */
        private static boolean isStated(JsonNode predicted) {
            if (predicted == null || predicted.isNull()) return false;
            if (predicted.isBoolean()) return !predicted.booleanValue();
            return predicted.asText("").strip().equals("0");
        }
    }
}
