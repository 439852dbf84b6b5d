package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * BambooHR's public careers site, read through the two JSON answers its own pages load (no key, no paging):
 * {@code GET https://{company}.bamboohr.com/careers/list} lists every open job as {@code result[]} with {@code id}
 * (a string, unique per company), {@code jobOpeningName}, {@code departmentLabel}, {@code employmentStatusLabel},
 * {@code location {city, state}}, {@code atsLocation {city, state, province, country}} (where remote openings put
 * their region), {@code isRemote} and {@code locationType} ("0" on-site, "1" remote, "2" hybrid), beside
 * {@code meta.totalCount}; it has neither the text nor the date. Each job's
 * {@code GET /careers/{id}/detail} answers {@code result.jobOpening} with the same fields plus {@code description}
 * (HTML), {@code datePosted} (YYYY-MM-DD), {@code compensation} (the employer's own line of text, often null),
 * {@code jobOpeningShareUrl} and {@code location.addressCountry}. Ids are {@code bamboohr:{company}:{id}}; a
 * posting links to {@code https://{company}.bamboohr.com/careers/{id}}.
 *
 * <p>Careers URLs: {@code https://{company}.bamboohr.com/careers}, {@code …/careers/{id}}, the API paths above and the
 * older {@code …/jobs/} (and {@code /jobs/view.php?id=…}) pages. The company's own sign-in at the bare host and
 * BambooHR's own sites ({@code www}, {@code api} …) are not boards.
 */
final class BambooHrAdapter implements SourceAdapter {
    private static final Pattern HOST = Pattern.compile("([a-z0-9][a-z0-9-]{0,62})\\.bamboohr\\.com");
    /** BambooHR's own subdomains, which are no company's careers site. */
    private static final Set<String> RESERVED = Set.of("www", "api", "app", "help", "partners", "marketplace", "status",
            "documentation", "developers", "support", "resources", "blog");
    private static final Pattern DETAIL_PATH = Pattern.compile(".*/careers/([^/]+)/detail/?$");

    @Override
    public SourceKind kind() {
        return SourceKind.BAMBOOHR;
    }

    @Override
    public String urlPatterns() {
        return "https://{company}.bamboohr.com/careers[/{id}], https://{company}.bamboohr.com/jobs/, "
                + "https://{company}.bamboohr.com/careers/list";
    }

    @Override
    public Optional<Board> board(URI url) {
        Matcher host = HOST.matcher(Urls.host(url));
        if (!host.matches() || RESERVED.contains(host.group(1))) return Optional.empty();
        List<String> path = Urls.segments(url);
        // The bare host is the company's sign-in page; only its careers and (older) jobs pages are the board.
        if (path.isEmpty() || !(path.get(0).equals("careers") || path.get(0).equals("jobs"))) return Optional.empty();
        return Optional.of(new BambooHrBoard(host.group(1), Urls.origin(url)));
    }

    /** The same API on another host (a mirror, a saved copy, a test fake): the host stands in for the company. */
    @Override
    public Optional<Board> boardAt(URI url) {
        if (url.getHost() == null) return Optional.empty();
        return Optional.of(new BambooHrBoard(Urls.host(url), Urls.origin(url)));
    }

    @Override
    public boolean recognises(JsonNode root) {
        JsonNode result = root.path("result");
        return result.path("jobOpening").isObject() || (result.isArray() && result.path(0).has("jobOpeningName"));
    }

    /** One company's careers site, served with its API from {@code origin}. */
    record BambooHrBoard(String company, String origin) implements Board {
        @Override
        public SourceKind kind() {
            return SourceKind.BAMBOOHR;
        }

        @Override
        public String label() {
            return company;
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return ApiRequest.getJson(URI.create(origin + "/careers/list"));
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "BambooHR");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode jobs = answer.root().path("result");
            if (!jobs.isArray()) return ListingPage.unreadable(JsonAnswer.missing("BambooHR", "\"result\"", "array"));
            List<ListingEntry> entries = new ArrayList<>();
            int index = 0;
            for (JsonNode job : jobs) {
                String what = "bamboohr job #" + index++;
                String id = text(job, "id");
                if (id == null || !Urls.isName(id)) {
                    // No id, no detail to ask and no page to link: the entry cannot become a posting.
                    ctx.warn("skipped " + what + ": no usable id");
                    continue;
                }
                List<PostingDraft> one = new ArrayList<>(1);
                ctx.each(one, what, () -> listed(id, job));
                for (PostingDraft draft : one) entries.add(new ListingEntry(draft, ApiRequest.getJson(detail(id))));
            }
            JsonNode count = answer.root().path("meta").path("totalCount");
            Integer total = count.canConvertToInt() ? count.asInt() : null;
            return ListingPage.of(entries, null, total);
        }

        private URI detail(String id) {
            return URI.create(jobPage(id) + "/detail");
        }

        /** The job's own page, which is also where the careers site links it. */
        private String jobPage(String id) {
            return origin + "/careers/" + Urls.encode(id);
        }

        /** A job as the list shows it: no text, no date. */
        private PostingDraft listed(String id, JsonNode job) {
            PostingDraft d = opening(job);
            d.atsId = "bamboohr:" + company + ":" + id;
            d.url = jobPage(id);
            return d;
        }

        @Override
        public boolean isDetail(PageContent response) {
            JsonAnswer answer = JsonAnswer.read(response, "BambooHR");
            return answer.readable() && answer.root().path("result").path("jobOpening").isObject();
        }

        @Override
        public ListingPage readDetail(PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "BambooHR");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode opening = answer.root().path("result").path("jobOpening");
            if (!opening.isObject()) return ListingPage.unreadable(JsonAnswer.missing("BambooHR", "\"result.jobOpening\"", "object"));
            List<PostingDraft> one = new ArrayList<>(1);
            ctx.each(one, "bamboohr job opening", () -> detailed(response.url(), opening));
            return ListingPage.last(one.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft detailed(String answerUrl, JsonNode opening) {
            PostingDraft d = opening(opening);
            String id = detailId(answerUrl, opening);
            if (id != null) {
                d.atsId = "bamboohr:" + company + ":" + id;
                d.url = jobPage(id);
            }
            d.datePosted = text(opening, "datePosted");
            String compensation = text(opening, "compensation");
            // Free text ("$68,000 - $74,000 per year"): read like any salary stated in words (a period, never guessed).
            d.salaryText = compensation;
            d.description = description(text(opening, "description"), compensation);
            return d;
        }

        /** The job's id: from the detail URL it was asked at, else from its share URL ({@code …/careers/{id}}). */
        private static String detailId(String answerUrl, JsonNode opening) {
            Matcher m = DETAIL_PATH.matcher(answerUrl == null ? "" : answerUrl.replaceFirst("[?#].*$", ""));
            if (m.matches() && Urls.isName(m.group(1))) return m.group(1);
            String share = text(opening, "jobOpeningShareUrl");
            if (share != null) {
                String last = share.replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
                last = last.substring(last.lastIndexOf('/') + 1);
                if (Urls.isName(last)) return last;
            }
            String id = text(opening, "id");
            return Urls.isName(id) ? id : null;
        }

        /** The fields the list and the detail share. */
        private PostingDraft opening(JsonNode job) {
            PostingDraft d = new PostingDraft();
            d.title = text(job, "jobOpeningName");
            // BambooHR's job records carry no company name; the subdomain is all there is.
            d.company = company;
            d.companyFromSlug = true;
            d.location = location(job);
            d.remote = remote(job);
            d.employmentType = text(job, "employmentStatusLabel");
            return d;
        }

        /** The office ("Chicago, Illinois"), else the region a remote opening is open to ("Poland"), each part once. */
        static String location(JsonNode job) {
            String office = join(job.path("location"), "city", "state", "addressCountry");
            return office.isEmpty() ? join(job.path("atsLocation"), "city", "state", "province", "country") : office;
        }

        private static String join(JsonNode place, String... fields) {
            List<String> parts = new ArrayList<>();
            for (String field : fields) {
                String part = text(place, field);
                if (part != null && parts.stream().noneMatch(part::equalsIgnoreCase)) parts.add(part);
            }
            return String.join(", ", parts);
        }

        /** locationType "1" is BambooHR's remote setting; isRemote, when set at all, may be a boolean, "yes" or 1. */
        static boolean remote(JsonNode job) {
            if ("1".equals(text(job, "locationType"))) return true;
            JsonNode flag = job.path("isRemote");
            if (flag.isBoolean()) return flag.asBoolean();
            if (flag.isNumber()) return flag.asInt() == 1;
            String word = flag.isTextual() ? flag.asText().trim().toLowerCase(Locale.ROOT) : "";
            return word.equals("yes") || word.equals("true") || word.equals("1");
        }

        /** The opening's text, with the employer's pay line after it so it is not lost when it states no period. */
        private static String description(String html, String compensation) {
            String body = html == null ? "" : html;
            if (compensation == null) return body;
            return body + "<p>Compensation: " + Entities.escape(compensation) + "</p>";
        }
    }
}
