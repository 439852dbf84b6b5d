package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.url.HttpUrls;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SmartRecruiters Posting API, public and without a key. The listing is
 * {@code GET api.smartrecruiters.com/v1/companies/{company}/postings?limit=100&offset=n}, answering
 * {@code {"offset", "limit", "totalFound", "content": [posting…]}}; 100 is the largest page the API serves. A listed
 * posting has {@code id}, {@code name} (the title), {@code company.identifier/name}, {@code releasedDate} (ISO),
 * {@code location.city/region/country/remote/fullLocation}, {@code typeOfEmployment.label} and a {@code ref} to its
 * detail, but no text: the detail {@code GET …/postings/{id}} adds {@code postingUrl} and the job ad in
 * {@code jobAd.sections.companyDescription/jobDescription/qualifications/additionalInformation}, each a
 * {@code title} and an HTML {@code text}. The Posting API publishes no pay, so no salary is read. An unknown company
 * answers 200 with {@code totalFound: 0}: an empty listing, not an error.
 *
 * <p>Paging follows {@code totalFound}: the next offset is this one plus the postings received, until the total is
 * reached or a page comes back empty (a page shorter than the limit is the last when the total is missing).
 *
 * <p>Careers URLs: {@code https://jobs.smartrecruiters.com/{company}[/{id}-{slug}]},
 * {@code https://careers.smartrecruiters.com/{company}}, the one-click apply page
 * {@code jobs.smartrecruiters.com/oneclick-ui/company/{company}/…}, and the API path {@code /v1/companies/{company}/postings}
 * on any host (its query filters such as {@code q} or {@code country} are kept). The company identifier is
 * case-sensitive in the API and is sent as written; ids are {@code smartrecruiters:{company lower-cased}:{id}}.
 */
final class SmartRecruitersAdapter implements SourceAdapter {
    /** The Posting API serves at most 100 postings a page. */
    static final int PAGE_SIZE = 100;
    static final String API_ORIGIN = "https://api.smartrecruiters.com";
    private static final Set<String> CAREERS_HOSTS = Set.of("jobs.smartrecruiters.com", "careers.smartrecruiters.com");
    /** The job ad's sections in the order the careers page shows them. */
    private static final List<String> SECTIONS = List.of("companyDescription", "jobDescription", "qualifications", "additionalInformation");

    @Override
    public SourceKind kind() {
        return SourceKind.SMARTRECRUITERS;
    }

    @Override
    public String urlPatterns() {
        return "https://jobs.smartrecruiters.com/{company}, https://careers.smartrecruiters.com/{company}, "
                + "https://api.smartrecruiters.com/v1/companies/{company}/postings";
    }

    @Override
    public Optional<Board> board(URI url) {
        List<String> path = Urls.segments(url);
        // The API path is SmartRecruiters' own, on its host or on a mirror of it.
        if (path.size() >= 4 && path.get(0).equals("v1") && path.get(1).equals("companies") && path.get(3).equals("postings")) {
            String company = path.get(2);
            if (!Urls.isName(company)) return Optional.empty();
            URI listing = URI.create(Urls.origin(url) + "/v1/companies/" + Urls.encode(company) + "/postings");
            return Optional.of(new SmartRecruitersBoard(company, withFilters(listing, url)));
        }
        if (!CAREERS_HOSTS.contains(Urls.host(url)) || path.isEmpty()) return Optional.empty();
        String company = path.get(0).equals("oneclick-ui") && path.size() >= 3 && path.get(1).equals("company") ? path.get(2) : path.get(0);
        if (!Urls.isName(company) || company.equals("oneclick-ui") || company.equals("sr-jobs")) return Optional.empty();
        return Optional.of(new SmartRecruitersBoard(company, URI.create(API_ORIGIN + "/v1/companies/" + Urls.encode(company) + "/postings")));
    }

    /** A saved answer or mirror read as the listing itself; details are then asked where each posting's ref says. */
    @Override
    public Optional<Board> boardAt(URI url) {
        return url.getHost() == null ? Optional.empty() : Optional.of(new SmartRecruitersBoard(null, withoutPaging(url)));
    }

    @Override
    public boolean recognises(JsonNode root) {
        return (root.path("content").isArray() && root.has("totalFound")) || isDetailShape(root);
    }

    static boolean isDetailShape(JsonNode root) {
        return root.path("jobAd").isObject() && root.has("id");
    }

    /** The pasted API URL's filters (q, country, department …) on the listing URL; our own paging replaces theirs. */
    private static URI withFilters(URI listing, URI pasted) {
        URI result = listing;
        for (Map.Entry<String, String> param : Urls.query(pasted).entrySet()) {
            if (param.getKey().equals("limit") || param.getKey().equals("offset")) continue;
            result = Urls.withParam(result, param.getKey(), param.getValue());
        }
        return result;
    }

    private static URI withoutPaging(URI url) {
        String s = url.toString();
        int cut = s.indexOf('?');
        if (cut < 0) cut = s.indexOf('#');
        return withFilters(URI.create(cut < 0 ? s : s.substring(0, cut)), url);
    }

    /**
     * One company's postings.
     *
     * @param company the identifier as the URL wrote it; null when only the listing URL is known (a mirror, a saved copy)
     * @param listing the listing URL with its filters, without limit and offset
     */
    record SmartRecruitersBoard(String company, URI listing) implements Board {
        @Override
        public SourceKind kind() {
            return SourceKind.SMARTRECRUITERS;
        }

        @Override
        public String label() {
            return company == null ? listing.getHost() : company;
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return page(0);
        }

        private ApiRequest page(int offset) {
            URI url = Urls.withParam(Urls.withParam(listing, "limit", String.valueOf(PAGE_SIZE)), "offset", String.valueOf(offset));
            return ApiRequest.getJson(url).at(offset);
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "SmartRecruiters");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode content = answer.root().path("content");
            if (!content.isArray()) return ListingPage.unreadable(JsonAnswer.missing("SmartRecruiters", "\"content\"", "array"));
            List<ListingEntry> entries = new ArrayList<>();
            int index = 0;
            for (JsonNode posting : content) {
                List<PostingDraft> one = new ArrayList<>(1);
                String what = "smartrecruiters posting #" + index++;
                String id = text(posting, "id");
                if (id == null || text(posting, "name") == null) {
                    // Without its id a posting can be neither linked nor completed, and without a title there is
                    // nothing to alert on; neither is guessed at.
                    ctx.warn("skipped " + what + ": it has no " + (id == null ? "id" : "title"));
                    continue;
                }
                ctx.each(one, what, () -> draft(posting));
                for (PostingDraft draft : one) entries.add(new ListingEntry(draft, ApiRequest.getJson(detailUrl(posting, id))));
            }
            JsonNode totalNode = answer.root().path("totalFound");
            Integer total = totalNode.canConvertToInt() && totalNode.asInt() >= 0 ? totalNode.asInt() : null;
            int offset = request == null ? 0 : request.position();
            int received = content.size();
            boolean more = received > 0 && (total != null ? offset + received < total : received >= PAGE_SIZE);
            return ListingPage.of(entries, more && request != null ? page(offset + received) : null, total);
        }

        /** The posting's detail beside the listing's path; a listing known only by its URL trusts the posting's ref. */
        private URI detailUrl(JsonNode posting, String id) {
            String ref = text(posting, "ref");
            if (company == null && HttpUrls.hasHttpPrefix(ref)) {
                try {
                    return URI.create(ref);
                } catch (IllegalArgumentException e) {
                    // fall through to the listing's own path
                }
            }
            String path = listing.toString();
            int cut = path.indexOf('?');
            return URI.create((cut < 0 ? path : path.substring(0, cut)) + "/" + Urls.encode(id));
        }

        @Override
        public boolean isDetail(PageContent response) {
            JsonAnswer answer = JsonAnswer.read(response, "SmartRecruiters");
            return answer.readable() && !answer.root().has("content") && (isDetailShape(answer.root())
                    || (answer.root().has("id") && answer.root().has("name")));
        }

        @Override
        public ListingPage readDetail(PageContent response, Extraction ctx) {
            JsonAnswer answer = JsonAnswer.read(response, "SmartRecruiters");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            JsonNode root = answer.root();
            if (!root.isObject() || !root.has("id") || !root.has("name"))
                return ListingPage.unreadable(JsonAnswer.missing("SmartRecruiters", "posting \"id\" and \"name\"", "members"));
            // A posting taken down since the listing was read answers with active: false; it is no longer on offer.
            if (root.path("active").isBoolean() && !root.path("active").asBoolean()) return ListingPage.last(List.of());
            List<PostingDraft> one = new ArrayList<>(1);
            ctx.each(one, "smartrecruiters posting", () -> {
                PostingDraft d = draft(root);
                String postingUrl = text(root, "postingUrl");
                if (postingUrl != null) d.url = postingUrl;
                d.description = description(root.path("jobAd"));
                return d;
            });
            return ListingPage.last(one.stream().map(ListingEntry::complete).toList());
        }

        /** What the listing and the detail share: everything but the job ad. */
        private PostingDraft draft(JsonNode posting) {
            PostingDraft d = new PostingDraft();
            String id = text(posting, "id");
            d.title = text(posting, "name");
            JsonNode owner = posting.path("company");
            String identifier = text(owner, "identifier") != null ? text(owner, "identifier") : company;
            if (id != null) {
                d.atsId = identifier == null ? "smartrecruiters:" + id : "smartrecruiters:" + identifier.toLowerCase(Locale.ROOT) + ":" + id;
                // The public job page; the API's ref is an API address, not one for people.
                if (identifier != null) d.url = "https://jobs.smartrecruiters.com/" + Urls.encode(identifier) + "/" + Urls.encode(id);
            }
            d.company = text(owner, "name") != null ? text(owner, "name") : identifier;
            d.companyFromSlug = text(owner, "name") == null;
            JsonNode location = posting.path("location");
            d.location = text(location, "fullLocation") != null ? text(location, "fullLocation") : place(location);
            d.remote = location.path("remote").asBoolean(false);
            d.employmentType = label(posting, "typeOfEmployment");
            d.datePosted = text(posting, "releasedDate");
            return d;
        }

        private static String place(JsonNode location) {
            List<String> parts = new ArrayList<>(3);
            for (String field : new String[] {"city", "region", "country"}) {
                String part = text(location, field);
                if (part != null) parts.add(field.equals("country") && part.length() == 2 ? part.toUpperCase(Locale.ROOT) : part);
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }

        /** A {@code {"id", "label"}} member's label; a plain string where a client or version flattened it. */
        private static String label(JsonNode node, String field) {
            JsonNode value = node.path(field);
            return value.isObject() ? text(value, "label") : text(node, field);
        }

        /**
         * The job ad's sections in page order, each under its own title; a section given as bare HTML (the older flat
         * {@code jobAd}) is read too, and sections this adapter does not know follow the known ones.
         */
        private static String description(JsonNode jobAd) {
            JsonNode sections = jobAd.path("sections").isObject() ? jobAd.path("sections") : jobAd;
            HtmlSections html = new HtmlSections();
            for (String name : SECTIONS) addSection(html, sections.path(name));
            for (Iterator<Map.Entry<String, JsonNode>> it = sections.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> section = it.next();
                if (!SECTIONS.contains(section.getKey())) addSection(html, section.getValue());
            }
            return html.html();
        }

        private static void addSection(HtmlSections html, JsonNode section) {
            if (section.isTextual()) html.add(null, section.asText());
            else if (section.isObject()) html.add(text(section, "title"), text(section, "text"));
        }
    }
}
