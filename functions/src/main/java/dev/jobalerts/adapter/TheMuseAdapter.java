package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Muse's public API v2 ({@code GET https://www.themuse.com/api/public/jobs?page=N}, documented on
 * themuse.com/developers/api/v2): 20 jobs a page in {@code results}, pages numbered from 0, {@code page_count} pages
 * in all (a page past the end answers no results), narrowed by the repeatable parameters {@code category},
 * {@code level}, {@code location} and {@code company}. It lists the oldest jobs first unless asked
 * {@code descending=true}, which every board here asks, so that a crawl capped by maxPostings reads the newest. An
 * {@code api_key} is optional (500 requests an hour without one) and not asked for. Each job: {@code id},
 * {@code name} (the title), {@code contents} (HTML), {@code publication_date} (ISO 8601), {@code locations[].name}
 * ("New York, NY", "Flexible / Remote"), {@code levels[].name} (Entry Level, Mid Level, Senior Level, management
 * levels, Internship), {@code categories[].name}, {@code company.name}, {@code refs.landing_page}. The Muse is not a
 * remote-only board: a job is remote when one of its locations is "Flexible / Remote". Ids: {@code themuse:{id}}.
 *
 * <p>Careers URLs: {@code https://www.themuse.com/search[/…]} and {@code https://www.themuse.com/jobs} with
 * {@code category}, {@code level}, {@code location} or {@code company} parameters (the search page's
 * {@code location/remote-flexible} path segment reads as the location "Flexible / Remote"); its keyword search has no
 * counterpart in the API and is not carried. The API path {@code /api/public/jobs} is recognised on any host.
 */
final class TheMuseAdapter implements SourceAdapter {
    static final String API = "https://www.themuse.com/api/public/jobs";
    static final String REMOTE = "Flexible / Remote";
    private static final List<String> FILTERS = List.of("category", "level", "location", "company");

    @Override
    public SourceKind kind() {
        return SourceKind.THEMUSE;
    }

    @Override
    public String urlPatterns() {
        return "https://www.themuse.com/search[?location=…&category=…], https://www.themuse.com/api/public/jobs[?category=…&level=…&location=…]";
    }

    @Override
    public Optional<Board> board(URI url) {
        List<String> path = Urls.segments(url);
        if (path.size() == 3 && path.get(0).equals("api") && path.get(1).equals("public") && path.get(2).equals("jobs"))
            return Optional.of(new TheMuseBoard(Urls.origin(url) + "/api/public/jobs", filters(url)));
        String host = Urls.host(url);
        if (!host.equals("www.themuse.com") && !host.equals("themuse.com")) return Optional.empty();
        if (path.isEmpty() || (!path.get(0).equals("search") && !path.get(0).equals("jobs"))) return Optional.empty();
        Map<String, List<String>> filters = filters(url);
        // The search page puts filters in its path too: /search/location/remote-flexible/keyword/…
        int location = path.indexOf("location");
        if (location > 0 && location + 1 < path.size() && path.get(location + 1).equals("remote-flexible"))
            filters.computeIfAbsent("location", k -> new ArrayList<>()).add(REMOTE);
        return Optional.of(new TheMuseBoard(API, filters));
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new TheMuseBoard(Urls.origin(url) + url.getRawPath(), filters(url)));
    }

    /** A page of The Muse's standard paged list whose results carry {@code refs}. */
    @Override
    public boolean recognises(JsonNode root) {
        return root.path("results").isArray() && root.has("page_count") && (root.path("results").isEmpty() || root.path("results").path(0).has("refs"));
    }

    /** The API's filters among a URL's parameters, each with all its values; paging and keys are the board's own. */
    private static Map<String, List<String>> filters(URI url) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        Urls.queryLists(url).forEach((name, values) -> {
            if (!FILTERS.contains(name)) return;
            List<String> kept = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (!kept.isEmpty()) filters.put(name, new ArrayList<>(kept));
        });
        return filters;
    }

    /**
     * The jobs that match {@code filters}, newest first.
     *
     * @param api     the endpoint, without a query
     * @param filters category, level, location and company values, sent as repeated parameters
     */
    record TheMuseBoard(String api, Map<String, List<String>> filters) implements Board {
        TheMuseBoard {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            filters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            filters = Collections.unmodifiableMap(copy);
        }

        @Override
        public SourceKind kind() {
            return SourceKind.THEMUSE;
        }

        @Override
        public String label() {
            List<String> values = new ArrayList<>();
            filters.values().forEach(values::addAll);
            return "The Muse" + (values.isEmpty() ? "" : " " + values);
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return page(0);
        }

        private ApiRequest page(int number) {
            StringBuilder url = new StringBuilder(api).append("?page=").append(number).append("&descending=true");
            filters.forEach((name, values) -> values.forEach(v -> url.append('&').append(name).append('=').append(Urls.encode(v))));
            return ApiRequest.getJson(URI.create(url.toString())).at(number);
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "The Muse");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode root = answer.root();
            JsonNode results = root.path("results");
            if (!results.isArray()) return ListingPage.unreadable(JsonAnswer.missing("The Muse", "\"results\"", "array"));
            if (JsonPostings.noneHas(results, "name")) return ListingPage.unreadable(JsonAnswer.missing("The Muse", "\"name\"", "in any job"));
            List<ListingEntry> entries = JsonPostings.complete(results, "themuse job", ctx, TheMuseBoard::draft);
            JsonNode pageCount = root.path("page_count");
            JsonNode totalNode = root.path("total");
            Integer total = totalNode.canConvertToInt() && totalNode.asInt() >= 0 ? totalNode.asInt() : null;
            int number = request == null ? 0 : request.position();
            boolean more = !results.isEmpty() && pageCount.canConvertToInt() && number + 1 < pageCount.asInt();
            return ListingPage.of(entries, more && request != null ? page(number + 1) : null, total);
        }

        private static PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String id = text(job, "id");
            d.atsId = id == null ? null : "themuse:" + id;
            d.url = text(job.path("refs"), "landing_page");
            d.title = text(job, "name");
            d.company = text(job.path("company"), "name");
            d.location = JsonPostings.joined(job.get("locations"), "; ");
            d.remote = d.location != null && d.location.toLowerCase(Locale.ROOT).contains(REMOTE.toLowerCase(Locale.ROOT));
            // The Muse has no employment type; its level "Internship" is the one that names one.
            String levels = JsonPostings.joined(job.get("levels"), "; ");
            if (levels != null && levels.toLowerCase(Locale.ROOT).contains("internship")) d.employmentType = "internship";
            d.datePosted = text(job, "publication_date");
            d.description = text(job, "contents");
            return d;
        }
    }
}
