package dev.jobalerts.adapter;

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
import org.jsoup.nodes.Element;

/**
 * A Teamtailor career site read through its public RSS feed, {@code GET https://{company}.teamtailor.com/jobs.rss}
 * ({@code {company}.na.teamtailor.com} on the North American stack), which needs no key (Teamtailor's own API at
 * {@code api.teamtailor.com} needs a company's token). Of the keyless answers the feed is the one that says where a job
 * is: each {@code <item>} has {@code title}, {@code description} (escaped HTML), {@code pubDate} (RFC 822),
 * {@code link} ({@code …/jobs/{id}-{slug}}), {@code guid} (the job's UUID), {@code remoteStatus} (none, hybrid,
 * temporary, fully), {@code tt:locations/tt:location} ({@code tt:name}, {@code tt:city}, {@code tt:country}) and
 * {@code tt:department}; the channel's {@code title} is the company's name. The {@code /jobs.json} feed carries the
 * text too, but its schema.org location is the company's office address rather than the job's, and it has no remote
 * status; job pages repeat that JSON-LD one request per job.
 *
 * <p>Paging: {@code ?offset=N&per_page=100}; the feed answers 100 items unless asked otherwise, so a page of 100 may be
 * followed by another and a shorter one is the last. Ids are {@code teamtailor:{guid}} (UUIDs are unique across
 * Teamtailor), else {@code teamtailor:{company}:{job id from the link}}.
 *
 * <p>Careers URLs: {@code https://{company}.teamtailor.com}, {@code …/jobs}, {@code …/jobs/{id}-{slug}}, with an
 * optional locale segment ({@code …/fr-CA/jobs}, whose feed is that language's). Career sites on a company's own
 * domain are read by the page readers unless the source names {@code kind: teamtailor}.
 */
final class TeamtailorAdapter implements SourceAdapter {
    /** Teamtailor's documented default page size. */
    static final int PAGE_SIZE = 100;
    private static final Pattern HOST = Pattern.compile("([a-z0-9][a-z0-9-]{0,62})(\\.na)?\\.teamtailor\\.com");
    /** Teamtailor's own subdomains, which are no company's career site ({@code career} is: Teamtailor's own jobs). */
    private static final Set<String> RESERVED = Set.of("www", "app", "api", "partner", "support", "docs", "status", "blog",
            "assets", "help", "developer", "developers");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");
    private static final Pattern JOB_ID = Pattern.compile("/jobs/(\\d+)(?:-[^/]*)?/?$");

    @Override
    public SourceKind kind() {
        return SourceKind.TEAMTAILOR;
    }

    @Override
    public String urlPatterns() {
        return "https://{company}.teamtailor.com[/{locale}]/jobs[/{id}-{slug}], https://{company}.na.teamtailor.com/jobs, "
                + "https://{company}.teamtailor.com/jobs.rss";
    }

    @Override
    public Optional<Board> board(URI url) {
        Matcher host = HOST.matcher(Urls.host(url));
        if (!host.matches() || RESERVED.contains(host.group(1))) return Optional.empty();
        return Optional.of(new TeamtailorBoard(host.group(1), Urls.origin(url), locale(url)));
    }

    /** A career site on the company's own domain, for a source that names this kind: its feed is at the same path. */
    @Override
    public Optional<Board> boardAt(URI url) {
        if (url.getHost() == null) return Optional.empty();
        return Optional.of(new TeamtailorBoard(null, Urls.origin(url), locale(url)));
    }

    private static String locale(URI url) {
        List<String> path = Urls.segments(url);
        return !path.isEmpty() && LOCALE.matcher(path.get(0)).matches() ? path.get(0) : null;
    }

    /**
     * One career site.
     *
     * @param company the subdomain; null on a company's own domain, where only the feed names the company
     * @param origin  scheme and host of the site
     * @param locale  the language segment of the careers URL, or null for the site's default
     */
    record TeamtailorBoard(String company, String origin, String locale) implements Board {
        @Override
        public SourceKind kind() {
            return SourceKind.TEAMTAILOR;
        }

        @Override
        public String label() {
            return (company == null ? URI.create(origin).getHost() : company) + (locale == null ? "" : " (" + locale + ")");
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return page(0);
        }

        private ApiRequest page(int offset) {
            URI feed = URI.create(origin + (locale == null ? "" : "/" + locale) + "/jobs.rss?offset=" + offset + "&per_page=" + PAGE_SIZE);
            return ApiRequest.get(feed).withHeader("Accept", "application/rss+xml, application/xml, text/xml").at(offset);
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            XmlAnswer answer = XmlAnswer.read(response, "Teamtailor", "rss");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            Element channel = XmlAnswer.child(answer.root(), "channel");
            if (channel == null) return ListingPage.unreadable("Teamtailor answer has no <channel> (did the feed change?)");
            String siteName = XmlAnswer.text(channel, "title");
            List<Element> items = XmlAnswer.children(channel, "item");
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (Element item : items) {
                String what = "teamtailor item #" + index++;
                if (XmlAnswer.swallowedElements(item, "title", "link", "guid", "pubDate")) {
                    ctx.warn("skipped " + what + ": unclosed element inside it");
                    continue;
                }
                ctx.each(drafts, what, () -> draft(item, siteName));
            }
            int offset = request == null ? 0 : request.position();
            boolean more = items.size() >= PAGE_SIZE && request != null;
            return ListingPage.of(drafts.stream().map(ListingEntry::complete).toList(), more ? page(offset + items.size()) : null, null);
        }

        private PostingDraft draft(Element item, String siteName) {
            PostingDraft d = new PostingDraft();
            d.title = XmlAnswer.text(item, "title");
            d.url = XmlAnswer.text(item, "link");
            d.atsId = id(XmlAnswer.text(item, "guid"), d.url);
            d.company = siteName != null ? siteName : company;
            d.companyFromSlug = siteName == null;
            d.location = String.join("; ", locations(item));
            // "fully" is a remote job; "hybrid" is partly at an office, "temporary" remote only for now, "none" unset.
            d.remote = "fully".equals(String.valueOf(XmlAnswer.text(item, "remoteStatus")).toLowerCase(Locale.ROOT));
            d.datePosted = XmlAnswer.text(item, "pubDate");
            d.description = XmlAnswer.text(item, "description");
            return d;
        }

        private String id(String guid, String link) {
            if (guid != null && Urls.isName(guid)) return "teamtailor:" + guid;
            Matcher m = JOB_ID.matcher(link == null ? "" : link.replaceFirst("[?#].*$", ""));
            if (!m.find()) return null;
            String site = company != null ? company : Urls.host(URI.create(origin));
            return "teamtailor:" + site + ":" + m.group(1);
        }

        /**
         * Each location as its city, else its name ("Remote - Nordics", "London Office"), followed by its country when
         * that is not already said; each once. The street address is left out: it is the office's, not the job's.
         */
        private static List<String> locations(Element item) {
            List<String> places = new ArrayList<>();
            for (Element location : XmlAnswer.children(XmlAnswer.child(item, "tt:locations"), "tt:location")) {
                String city = XmlAnswer.text(location, "tt:city");
                String place = city != null ? city : XmlAnswer.text(location, "tt:name");
                String country = XmlAnswer.text(location, "tt:country");
                if (place == null) place = country;
                else if (country != null && !place.toLowerCase(Locale.ROOT).contains(country.toLowerCase(Locale.ROOT))) place += ", " + country;
                if (place != null && !places.contains(place)) places.add(place);
            }
            return places;
        }
    }
}
