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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workable's public jobs endpoint for an account: {@code GET https://apply.workable.com/api/v1/widget/accounts/{account}?details=true}
 * (where Workable's documented {@code www.workable.com/api/accounts/{account}?details=true} redirects) answers
 * {@code {"name", "description", "jobs": [job…]}} with every published job and, because of {@code details=true}, its
 * description: one GET, no paging, no detail requests. The careers page's own endpoint
 * ({@code POST /api/v3/accounts/{account}/jobs}, paged by a {@code nextPage} token) lists jobs without their text and
 * would need one {@code /api/v2/accounts/{account}/jobs/{shortcode}} request per job, so it is not used; its URLs are
 * recognised and read through the documented endpoint.
 *
 * <p>Fields read: the account {@code name} (the company); per job {@code shortcode} (unique across Workable, hence
 * {@code workable:{shortcode}}), {@code title}, {@code url} else {@code shortlink} else
 * {@code apply.workable.com/{account}/j/{shortcode}/}, {@code locations[]} ({@code city}, {@code region},
 * {@code country}; only the country when {@code hidden}) else {@code city}/{@code state}/{@code country},
 * {@code telecommuting} or {@code workplace_type: remote}, {@code employment_type}, {@code published_on} else
 * {@code created_at}, and {@code description} with {@code requirements} and {@code benefits} when sent apart. The
 * endpoint has no pay field, so no salary is read.
 *
 * <p>Careers URLs: {@code https://apply.workable.com/{account}}, {@code …/{account}/j/{shortcode}},
 * {@code https://{account}.workable.com}, and the API paths above (the widget path on any host).
 */
final class WorkableAdapter implements SourceAdapter {
    static final String API = "https://apply.workable.com/api/v1/widget/accounts/%s?details=true";
    private static final Pattern ACCOUNT_HOST = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.workable\\.com");
    /** Workable's own sites under workable.com, which are not accounts' careers pages. */
    private static final Set<String> NOT_ACCOUNTS = Set.of("www", "apply", "jobs", "help", "partnerhelp", "resources", "api",
            "developers", "engineering", "status", "blog", "careers");

    @Override
    public SourceKind kind() {
        return SourceKind.WORKABLE;
    }

    @Override
    public String urlPatterns() {
        return "https://apply.workable.com/{account}, https://apply.workable.com/{account}/j/{shortcode}, https://{account}.workable.com, "
                + "https://apply.workable.com/api/v1/widget/accounts/{account}";
    }

    @Override
    public Optional<Board> board(URI url) {
        String host = Urls.host(url);
        List<String> path = Urls.segments(url);
        // The widget path is Workable's own, wherever it is served (a mirror, a test fake).
        if (path.size() == 5 && path.subList(0, 4).equals(List.of("api", "v1", "widget", "accounts")))
            return account(path.get(4)).map(a -> new WorkableBoard(a, withDetails(url)));
        boolean workable = host.equals("apply.workable.com") || host.equals("www.workable.com") || host.equals("workable.com");
        if (workable && !path.isEmpty() && path.get(0).equals("api")) return apiAccount(path).flatMap(WorkableAdapter::careers);
        if (host.equals("apply.workable.com")) {
            // apply.workable.com/j/{shortcode} names a job but not its account.
            return path.isEmpty() || path.get(0).equals("j") ? Optional.empty() : careers(path.get(0));
        }
        Matcher sub = ACCOUNT_HOST.matcher(host);
        if (sub.matches() && !NOT_ACCOUNTS.contains(sub.group(1))) return careers(sub.group(1));
        return Optional.empty();
    }

    /** A saved answer or mirror read as the endpoint itself. */
    @Override
    public Optional<Board> boardAt(URI url) {
        return url.getHost() == null ? Optional.empty() : Optional.of(new WorkableBoard(null, url));
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.path("jobs").isArray() && root.path("jobs").path(0).has("shortcode");
    }

    /** The account in Workable's API paths: /api/accounts/{a}, /api/v1/accounts/{a}, /api/v2|v3/accounts/{a}/jobs… */
    private static Optional<String> apiAccount(List<String> path) {
        int at = path.indexOf("accounts");
        return at >= 1 && at + 1 < path.size() ? account(path.get(at + 1)) : Optional.empty();
    }

    private static Optional<String> account(String name) {
        return Urls.isName(name) ? Optional.of(name) : Optional.empty();
    }

    private static Optional<Board> careers(String account) {
        return account(account).map(a -> new WorkableBoard(a, URI.create(String.format(API, Urls.encode(a)))));
    }

    /** Without details=true the endpoint leaves the descriptions out. */
    private static URI withDetails(URI url) {
        return Urls.withParam(url, "details", "true");
    }

    /** One account's careers page; {@code account} is null when only the endpoint's URL is known. */
    record WorkableBoard(String account, URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.WORKABLE;
        }

        @Override
        public String label() {
            return account == null ? api.getHost() : account;
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            JsonNode jobs = root.path("jobs");
            if (!jobs.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Workable", "\"jobs\"", "array"));
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (JsonNode job : jobs) {
                String what = "workable job #" + index++;
                ctx.each(drafts, what, () -> {
                    PostingDraft d = draft(root, job);
                    if (d.title != null) return d;
                    ctx.warn("skipped " + what + ": it has no title");
                    return null;
                });
            }
            return ListingPage.last(drafts.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft draft(JsonNode root, JsonNode job) {
            PostingDraft d = new PostingDraft();
            String shortcode = text(job, "shortcode");
            d.atsId = shortcode == null ? null : "workable:" + shortcode;
            d.title = text(job, "title");
            d.url = text(job, "url") != null ? text(job, "url") : text(job, "shortlink");
            if (d.url == null && shortcode != null && account != null)
                d.url = "https://apply.workable.com/" + Urls.encode(account) + "/j/" + Urls.encode(shortcode) + "/";
            String name = text(root, "name");
            d.company = name != null ? name : account;
            d.companyFromSlug = name == null;
            d.location = location(job);
            d.remote = job.path("telecommuting").asBoolean(false)
                    || "remote".equals(String.valueOf(text(job, "workplace_type")).toLowerCase(Locale.ROOT));
            d.employmentType = text(job, "employment_type");
            d.datePosted = text(job, "published_on") != null ? text(job, "published_on") : text(job, "created_at");
            d.description = new HtmlSections().add(null, text(job, "description"))
                    .add("Requirements", text(job, "requirements")).add("Benefits", text(job, "benefits")).html();
            return d;
        }

        /** Each listed place as "city, region, country" (only the country where the employer hid the city), in order. */
        private static String location(JsonNode job) {
            String listed = Places.all(job.path("locations"),
                    place -> place.path("hidden").asBoolean(false) ? text(place, "country") : Places.of(place, "city", "region", "country"));
            return listed != null ? listed : Places.of(job, "city", "state", "country");
        }
    }
}
