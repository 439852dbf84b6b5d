package dev.jobalerts.adapter;

import static dev.jobalerts.extract.LenientJson.number;
import static dev.jobalerts.extract.LenientJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recruitee Careers Site API, public and without a key: {@code GET https://{company}.recruitee.com/api/offers/}
 * answers {@code {"offers": [offer…]}} with every published offer and its text in one answer, so there is neither
 * paging nor a detail request. Fields read: {@code id} (a number unique across Recruitee, hence
 * {@code recruitee:{id}}), {@code title}, {@code careers_url} ({@code …/o/{slug}}), {@code company_name},
 * {@code locations[]} ({@code city}, {@code state}, {@code country}, or a {@code full_address}/{@code name}) else
 * {@code location} else {@code city}/{@code country}, {@code remote}, {@code employment_type_code}
 * ({@code fulltime_permanent}, {@code parttime_fixed_term}, {@code freelance}, {@code internship} …),
 * {@code published_at} else {@code created_at} (written {@code 2026-05-29 09:45:21 UTC}), {@code description} and
 * {@code requirements} (HTML; from {@code translations} when the offer has no top-level text), {@code status} (only
 * {@code published} offers are kept) and {@code salary} ({@code min}, {@code max}, {@code currency}, {@code period};
 * kept only with its period). An unknown company answers 404.
 *
 * <p>Careers URLs: {@code https://{company}.recruitee.com} and {@code …/o/{slug}}. A careers site on the company's own
 * domain serves the same API at {@code /api/offers/}; name {@code kind: recruitee} for it.
 */
final class RecruiteeAdapter implements SourceAdapter {
    private static final Pattern HOST = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.recruitee\\.com");
    /** Recruitee's own sites under recruitee.com, which are not companies' careers sites. */
    private static final Set<String> NOT_COMPANIES = Set.of("www", "app", "api", "docs", "apidocs", "career", "support", "help", "blog", "status");
    /** Recruitee's timestamps: "2026-05-29 09:45:21 UTC", made ISO 8601 here. */
    private static final Pattern UTC_TIMESTAMP = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?) UTC");

    @Override
    public SourceKind kind() {
        return SourceKind.RECRUITEE;
    }

    @Override
    public String urlPatterns() {
        return "https://{company}.recruitee.com, https://{company}.recruitee.com/o/{offer}, https://{careers site}/api/offers/";
    }

    @Override
    public Optional<Board> board(URI url) {
        Matcher host = HOST.matcher(Urls.host(url));
        if (!host.matches() || NOT_COMPANIES.contains(host.group(1))) return Optional.empty();
        return Optional.of(new RecruiteeBoard(host.group(1), URI.create(Urls.origin(url) + "/api/offers/")));
    }

    /** A careers site on the company's own domain, or a saved answer: its origin serves the same API. */
    @Override
    public Optional<Board> boardAt(URI url) {
        if (url.getHost() == null) return Optional.empty();
        List<String> path = Urls.segments(url);
        boolean api = path.size() >= 2 && path.get(path.size() - 2).equals("api") && path.get(path.size() - 1).equals("offers");
        return Optional.of(new RecruiteeBoard(null, api ? url : URI.create(Urls.origin(url) + "/api/offers/")));
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.path("offers").isArray();
    }

    /** One careers site; {@code company} is the recruitee.com subdomain, null on the company's own domain. */
    record RecruiteeBoard(String company, URI api) implements OneAnswerBoard {
        @Override
        public SourceKind kind() {
            return SourceKind.RECRUITEE;
        }

        @Override
        public String label() {
            return company == null ? api.getHost() : company;
        }

        @Override
        public ListingPage readAnswer(JsonNode root, Extraction ctx) {
            JsonNode offers = root.path("offers");
            if (!offers.isArray()) return ListingPage.unreadable(JsonAnswer.missing("Recruitee", "\"offers\"", "array"));
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (JsonNode offer : offers) {
                String what = "recruitee offer #" + index++;
                String status = text(offer, "status");
                // The careers site lists published offers; any other state (closed, draft) is not on offer.
                if (status != null && !status.equalsIgnoreCase("published")) continue;
                ctx.each(drafts, what, () -> {
                    PostingDraft d = draft(offer);
                    if (d.title != null) return d;
                    ctx.warn("skipped " + what + ": it has no title");
                    return null;
                });
            }
            return ListingPage.last(drafts.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft draft(JsonNode offer) {
            PostingDraft d = new PostingDraft();
            JsonNode translation = translation(offer);
            String id = text(offer, "id");
            d.atsId = id == null ? null : "recruitee:" + id;
            d.title = text(offer, "title") != null ? text(offer, "title") : text(translation, "title");
            d.url = text(offer, "careers_url");
            // An offer's page is /o/{slug} on the careers site that serves the API.
            if (d.url == null && text(offer, "slug") != null) d.url = Urls.origin(api) + "/o/" + Urls.encode(text(offer, "slug"));
            String named = text(offer, "company_name");
            d.company = named != null ? named : company != null ? company : api.getHost();
            d.companyFromSlug = named == null;
            d.location = location(offer);
            d.remote = offer.path("remote").asBoolean(false);
            d.employmentType = text(offer, "employment_type_code");
            d.datePosted = isoTimestamp(text(offer, "published_at") != null ? text(offer, "published_at") : text(offer, "created_at"));
            boolean ownText = text(offer, "description") != null || text(offer, "requirements") != null;
            JsonNode texts = ownText ? offer : translation;
            d.description = new HtmlSections().add(null, text(texts, "description")).add("Requirements", text(texts, "requirements")).html();
            JsonNode salary = offer.path("salary");
            if (salary.isObject()) d.salary(number(salary.get("min")), number(salary.get("max")), text(salary, "currency"), text(salary, "period"));
            return d;
        }

        /** Every location the offer names, in order, without repeats; the older single fields when it has no list. */
        private static String location(JsonNode offer) {
            String listed = Places.all(offer.path("locations"), place -> {
                String text = Places.of(place, "city", "state", "country");
                if (text == null) text = text(place, "full_address");
                return text != null ? text : text(place, "name");
            });
            if (listed != null) return listed;
            String location = text(offer, "location");
            return location != null ? location : Places.of(offer, "city", "country");
        }

        /** The offer's English text, else its first translation; a missing node when it has none. */
        private static JsonNode translation(JsonNode offer) {
            JsonNode translations = offer.path("translations");
            if (translations.path("en").isObject()) return translations.path("en");
            for (Iterator<JsonNode> it = translations.elements(); it.hasNext(); ) {
                JsonNode first = it.next();
                if (first.isObject()) return first;
            }
            return translations.path("en");
        }

        static String isoTimestamp(String raw) {
            if (raw == null) return null;
            Matcher m = UTC_TIMESTAMP.matcher(raw.trim());
            return m.matches() ? m.group(1) + "T" + m.group(2) + "Z" : raw;
        }
    }
}
