package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remotive's public API ({@code GET https://remotive.com/api/remote-jobs}, documented in the remotive-com/remote-jobs-api
 * repository): every active job of the board in one answer, in {@code jobs}, beside {@code job-count} and a legal
 * notice ({@code 0-legal-notice}); optional {@code category} (a category slug or name), {@code company_name},
 * {@code search} and {@code limit} narrow it. There is no paging. Each job: {@code id}, {@code url}, {@code title},
 * {@code company_name}, {@code category}, {@code job_type} (full_time, contract, part_time, freelance, internship;
 * often empty), {@code publication_date} (ISO 8601 without a zone), {@code candidate_required_location} (where
 * candidates may live: "Worldwide", "USA Only"), {@code salary} (free text, optional) and {@code description} (HTML).
 * The board lists remote jobs only. Job ids are Remotive's own: {@code remotive:{id}}.
 *
 * <p>Careers URLs: {@code https://remotive.com/remote-jobs[/{category}[/{job}]]} (and the old remotive.io); the
 * category becomes the API's {@code category}, the site's search ({@code ?query=} or {@code ?search=}) its
 * {@code search}. The API path {@code /api/remote-jobs} is recognised on any host.
 */
final class RemotiveAdapter implements SourceAdapter {
    static final String API = "https://remotive.com/api/remote-jobs";

    @Override
    public SourceKind kind() {
        return SourceKind.REMOTIVE;
    }

    @Override
    public String urlPatterns() {
        return "https://remotive.com/remote-jobs[/{category}], https://remotive.com/api/remote-jobs[?category=…&search=…]";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = Urls.segments(url);
        if (isApiPath(path)) return Optional.of(new RemotiveBoard(url));
        if (!isRemotiveHost(host)) return Optional.empty();
        if (!path.isEmpty() && !path.get(0).equals("remote-jobs")) return Optional.empty();
        Map<String, String> filters = new LinkedHashMap<>();
        if (path.size() >= 2 && Urls.isName(path.get(1))) filters.put("category", path.get(1));
        Map<String, String> query = Urls.query(url);
        String search = query.getOrDefault("query", query.get("search"));
        if (search != null && !search.isBlank()) filters.put("search", search.strip());
        URI api = URI.create(API);
        for (Map.Entry<String, String> filter : filters.entrySet()) api = Urls.withParam(api, filter.getKey(), filter.getValue());
        return Optional.of(new RemotiveBoard(api));
    }

    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new RemotiveBoard(url));
    }

    /** The answer's legal notice and job count beside its jobs are Remotive's own. */
    @Override
    public boolean recognises(JsonNode root) {
        return root.path("jobs").isArray() && (root.has("0-legal-notice") || root.has("job-count"));
    }

    private static boolean isApiPath(List<String> path) {
        return path.size() == 2 && path.get(0).equals("api") && path.get(1).equals("remote-jobs");
    }

    private static boolean isRemotiveHost(String host) {
        return host.equals("remotive.com") || host.equals("www.remotive.com") || host.equals("remotive.io") || host.equals("www.remotive.io");
    }

    /** The whole board or one filtered view of it, read through {@code api}. */
    record RemotiveBoard(URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.REMOTIVE;
        }

        @Override
        public String label() {
            Map<String, String> filters = Urls.query(api);
            filters.remove("limit");
            return "Remotive" + (filters.isEmpty() ? "" : " " + filters.values());
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            JsonNode jobs = root.path("jobs");
            if (!jobs.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Remotive", "\"jobs\"", "array"));
            if (JsonPostings.noneHas(jobs, "title")) return ListingPage.unreadable(JsonAnswer.missing("Remotive", "\"title\"", "in any job"));
            return ListingPage.last(JsonPostings.complete(jobs, "remotive job", ctx, RemotiveBoard::draft));
        }

        private static PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String id = text(job, "id");
            d.atsId = id == null ? null : "remotive:" + id;
            d.url = text(job, "url");
            d.title = text(job, "title");
            d.company = text(job, "company_name");
            d.location = text(job, "candidate_required_location");
            d.remote = true;
            d.employmentType = text(job, "job_type");
            d.datePosted = text(job, "publication_date");
            d.description = text(job, "description");
            // Free text ("$40,000 - $50,000", "Competitive"): read like any salary stated in words, which needs an
            // amount with a currency and its period; a period is never guessed.
            d.salaryText = text(job, "salary");
            return d;
        }
    }
}
