package dev.jobalerts.adapter;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remote OK's public API ({@code GET https://remoteok.com/api}, also on remoteok.io; described on remoteok.com/api):
 * one JSON array of the board's recent jobs whose <em>first element is a legal notice</em> ({@code legal},
 * {@code last_updated}), not a job, and never a posting; {@code ?tag=} narrows it to one tag, and a tag that
 * matches nothing answers with the notice alone (an empty listing). There is no paging. Each job: {@code id} (a
 * string or a number), {@code slug}, {@code epoch}, {@code date} (ISO 8601), {@code company}, {@code position} (the
 * title), {@code tags}, {@code description} (HTML), {@code location} (free text, often empty or null),
 * {@code salary_min}/{@code salary_max} (yearly US dollars; 0 when not stated), {@code url}, {@code apply_url}. The
 * board lists remote jobs only. Job ids are Remote OK's own: {@code remoteok:{id}}.
 *
 * <p>Careers URLs: any page of remoteok.com or remoteok.io; a tag page {@code /remote-{tag}-jobs} reads
 * {@code ?tag={tag}} (for a page of several tags, {@code remote-a+b-jobs}, the first: the API takes one).
 */
final class RemoteOkAdapter implements SourceAdapter {
    static final String API = "https://remoteok.com/api";
    /** The tag pages of the site: /remote-dev-jobs, /remote-react+typescript-jobs (whose "+" reads as a space decoded). */
    private static final Pattern TAG_PAGE = Pattern.compile("remote-([a-z0-9][a-z0-9+ .-]*?)-jobs");

    @Override
    public SourceKind kind() {
        return SourceKind.REMOTEOK;
    }

    @Override
    public String urlPatterns() {
        return "https://remoteok.com/, https://remoteok.com/remote-{tag}-jobs, https://remoteok.com/api[?tag={tag}]";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        if (!host.equals("remoteok.com") && !host.equals("www.remoteok.com") && !host.equals("remoteok.io") && !host.equals("www.remoteok.io"))
            return Optional.empty();
        List<String> path = Urls.segments(url);
        if (path.size() == 1 && path.get(0).equals("api")) return Optional.of(new RemoteOkBoard(url));
        String tag = null;
        if (path.size() == 1) {
            Matcher m = TAG_PAGE.matcher(path.get(0).toLowerCase(Locale.ROOT));
            if (m.matches()) tag = m.group(1).split("[+ ]")[0];
        }
        return Optional.of(new RemoteOkBoard(tag == null ? URI.create(API) : Urls.withParam(URI.create(API), "tag", tag)));
    }

    /** A URL on another host (a mirror, a saved copy) that the source says is Remote OK's API. */
    @Override
    public Optional<Board> boardAt(URI url) {
        return Optional.of(new RemoteOkBoard(url));
    }

    /** An array that opens with Remote OK's legal notice. */
    @Override
    public boolean recognises(JsonNode root) {
        return root.isArray() && root.path(0).has("legal") && (root.path(0).has("last_updated") || root.path(1).has("position"));
    }

    /** The whole board or one tag of it, read through {@code api}. */
    record RemoteOkBoard(URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.REMOTEOK;
        }

        @Override
        public String label() {
            String tag = Urls.query(api).get("tag");
            return "Remote OK" + (tag == null ? "" : " [" + tag + "]");
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            if (!root.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Remote OK", "job list", "array"));
            List<JsonNode> jobs = new ArrayList<>();
            // The legal notice that opens the array is not a job.
            for (JsonNode item : root) if (!item.has("legal")) jobs.add(item);
            if (JsonPostings.noneHas(jobs, "position"))
                return ListingPage.unreadable(JsonAnswer.missing("Remote OK", "\"position\"", "in any job"));
            return ListingPage.last(JsonPostings.complete(jobs, "remoteok job", ctx, RemoteOkBoard::draft));
        }

        private static PostingDraft draft(JsonNode job) {
            PostingDraft d = new PostingDraft();
            String id = text(job, "id");
            d.atsId = id == null ? null : "remoteok:" + id;
            d.url = text(job, "url") != null ? text(job, "url") : text(job, "apply_url");
            d.title = text(job, "position");
            d.company = text(job, "company");
            d.location = text(job, "location");
            d.remote = true;
            d.datePosted = text(job, "date") != null ? text(job, "date") : text(job, "epoch");
            d.description = text(job, "description");
            // Remote OK states pay as yearly US dollars; 0 stands for "not stated" and is no bound.
            d.salary(JsonPostings.bound(job.get("salary_min")), JsonPostings.bound(job.get("salary_max")), "USD", "YEAR");
            return d;
        }
    }
}
