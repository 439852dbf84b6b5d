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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Personio's public positions feed: {@code GET https://{company}.jobs.personio.de/xml} (the same board answers on
 * {@code .jobs.personio.com}) returns every published position with its text in one XML document, no key and no
 * paging. The root is {@code <workzag-jobs>} with one {@code <position>} per job: {@code id}, {@code subcompany},
 * {@code office} (more in {@code additionalOffices/office}), {@code department}, {@code recruitingCategory},
 * {@code name} (the title), {@code jobDescriptions/jobDescription} ({@code name} and an HTML {@code value} in CDATA),
 * {@code employmentType} (permanent, intern, trainee, freelance …), {@code seniority}, {@code schedule}
 * (full-time, part-time), {@code yearsOfExperience}, {@code occupation}, {@code occupationCategory} and
 * {@code createdAt} (ISO 8601).
 *
 * <p>The feed answers in the account's default language unless {@code ?language=de|en} asks for another; a careers URL
 * that names a language keeps it, since a position not written in the asked language comes without its text. The
 * feed has no job URL: postings link to the job page {@code https://{company}.jobs.personio.de/job/{id}}. Position ids
 * are Personio's own, kept per company: {@code personio:{company}:{id}}.
 *
 * <p>Careers URLs: {@code https://{company}.jobs.personio.de}, {@code …/job/{id}} and {@code …/xml}, on
 * {@code .de} or {@code .com}. {@code {company}.personio.de} (without {@code jobs}) is the company's Personio sign-in,
 * not its job page, and is not recognised.
 */
final class PersonioAdapter implements SourceAdapter {
    private static final Pattern HOST = Pattern.compile("([a-z0-9][a-z0-9-]{0,62})\\.jobs\\.personio\\.(?:de|com)");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    @Override
    public SourceKind kind() {
        return SourceKind.PERSONIO;
    }

    @Override
    public String urlPatterns() {
        return "https://{company}.jobs.personio.de[/job/{id}], https://{company}.jobs.personio.com, "
                + "https://{company}.jobs.personio.de/xml[?language=en]";
    }

    @Override
    public Optional<Board> board(URI url) {
        Matcher host = HOST.matcher(Urls.host(url));
        if (!host.matches()) return Optional.empty();
        return Optional.of(new PersonioBoard(host.group(1), Urls.origin(url), language(url)));
    }

    /** A feed on another host (a mirror, a saved copy, a test fake): read from that host, company unknown. */
    @Override
    public Optional<Board> boardAt(URI url) {
        if (url.getHost() == null) return Optional.empty();
        return Optional.of(new PersonioBoard(null, Urls.origin(url), language(url)));
    }

    private static String language(URI url) {
        String language = Urls.query(url).getOrDefault("language", "").toLowerCase(Locale.ROOT);
        return LANGUAGE.matcher(language).matches() ? language : null;
    }

    /**
     * One company's board.
     *
     * @param company  the subdomain; null when only the feed's host is known
     * @param origin   scheme and host the feed and job pages are served from
     * @param language the {@code language} the careers URL asked for, or null for the account's default
     */
    record PersonioBoard(String company, String origin, String language) implements Board {
        @Override
        public SourceKind kind() {
            return SourceKind.PERSONIO;
        }

        @Override
        public String label() {
            return (company == null ? URI.create(origin).getHost() : company) + (language == null ? "" : " (" + language + ")");
        }

        URI feed() {
            return URI.create(origin + "/xml" + languageQuery());
        }

        private String languageQuery() {
            return language == null ? "" : "?language=" + language;
        }

        @Override
        public ApiRequest firstPage(Map<String, String> credentials) {
            return ApiRequest.get(feed()).withHeader("Accept", "application/xml, text/xml");
        }

        /** One GET holds every position with its text, so the stored validators may spare a run the body. */
        @Override
        public boolean conditional() {
            return true;
        }

        @Override
        public ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
            XmlAnswer answer = XmlAnswer.read(response, "Personio", "workzag-jobs");
            if (!answer.readable()) return ListingPage.unreadable(answer.problem());
            List<PostingDraft> drafts = new ArrayList<>();
            int index = 0;
            for (Element position : XmlAnswer.children(answer.root(), "position")) {
                String what = "personio position #" + index++;
                if (XmlAnswer.swallowedElements(position, "id", "name", "office")) {
                    ctx.warn("skipped " + what + ": unclosed element inside it");
                    continue;
                }
                if (XmlAnswer.text(position, "id") == null) {
                    // Without its id a position has neither a job page nor a stable identity: nothing to link to.
                    ctx.warn("skipped " + what + ": no id");
                    continue;
                }
                ctx.each(drafts, what, () -> draft(position));
            }
            return ListingPage.last(drafts.stream().map(ListingEntry::complete).toList());
        }

        private PostingDraft draft(Element position) {
            PostingDraft d = new PostingDraft();
            String id = XmlAnswer.text(position, "id");
            d.atsId = "personio:" + (company == null ? "" : company + ":") + id;
            d.url = origin + "/job/" + Urls.encode(id) + languageQuery();
            d.title = XmlAnswer.text(position, "name");
            // The subcompany is the legal entity hiring, when the account has several; else only the subdomain names it.
            String subcompany = XmlAnswer.text(position, "subcompany");
            d.company = subcompany != null ? subcompany : company;
            d.companyFromSlug = subcompany == null;
            d.location = String.join("; ", offices(position));
            d.employmentType = employmentType(XmlAnswer.text(position, "employmentType"), XmlAnswer.text(position, "schedule"));
            d.datePosted = XmlAnswer.text(position, "createdAt");
            d.description = description(position);
            return d;
        }

        /** The main office, then the additional ones, each once. */
        private static List<String> offices(Element position) {
            List<String> offices = new ArrayList<>();
            List<Element> all = new ArrayList<>(XmlAnswer.children(position, "office"));
            all.addAll(XmlAnswer.children(XmlAnswer.child(position, "additionalOffices"), "office"));
            for (Element office : all) {
                String name = office.wholeText().strip();
                if (!name.isEmpty() && !offices.contains(name)) offices.add(name);
            }
            return offices;
        }

        /**
         * Personio's employmentType says the kind of contract and schedule the hours: an internship, freelance or
         * temporary contract says most; otherwise full- or part-time; a permanent contract alone counts as full-time.
         * Trainee and working-student contracts have no schema.org counterpart and fall through to the schedule.
         */
        static String employmentType(String type, String schedule) {
            String contract = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (contract.equals("intern") || contract.equals("freelance") || contract.equals("temporary")) return contract;
            if (schedule != null) return schedule;
            return contract.equals("permanent") ? type : null;
        }

        /** Each description block under its own heading, in the feed's order; blocks without text are left out. */
        private static String description(Element position) {
            StringBuilder html = new StringBuilder();
            for (Element block : XmlAnswer.children(XmlAnswer.child(position, "jobDescriptions"), "jobDescription")) {
                String value = XmlAnswer.text(block, "value");
                if (value == null) continue;
                String heading = XmlAnswer.text(block, "name");
                if (heading != null) html.append("<h3>").append(Entities.escape(heading)).append("</h3>");
                html.append("<div>").append(value).append("</div>");
            }
            return html.toString();
        }
    }
}
