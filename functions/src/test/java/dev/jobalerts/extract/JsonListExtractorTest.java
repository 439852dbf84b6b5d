package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceKind;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonListExtractorTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final String PAGE = "https://board.example/api/jobs";
    private final PageReaders readers = new PageReaders();

    /** One item in a list named jobs, with a title and a link added when the row gives none; the field as built. */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            title          | {"title": "Welder"}                                              | Welder
            title          | {"jobTitle": "Welder"}                                           | Welder
            title          | {"job_title": "Welder"}                                          | Welder
            title          | {"JobTitle": "Welder"}                                           | Welder
            title          | {"position": "Welder"}                                           | Welder
            title          | {"name": "Welder"}                                               | Welder
            title          | {"title": {"rendered": "Welder &amp; Fitter"}}                    | Welder & Fitter
            title          | {"position": 3, "name": "Welder"}                                | Welder
            company        | {"company": "Acme Steel"}                                         | Acme Steel
            company        | {"company_name": "Acme Steel"}                                    | Acme Steel
            company        | {"companyName": "Acme Steel"}                                     | Acme Steel
            company        | {"hiringOrganization": {"@type": "Organization", "name": "Acme Steel"}} | Acme Steel
            company        | {"employer": {"name": "Acme Steel", "id": 4}}                     | Acme Steel
            company        | {"company": {"display_name": "Acme Steel"}}                       | Acme Steel
            company        | {"company": null, "employer": "Acme Steel"}                       | Acme Steel
            location       | {"location": "Leeds, UK"}                                         | Leeds, UK
            location       | {"candidate_required_location": "Europe"}                         | Europe
            location       | {"jobGeo": "USA only"}                                            | USA only
            location       | {"locations": ["Leeds", "York", "Leeds"]}                          | Leeds; York
            location       | {"locations": [{"name": "Leeds"}, {"city": "York", "country": "UK"}]} | Leeds; York, UK
            location       | {"location": {"city": "Austin", "state": "TX", "country": "US"}}   | Austin, TX, US
            location       | {"location": {"address": {"addressLocality": "Ghent", "addressCountry": "BE"}}} | Ghent, BE
            location       | {"location": []}                                                 | ''
            url            | {"url": "/jobs/7"}                                               | https://board.example/jobs/7
            url            | {"absolute_url": "https://board.example/jobs/7"}                  | https://board.example/jobs/7
            url            | {"apply_url": "https://apply.example/7"}                          | https://apply.example/7
            url            | {"applyUrl": "https://apply.example/7"}                           | https://apply.example/7
            url            | {"redirect_url": "https://board.example/r/7"}                     | https://board.example/r/7
            url            | {"link": {"href": "https://board.example/jobs/7"}}                | https://board.example/jobs/7
            url            | {"apply_url": "https://apply.example/7", "url": "https://board.example/jobs/7"} | https://board.example/jobs/7
            url            | {"url": "mailto:jobs@board.example", "link": "https://board.example/jobs/7"} | https://board.example/jobs/7
            datePosted     | {"date": "2026-04-01"}                                           | 2026-04-01
            datePosted     | {"created_at": "2026-04-01T10:00:00Z"}                           | 2026-04-01
            datePosted     | {"createdAt": "2026-04-01T10:00:00Z"}                            | 2026-04-01
            datePosted     | {"published_at": "2026-04-01T10:00:00+02:00"}                     | 2026-04-01
            datePosted     | {"publication_date": "2026-04-01T10:00:00"}                      | 2026-04-01
            datePosted     | {"pubDate": "Wed, 01 Apr 2026 10:00:00 GMT"}                      | 2026-04-01
            datePosted     | {"date_posted": "April 1, 2026"}                                  | 2026-04-01
            datePosted     | {"epoch": 1775044800}                                            | 2026-04-01
            datePosted     | {"postedAt": 1775044800000}                                      | 2026-04-01
            datePosted     | {"date": "soon"}                                                 | null
            description    | {"description": "<p>Weld <b>pipes</b>.</p>"}                      | Weld pipes.
            description    | {"content": "Weld pipes."}                                       | Weld pipes.
            description    | {"body": "Weld pipes."}                                          | Weld pipes.
            description    | {"summary": "Weld pipes."}                                       | Weld pipes.
            description    | {"description": "Weld pipes.", "summary": "Short."}               | Weld pipes.
            remote         | {"remote": true}                                                 | true
            remote         | {"is_remote": "true"}                                            | true
            remote         | {"remote": "Yes"}                                                | true
            remote         | {"remote": false, "location": "Leeds"}                            | false
            remote         | {"workplace_type": "remote"}                                     | true
            remote         | {"workplaceType": "hybrid"}                                      | false
            remote         | {"location": "Remote, EU"}                                       | true
            employmentType | {"job_type": "full_time"}                                        | FULL_TIME
            employmentType | {"employment_type": "Part-time"}                                 | PART_TIME
            employmentType | {"job_types": ["berufserfahren", "freelance"]}                    | CONTRACTOR
            employmentType | {"type": "article", "commitment": "Internship"}                   | INTERN
            employmentType | {"type": "article"}                                              | null
            salary         | {"annualSalaryMin": "52000", "annualSalaryMax": 61000, "salaryCurrency": "USD"} | 52000.0-61000.0 USD YEAR
            salary         | {"salary_min": 3100, "salary_max": 3600, "salary_period": "month", "currency": "EUR"} | 3100.0-3600.0 EUR MONTH
            salary         | {"minSalary": 31, "maxSalary": 38, "interval": "hourly"}         | 31.0-38.0 null HOUR
            salary         | {"salary": {"min": 70000, "max": 80000, "currency": "gbp", "period": "year"}} | 70000.0-80000.0 GBP YEAR
            salary         | {"salary": {"from": 70000, "to": 80000}, "salaryPeriod": "per annum"} | 70000.0-80000.0 null YEAR
            salary         | {"salary_min": 90000, "salary_max": 120000}                       | null
            salary         | {"salary": {"min": 70000, "max": 80000, "currency": "$"}}         | null
            salary         | {"salary": "$80k - $100k"}                                        | null
            salary         | {"annualSalaryMin": 0, "annualSalaryMax": 0}                      | null
            """)
    void item_fieldIsReadFromTheNamesBoardsUse(String field, String item, String expected) throws IOException {
        ObjectNode job = (ObjectNode) LenientJson.readAll(item).get(0);
        if (JsonListExtractor.TITLES.stream().noneMatch(t -> JsonListExtractor.fields(job).containsKey(t))) job.put("title", "Welder");
        if (JsonListExtractor.LINKS.stream().noneMatch(l -> JsonListExtractor.fields(job).containsKey(l))) job.put("url", "https://board.example/jobs/1");
        List<Posting> postings = read("{\"jobs\": [" + job + "]}").postings();
        assertThat(postings).hasSize(1);
        assertThat(value(postings.get(0), field)).isEqualTo(expected == null ? null : expected.equals("''") ? "" : expected);
    }

    /** Whole answers: how many postings each yields. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            root array of jobs                   | 2 | [{"title": "Welder", "company": "Acme", "url": "https://a.example/1"}, {"title": "Fitter", "company": "Acme", "url": "https://a.example/2"}]
            wrapped in data.jobs                 | 1 | {"data": {"jobs": [{"title": "Welder", "url": "/j/1"}]}, "meta": {"total": 1}}
            three objects deep                   | 1 | {"a": {"b": {"jobs": [{"title": "Welder", "url": "/j/1"}]}}}
            four objects deep                    | 0 | {"a": {"b": {"c": {"jobs": [{"title": "Welder", "url": "/j/1"}]}}}}
            results with job fields              | 1 | {"results": [{"name": "Welder", "employer": "Acme", "href": "/j/1"}]}
            notice and adverts skipped           | 2 | [{"legal": "Terms apply."}, {"position": "Welder", "url": "/j/1"}, {"position": "Fitter", "url": "/j/2"}, {"title": "Advertise here", "company": "Board"}]
            largest job list wins                | 3 | {"featured": [{"jobTitle": "A", "url": "/a"}], "jobs": [{"title": "B", "url": "/b"}, {"title": "C", "url": "/c"}, {"title": "D", "url": "/d"}]}
            blog posts without links             | 0 | {"posts": [{"title": "Meet the team", "author": "Dana", "date": "2026-04-01"}, {"title": "Our values", "date": "2026-04-02"}]}
            articles with links, no job sign     | 0 | {"articles": [{"title": "Meet the team", "url": "/blog/1", "date": "2026-04-01"}, {"title": "Our values", "url": "/blog/2"}]}
            events with a place                  | 0 | {"events": [{"title": "Open day", "url": "/e/1", "location": "Leeds", "date": "2026-05-01"}]}
            companies by name                    | 0 | {"companies": [{"name": "Acme", "url": "https://acme.example", "location": "Leeds"}]}
            products                             | 0 | {"items": [{"name": "Drill", "url": "/p/1", "price": 99, "type": "tool"}]}
            the same articles in a jobs list     | 2 | {"jobs": [{"title": "Welder", "url": "/j/1"}, {"title": "Fitter", "url": "/j/2"}]}
            a job among non-jobs is no job list  | 0 | {"items": [{"title": "Welder", "company": "Acme", "url": "/j/1"}, {"title": "News", "url": "/n/1"}, {"title": "More news", "url": "/n/2"}]}
            one job object outside a list        | 0 | {"title": "Welder", "company": "Acme", "url": "https://a.example/1"}
            a list of strings                    | 0 | {"jobs": ["Welder", "Fitter"]}
            empty list                           | 0 | {"jobs": []}
            not an object at all                 | 0 | 42
            """)
    void answer_yieldsOnlyJobLikeLists(String what, int count, String body) {
        ExtractionResult result = read(body);
        assertThat(result.postings()).as(what).hasSize(count);
        if (count > 0) assertThat(result.extractor().id()).isEqualTo("json");
    }

    @Test
    void jsonFeed_everyTitledItemIsAPosting() {
        String feed = """
                {"version": "https://jsonfeed.org/version/1", "title": "Jobs", "author": {"name": "Board"},
                 "items": [
                   {"id": "1", "url": "https://board.example/jobs/1", "title": "Welder", "content_text": "Weld.", "date_published": "2026-04-01T08:00:00Z",
                    "author": {"name": "Acme Steel"}},
                   {"id": "https://board.example/jobs/2", "title": "Fitter", "summary": "Fit.", "authors": [{"name": "Bolt Works"}]},
                   {"id": "3", "content_text": "No title: a status update."}]}
                """;
        ExtractionResult result = read(feed);
        assertThat(result.extractor().id()).isEqualTo("json");
        assertThat(result.postings()).extracting(Posting::title, Posting::url, Posting::company, Posting::description)
                .containsExactly(
                        Tuple.tuple("Welder", "https://board.example/jobs/1", "Acme Steel", "Weld."),
                        Tuple.tuple("Fitter", "https://board.example/jobs/2", "Bolt Works", "Fit."));
    }

    @Test
    void jsonLd_servedAsJson_isStillReadAsJsonLd() {
        ExtractionResult result = read("[{\"@context\": \"https://schema.org\", \"@type\": \"JobPosting\", \"title\": \"Welder\", \"url\": \"/j/1\"}]");
        assertThat(result.extractor().id()).isEqualTo("jsonld");
    }

    @Test
    void kindJson_readsTheListEvenWithoutAJsonContentType_andAnHtmlAnswerOnlyWarns() {
        ExtractionConfig json = new ExtractionConfig(SourceKind.JSON, Map.of());
        ExtractionResult list = readers.read(new PageContent(PAGE, "text/plain", "\n{\"jobs\": [{\"title\": \"Welder\", \"url\": \"/j/1\"}]}", FETCHED), json);
        assertThat(list.postings()).extracting(Posting::id).containsExactly("https://board.example/j/1");
        ExtractionResult html = readers.read(new PageContent(PAGE, "text/html", "<html><body><h1>Welder</h1></body></html>", FETCHED), json);
        assertThat(html.postings()).isEmpty();
        assertThat(html.warnings()).singleElement().asString().startsWith("malformed JSON");
    }

    @ParameterizedTest
    @CsvSource({"job_title, jobtitle", "jobTitle, jobtitle", "Job-Title, jobtitle", "JOB TITLE, jobtitle", "salary_min_2, salarymin2"})
    void key_ignoresCaseAndSeparators(String name, String key) {
        assertThat(JsonListExtractor.key(name)).isEqualTo(key);
    }

    private ExtractionResult read(String body) {
        return readers.read(new PageContent(PAGE, "application/json", body, FETCHED), ExtractionConfig.auto());
    }

    private static String value(Posting p, String field) {
        return switch (field) {
            case "title" -> p.title();
            case "company" -> p.company();
            case "location" -> p.location();
            case "url" -> p.url();
            case "datePosted" -> p.datePosted();
            case "description" -> p.description();
            case "remote" -> String.valueOf(p.remote());
            case "employmentType" -> p.employmentType();
            case "salary" -> p.salary() == null ? null
                    : p.salary().min() + "-" + p.salary().max() + " " + p.salary().currency() + " " + p.salary().period();
            default -> throw new IllegalArgumentException(field);
        };
    }
}
