package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonioAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final String FEED = "https://lumenwerk.jobs.personio.de/xml";
    private final Adapters adapters = new Adapters();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://lumenwerk.jobs.personio.de                      | https://lumenwerk.jobs.personio.de/xml
            https://lumenwerk.jobs.personio.de/                     | https://lumenwerk.jobs.personio.de/xml
            https://lumenwerk.jobs.personio.de/job/1480231          | https://lumenwerk.jobs.personio.de/xml
            https://lumenwerk.jobs.personio.de/job/1480231?display=de | https://lumenwerk.jobs.personio.de/xml
            https://lumenwerk.jobs.personio.com/                    | https://lumenwerk.jobs.personio.com/xml
            https://LumenWerk.Jobs.Personio.DE/?language=en         | https://LumenWerk.Jobs.Personio.DE/xml?language=en
            https://lumenwerk.jobs.personio.de/xml?language=de      | https://lumenwerk.jobs.personio.de/xml?language=de
            https://lumenwerk.jobs.personio.de/?language=english    | https://lumenwerk.jobs.personio.de/xml
            """)
    void detect_recognisesCareersAndFeedUrls_andAsksForTheFeed(String url, String feed) {
        Board board = adapters.detect(URI.create(url)).orElseThrow();
        assertThat(board.kind()).isEqualTo(SourceKind.PERSONIO);
        ApiRequest first = board.firstPage(Map.of());
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url()).hasToString(feed);
        assertThat(first.headers()).containsEntry("Accept", "application/xml, text/xml");
        assertThat(board.conditional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://lumenwerk.personio.de/", "https://www.personio.de/karriere", "https://jobs.personio.de/",
            "https://lumenwerk.jobs.personio.de.evil.example/xml", "https://developer.personio.de/docs"})
    void detect_whenNotAPersonioJobPage_isNotPersonio(String url) {
        assertThat(adapters.detect(URI.create(url)).map(Board::kind).orElse(SourceKind.AUTO)).isNotEqualTo(SourceKind.PERSONIO);
    }

    @Test
    void boardAt_readsAFeedOnAnotherHost_withoutInventingACompany() {
        Board board = new PersonioAdapter().boardAt(URI.create("http://127.0.0.1:8089/personio/xml")).orElseThrow();
        ListingPage page = read(board, positions("<position><id>7</id><name>Welder</name></position>"));
        assertThat(page.entries()).singleElement().satisfies(e -> {
            assertThat(e.draft().atsId).isEqualTo("personio:7");
            assertThat(e.draft().company).isNull();
            assertThat(e.draft().url).isEqualTo("http://127.0.0.1:8089/job/7");
        });
    }

    @Test
    void readListing_isOneAnswerWithEveryPosition_soItIsTheLastPage() {
        ListingPage page = read(board(), positions("""
                <position><id>1</id><office>Berlin</office><additionalOffices><office>Hamburg</office><office>Berlin</office>
                </additionalOffices><name>Engineer</name><employmentType>permanent</employmentType><schedule>part-time</schedule>
                <jobDescriptions><jobDescription><name>Tasks &amp; team</name><value><![CDATA[<p>Build <b>things</b></p>]]></value>
                </jobDescription></jobDescriptions><createdAt>2026-03-01T10:00:00+01:00</createdAt></position>
                <position><id>2</id><name>Intern</name></position>"""));
        assertThat(page.readable()).isTrue();
        assertThat(page.next()).isNull();
        assertThat(page.entries()).hasSize(2).noneMatch(ListingEntry::needsDetail);
        PostingDraft first = page.entries().get(0).draft();
        assertThat(first.atsId).isEqualTo("personio:lumenwerk:1");
        assertThat(first.url).isEqualTo("https://lumenwerk.jobs.personio.de/job/1");
        assertThat(first.location).isEqualTo("Berlin; Hamburg");
        assertThat(first.employmentType).isEqualTo("part-time");
        assertThat(first.datePosted).isEqualTo("2026-03-01T10:00:00+01:00");
        assertThat(first.description).isEqualTo("<h3>Tasks &amp; team</h3><div><p>Build <b>things</b></p></div>");
        assertThat(first.company).isEqualTo("lumenwerk");
        assertThat(first.companyFromSlug).isTrue();
    }

    @Test
    void readListing_whenAccountHasSubcompanies_theSubcompanyIsTheCompany() {
        PostingDraft d = read(board(), positions("<position><id>3</id><subcompany>Lumenwerk Studio GmbH</subcompany><name>X</name></position>"))
                .entries().get(0).draft();
        assertThat(d.company).isEqualTo("Lumenwerk Studio GmbH");
        assertThat(d.companyFromSlug).isFalse();
    }

    @Test
    void readListing_keepsTheLanguageTheCareersUrlAskedFor_inThePostingLinks() {
        Board board = adapters.detect(URI.create("https://lumenwerk.jobs.personio.com/?language=en")).orElseThrow();
        assertThat(read(board, positions("<position><id>9</id><name>X</name></position>")).entries().get(0).draft().url)
                .isEqualTo("https://lumenwerk.jobs.personio.com/job/9?language=en");
    }

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            permanent,       full-time,         full-time
            permanent,       part-time,         part-time
            permanent,       -,                 permanent
            intern,          full-time,         intern
            freelance,       part-time,         freelance
            temporary,       full-time,         temporary
            trainee,         full-time,         full-time
            working_student, part-time,         part-time
            working_student, -,                 -
            -,               full-or-part-time, full-or-part-time
            -,               -,                 -
            """)
    void employmentType_contractKindBeforeSchedule(String type, String schedule, String expected) {
        assertThat(PersonioAdapter.PersonioBoard.employmentType(type, schedule)).isEqualTo(expected);
    }

    @Test
    void readListing_whenEmptyFeed_isAnEmptyReadablePage() {
        ListingPage page = read(board(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs/>");
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            html page            | <!DOCTYPE html><html><body>Page not found</body></html>        | HTML page instead of XML
            xhtml page           | <?xml version="1.0"?><html><body>Sign in</body></html>           | HTML page instead of XML
            json                 | {"positions": []}                                                  | JSON instead of XML
            other document       | <?xml version="1.0"?><jobs><job><id>1</id></job></jobs>            | <jobs> where <workzag-jobs> was expected
            empty body           | '   '                                                              | empty body
            plain text           | Service unavailable                                                | text instead of XML
            """)
    void readListing_whenTheAnswerIsNotTheFeed_isUnreadable(String what, String body, String problem) {
        ListingPage page = read(board(), body);
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).contains(problem);
        assertThat(page.entries()).isEmpty();
    }

    @Test
    void readListing_skipsPositionsWithoutIdOrGarbled_andInventsNothing() {
        String body = positions("""
                <position><name>No id</name><office>Berlin</office></position>
                <position><id>5</id><name>Unclosed title<office>Berlin</office></position>
                <position><id>6</id><name>Kept</name></position>""");
        Extraction ctx = ctx(body);
        ListingPage page = board().readListing(null, page(body), ctx);
        assertThat(page.entries()).extracting(e -> e.draft().atsId).containsExactly("personio:lumenwerk:6");
        assertThat(ctx.warnings()).anySatisfy(w -> assertThat(w).contains("no id"))
                .anySatisfy(w -> assertThat(w).contains("unclosed element"));
    }

    @Test
    void readListing_whenDescriptionBlocksAreEmptyOrMissing_hasNoDescription() {
        PostingDraft d = read(board(), positions("""
                <position><id>8</id><name>X</name><jobDescriptions><jobDescription><name>Empty</name><value/></jobDescription>
                </jobDescriptions></position>""")).entries().get(0).draft();
        assertThat(d.description).isEmpty();
    }

    private Board board() {
        return adapters.detect(URI.create("https://lumenwerk.jobs.personio.de/")).orElseThrow();
    }

    private static String positions(String xml) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs>" + xml + "</workzag-jobs>";
    }

    private static PageContent page(String body) {
        return new PageContent(FEED, "text/xml", body, FETCHED);
    }

    private static Extraction ctx(String body) {
        return new Extraction(page(body));
    }

    private static ListingPage read(Board board, String body) {
        return board.readListing(board.firstPage(Map.of()), page(body), ctx(body));
    }
}
