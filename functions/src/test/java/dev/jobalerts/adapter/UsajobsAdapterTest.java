package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.ExtractorKind;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PageReaders;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsajobsAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final Map<String, String> CREDENTIALS = Map.of("apiKey", "k-123", "email", "ops@example.org");
    private final UsajobsAdapter adapter = new UsajobsAdapter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.usajobs.gov/Search/Results?k=python&l=Charlotte          | https://data.usajobs.gov/api/search?Keyword=python&LocationName=Charlotte&ResultsPerPage=500&Page=1
            https://usajobs.gov/search/results/?k=data%20scientist&p=3           | https://data.usajobs.gov/api/search?Keyword=data%20scientist&ResultsPerPage=500&Page=1
            https://www.usajobs.gov/Search/Results?l=Raleigh%2C%20North%20Carolina | https://data.usajobs.gov/api/search?LocationName=Raleigh%2C%20North%20Carolina&ResultsPerPage=500&Page=1
            https://data.usajobs.gov/api/search?Keyword=python&LocationName=Charlotte | https://data.usajobs.gov/api/search?Keyword=python&LocationName=Charlotte&ResultsPerPage=500&Page=1
            https://data.usajobs.gov/api/Search?Keyword=nurse&Page=4&ResultsPerPage=25 | https://data.usajobs.gov/api/Search?Keyword=nurse&ResultsPerPage=500&Page=1
            https://data.usajobs.gov/api/search                                  | https://data.usajobs.gov/api/search?ResultsPerPage=500&Page=1
            """)
    void board_recognisesSiteSearchesAndApiUrls_andAsksForTheFirstFullPage(String url, String request) {
        ApiRequest first = adapter.board(URI.create(url)).orElseThrow().firstPage(CREDENTIALS);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url()).hasToString(request);
        assertThat(first.position()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.usajobs.gov/Search/Results?k=python&hp=public", // a filter the API would not get: the search would widen
            "https://www.usajobs.gov/job/812004511",
            "https://data.usajobs.gov/api/codelist/rateintervalcodes",
            "https://jobs.example/api/search?Keyword=python"})
    void board_whenTheUrlIsNoSearchItCanRead_isEmpty(String url) {
        assertThat(adapter.board(URI.create(url))).isEmpty();
    }

    @Test
    void boardAt_readsAMirrorOfTheApiAtItsOwnAddress_butNeverTheSiteItself() {
        ApiRequest first = adapter.boardAt(URI.create("http://127.0.0.1:8089/api/search?Keyword=x")).orElseThrow().firstPage(CREDENTIALS);
        assertThat(first.url()).hasToString("http://127.0.0.1:8089/api/search?Keyword=x&ResultsPerPage=500&Page=1");
        assertThat(adapter.boardAt(URI.create("https://www.usajobs.gov/Search/Results?k=python&hp=public"))).isEmpty();
    }

    @Test
    void firstPage_sendsKeyAndEmailAsSecretHeaders_neverInTheUrlOrPlainHeaders() {
        ApiRequest first = adapter.board(URI.create("https://www.usajobs.gov/Search/Results?k=python")).orElseThrow().firstPage(CREDENTIALS);
        assertThat(first.secrets().headers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Authorization-Key", "k-123", "User-Agent", "ops@example.org"));
        assertThat(first.secrets().query()).isEmpty();
        assertThat(first.headers()).doesNotContainKeys("Authorization-Key", "User-Agent");
        assertThat(first.url().toString()).doesNotContain("k-123").doesNotContain("ops@example.org");
        assertThat(first.secrets().toString()).doesNotContain("k-123");
    }

    @Test
    void check_requiresBothCredentials() {
        Adapters adapters = new Adapters();
        SourceDefinition keyOnly = new SourceDefinition("u", null, "https://www.usajobs.gov/Search/Results?k=python", SourceKind.AUTO,
                null, null, null, null, null, Map.of("apiKey", "env:KEY"), null, null, null);
        assertThatThrownBy(() -> adapters.check(keyOnly)).hasMessageContaining("credentials.email is required for usajobs");
    }

    @Test
    void readListing_whenTheApiHasMorePages_asksForTheNextWithTheSameSecrets() {
        UsajobsAdapter.UsajobsBoard board = board();
        ApiRequest first = board.firstPage(CREDENTIALS);
        ListingPage page = board.readListing(first, json(answer(item("1001", "Hydrologist"), 1, "3", 700)), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.total()).isEqualTo(700);
        assertThat(page.next().url()).hasToString("https://data.usajobs.gov/api/search?Keyword=python&ResultsPerPage=500&Page=2");
        assertThat(page.next().position()).isEqualTo(2);
        assertThat(page.next().secrets()).isEqualTo(first.secrets());
    }

    @ParameterizedTest(name = "page {0} of {1}")
    @CsvSource(nullValues = "null", textBlock = """
            3, 3,    1200
            2, null, 1000
            1, 0,    0
            """)
    void readListing_onTheLastPage_hasNoNext(int position, String pages, int total) {
        UsajobsAdapter.UsajobsBoard board = board();
        ApiRequest request = board.firstPage(CREDENTIALS).at(position);
        ListingPage page = board.readListing(request, json(answer(position == 1 ? "" : item("1001", "Hydrologist"), 1, pages, total)), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_withoutNumberOfPages_pagesByTheTotal() {
        UsajobsAdapter.UsajobsBoard board = board();
        ListingPage page = board.readListing(board.firstPage(CREDENTIALS), json(answer(item("1001", "Hydrologist"), 1, null, 501)), ctx());
        assertThat(page.next()).isNotNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "<!DOCTYPE html><html><body>Request blocked</body></html>",
            "",
            "{\"SearchResult\": ",
            "{\"Errors\": [\"Invalid key\"]}",
            "{\"SearchResult\": {\"SearchResultItems\": {\"MatchedObjectId\": \"1\"}}}",
            "[]"})
    void readListing_whenTheAnswerIsNotTheSearchApis_isUnreadable(String body) {
        ListingPage page = board().readListing(null, json(body), ctx());
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).startsWith("USAJOBS");
        assertThat(page.entries()).isEmpty();
    }

    @Test
    void readListing_skipsItemsOfAnotherShape_andKeepsTheRest() {
        String items = "{\"MatchedObjectId\": \"9\", \"MatchedObjectDescriptor\": \"withdrawn\"}, 42, " + item("1002", "Park Ranger")
                + ", {\"MatchedObjectId\": \"7\", \"MatchedObjectDescriptor\": {\"PositionTitle\": [\"not\", \"text\"]}}";
        Extraction ctx = ctx();
        ListingPage page = board().readListing(null, json(answer(items, 1, "1", 4)), ctx);
        List<Posting> postings = PageReaders.build(ExtractorKind.of(SourceKind.USAJOBS), page.entries().stream().map(ListingEntry::draft).toList(), ctx);
        assertThat(postings).extracting(Posting::id).containsExactly("usajobs:1002");
        assertThat(ctx.warnings()).anySatisfy(w -> assertThat(w).contains("MatchedObjectDescriptor"));
    }

    @Test
    void readListing_mapsTheAnnouncement() {
        String item = """
                {"MatchedObjectId": "812004511", "MatchedObjectDescriptor": {
                  "PositionID": "NWDS-26-0412", "PositionTitle": "IT Specialist",
                  "PositionURI": "https://www.usajobs.gov:443/GetJob/ViewDetails/812004511",
                  "PositionLocation": [{"LocationName": "Charlotte, North Carolina"}, {"LocationName": "Remote"}],
                  "OrganizationName": "National Weather Data Service", "DepartmentName": "Department of Commerce",
                  "PositionSchedule": [{"Name": "Full-time"}], "PositionOfferingType": [{"Name": "Term"}],
                  "PositionRemuneration": [{"MinimumRange": "1520.0", "MaximumRange": "1980.0", "RateIntervalCode": "BW"},
                                           {"MinimumRange": "41.10", "MaximumRange": "53.43", "RateIntervalCode": "Per Hour"}],
                  "PublicationStartDate": "2026-04-06T09:15:00.0000",
                  "QualificationSummary": "One year at GS-11.",
                  "UserArea": {"Details": {"JobSummary": "Keep data flowing.", "MajorDuties": ["Build pipelines."], "RemoteIndicator": false}}}}
                """;
        Extraction ctx = ctx();
        ListingPage page = board().readListing(null, json(answer(item, 1, "1", 1)), ctx);
        Posting p = PageReaders.build(ExtractorKind.of(SourceKind.USAJOBS), List.of(page.entries().get(0).draft()), ctx).get(0);
        assertThat(page.entries().get(0).needsDetail()).isFalse();
        assertThat(p.id()).isEqualTo("usajobs:812004511");
        assertThat(p.url()).isEqualTo("https://www.usajobs.gov/GetJob/ViewDetails/812004511");
        assertThat(p.company()).isEqualTo("National Weather Data Service");
        assertThat(p.location()).isEqualTo("Charlotte, North Carolina; Remote");
        assertThat(p.remote()).isTrue();
        assertThat(p.employmentType()).isEqualTo("FULL_TIME");
        assertThat(p.datePosted()).isEqualTo("2026-04-06");
        assertThat(p.salary().min()).isEqualTo(41.10);
        assertThat(p.salary().period()).isEqualTo("HOUR");
        assertThat(p.salary().currency()).isEqualTo("USD");
        assertThat(p.description()).isEqualTo("Keep data flowing.\n\nDuties\n\nBuild pipelines.\n\nQualifications\n\nOne year at GS-11.");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", textBlock = """
            PA,                   YEAR
            Per Year,             YEAR
            per annum,            YEAR
            PH,                   HOUR
            Per Hour,             HOUR
            PD,                   DAY
            Per Day,              DAY
            PM,                   MONTH
            Per Month,            MONTH
            Per Week,             WEEK
            BW,                   null
            Bi-weekly,            null
            PW,                   null
            Piece Work,           null
            WC,                   null
            Without Compensation, null
            Fee Basis,            null
            null,                 null
            """)
    void period_readsUsajobsRateIntervals(String interval, String period) {
        assertThat(UsajobsAdapter.UsajobsBoard.period(interval)).isEqualTo(period);
    }

    private UsajobsAdapter.UsajobsBoard board() {
        return (UsajobsAdapter.UsajobsBoard) adapter.board(URI.create("https://www.usajobs.gov/Search/Results?k=python")).orElseThrow();
    }

    private static String item(String id, String title) {
        return "{\"MatchedObjectId\": \"" + id + "\", \"MatchedObjectDescriptor\": {\"PositionTitle\": \"" + title
                + "\", \"PositionURI\": \"https://www.usajobs.gov/job/" + id + "\"}}";
    }

    private static String answer(String items, int count, String pages, int total) {
        return "{\"LanguageCode\": \"EN\", \"SearchResult\": {\"SearchResultCount\": " + count + ", \"SearchResultCountAll\": " + total
                + ", \"SearchResultItems\": [" + items + "], \"UserArea\": {" + (pages == null ? "" : "\"NumberOfPages\": \"" + pages + "\"")
                + "}}}";
    }

    private static PageContent json(String body) {
        return new PageContent("https://data.usajobs.gov/api/search?Keyword=python&ResultsPerPage=500&Page=1", "application/json", body, FETCHED);
    }

    private static Extraction ctx() {
        return new Extraction(json(""));
    }
}
