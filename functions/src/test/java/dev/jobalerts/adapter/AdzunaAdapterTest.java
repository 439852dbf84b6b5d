package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.ExtractorKind;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PageReaders;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdzunaAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final Map<String, String> CREDENTIALS = Map.of("appId", "id-42", "appKey", "key-9f3");
    private final AdzunaAdapter adapter = new AdzunaAdapter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.adzuna.co.uk/jobs/search?q=python&w=Manchester            | https://api.adzuna.com/v1/api/jobs/gb/search/1?what=python&where=Manchester&results_per_page=50
            https://www.adzuna.com/search?q=data%20engineer&w=Charlotte&p=2       | https://api.adzuna.com/v1/api/jobs/us/search/1?what=data%20engineer&where=Charlotte&results_per_page=50
            https://adzuna.de/search?q=python&sb=date                             | https://api.adzuna.com/v1/api/jobs/de/search/1?what=python&results_per_page=50
            https://www.adzuna.com.au/search?w=Perth                              | https://api.adzuna.com/v1/api/jobs/au/search/1?where=Perth&results_per_page=50
            https://api.adzuna.com/v1/api/jobs/gb/search/1?what=python&where=Leeds | https://api.adzuna.com/v1/api/jobs/gb/search/1?what=python&where=Leeds&results_per_page=50
            https://api.adzuna.com/v1/api/jobs/fr/search/3?app_id=abc&app_key=secret&what=java&results_per_page=20 | https://api.adzuna.com/v1/api/jobs/fr/search/1?what=java&results_per_page=50
            https://api.adzuna.com/v1/api/jobs/ca/search?what=nurse&full_time=1   | https://api.adzuna.com/v1/api/jobs/ca/search/1?what=nurse&full_time=1&results_per_page=50
            http://127.0.0.1:8089/v1/api/jobs/gb/search/1?what=python             | http://127.0.0.1:8089/v1/api/jobs/gb/search/1?what=python&results_per_page=50
            """)
    void board_recognisesSiteSearchesAndApiUrls_andAsksForTheFirstPage(String url, String request) {
        ApiRequest first = adapter.board(URI.create(url)).orElseThrow().firstPage(CREDENTIALS);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url()).hasToString(request);
        assertThat(first.position()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.adzuna.co.uk/jobs/search?q=python&loc=86384", // a location id the API does not take: dropping it widens the search
            "https://www.adzuna.co.uk/jobs/details/4795571883",
            "https://www.adzuna.co.uk/",
            "https://api.adzuna.com/v1/api/jobs/gb/categories",
            "https://api.adzuna.com/v1/api/jobs/gbr/search/1",
            "https://www.adzuna.example/search?q=python",
            "https://jobs.example/search?q=python"})
    void board_whenTheUrlIsNoSearchItCanRead_isEmpty(String url) {
        assertThat(adapter.board(URI.create(url))).isEmpty();
    }

    @Test
    void firstPage_sendsAppIdAndKeyAsSecretQueryParameters_neverInTheStoredUrl() {
        ApiRequest first = board("gb").firstPage(CREDENTIALS);
        assertThat(first.secrets().query()).containsExactlyInAnyOrderEntriesOf(Map.of("app_id", "id-42", "app_key", "key-9f3"));
        assertThat(first.secrets().headers()).isEmpty();
        assertThat(first.url().toString()).doesNotContain("app_id").doesNotContain("key-9f3");
        assertThat(first.secrets().toString()).doesNotContain("key-9f3");
    }

    @Test
    void readListing_whenAFullPageLeavesMoreOfTheCount_asksForTheNextPageWithTheSameSecrets() {
        AdzunaAdapter.AdzunaBoard board = board("gb");
        ApiRequest first = board.firstPage(CREDENTIALS);
        ListingPage page = board.readListing(first, json(answer(50, 120)), ctx());
        assertThat(page.entries()).hasSize(50);
        assertThat(page.total()).isEqualTo(120);
        assertThat(page.next().url()).hasToString("https://api.adzuna.com/v1/api/jobs/gb/search/2?what=python&results_per_page=50");
        assertThat(page.next().position()).isEqualTo(2);
        assertThat(page.next().secrets()).isEqualTo(first.secrets());
    }

    @ParameterizedTest(name = "page {0}: {1} results of {2}")
    @CsvSource(textBlock = """
            3, 20, 120
            2, 50, 100
            1, 0,  0
            """)
    void readListing_onTheLastPage_hasNoNext(int position, int results, int count) {
        AdzunaAdapter.AdzunaBoard board = board("gb");
        ListingPage page = board.readListing(board.firstPage(CREDENTIALS).at(position), json(answer(results, count)), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.next()).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "<html><body>Service unavailable</body></html>",
            "",
            "{\"results\": [",
            "{\"results\": {\"id\": \"1\"}}",
            "{\"count\": 3}",
            "{\"exception\": \"AUTH_FAIL\", \"display\": \"Authorisation failed\"}"})
    void readListing_whenTheAnswerIsNotTheSearchApis_isUnreadable(String body) {
        ListingPage page = board("gb").readListing(null, json(body), ctx());
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).startsWith("Adzuna");
    }

    @Test
    void readListing_skipsResultsOfAnotherShape_andInventsNone() {
        Extraction ctx = ctx();
        ListingPage page = board("gb").readListing(null, json("{\"count\": 4, \"results\": [\"ad\", null, "
                + result("11", "\"salary_is_predicted\": \"0\"") + ", {\"id\": \"12\", \"description\": \"no title\"}]}"), ctx);
        List<Posting> postings = PageReaders.build(ExtractorKind.of(SourceKind.ADZUNA), page.entries().stream().map(ListingEntry::draft).toList(), ctx);
        assertThat(postings).extracting(Posting::id).containsExactly("adzuna:gb:11");
        assertThat(ctx.warnings()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            "salary_is_predicted": "0", "salary_min": 45000, "salary_max": 55000  | gb | 45000.0 | 55000.0 | GBP
            "salary_is_predicted": 0, "salary_min": "61000.5"                     | de | 61000.5 | null    | EUR
            "salary_is_predicted": false, "salary_max": 90000                     | us | null    | 90000.0 | USD
            "salary_is_predicted": "0", "salary_min": 52000                       | xx | 52000.0 | null    | null
            "salary_is_predicted": "1", "salary_min": 44231, "salary_max": 44231  | gb | null    | null    | null
            "salary_is_predicted": 1, "salary_min": 44231                         | gb | null    | null    | null
            "salary_min": 38000, "salary_max": 42000                              | gb | null    | null    | null
            "salary_is_predicted": "0", "salary_min": 28, "salary_max": 35        | gb | null    | null    | null
            "salary_is_predicted": "0", "salary_min": null                        | gb | null    | null    | null
            """)
    void salary_isKeptOnlyWhenTheAdvertStatedIt_asAYearsPayInTheCountrysCurrency(String members, String country, Double min, Double max,
            String currency) {
        Posting p = only(board(country), "{\"count\": 1, \"results\": [" + result("7", members) + "]}");
        if (min == null && max == null) {
            assertThat(p.salary()).isNull();
        } else {
            assertThat(p.salary()).isEqualTo(new Salary(min, max, currency, "YEAR"));
        }
    }

    @Test
    void readListing_mapsTheResult() {
        Posting p = only(board("gb"), "{\"count\": 1, \"results\": [" + result("4795571883",
                "\"title\": \"<strong>Python</strong> Developer &amp; Mentor\", \"contract_time\": \"full_time\", \"contract_type\": \"contract\"") + "]}");
        assertThat(p.id()).isEqualTo("adzuna:gb:4795571883");
        assertThat(p.title()).isEqualTo("Python Developer & Mentor");
        assertThat(p.url()).isEqualTo("https://www.adzuna.co.uk/jobs/land/ad/4795571883?se=x&utm_medium=api");
        assertThat(p.company()).isEqualTo("Quayside Software Ltd");
        assertThat(p.location()).isEqualTo("Salford, Greater Manchester");
        assertThat(p.employmentType()).isEqualTo("CONTRACTOR");
        assertThat(p.datePosted()).isEqualTo("2026-04-07");
        assertThat(p.description()).isEqualTo("Write Python...");
        assertThat(p.source()).isEqualTo("adzuna");
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(nullValues = "null", textBlock = """
            full_time, permanent, FULL_TIME
            part_time, permanent, PART_TIME
            full_time, contract,  CONTRACTOR
            null,      permanent, FULL_TIME
            null,      null,      null
            """)
    void employmentType_prefersAContractOverItsHours(String time, String type, String expected) {
        String members = (time == null ? "" : "\"contract_time\": \"" + time + "\", ") + (type == null ? "" : "\"contract_type\": \"" + type + "\", ")
                + "\"category\": {\"tag\": \"it-jobs\"}";
        assertThat(only(board("gb"), "{\"results\": [" + result("5", members) + "]}").employmentType()).isEqualTo(expected);
    }

    private Posting only(AdzunaAdapter.AdzunaBoard board, String body) {
        Extraction ctx = ctx();
        ListingPage page = board.readListing(null, json(body), ctx);
        List<Posting> postings = PageReaders.build(ExtractorKind.of(SourceKind.ADZUNA), page.entries().stream().map(ListingEntry::draft).toList(), ctx);
        assertThat(postings).hasSize(1);
        return postings.get(0);
    }

    private AdzunaAdapter.AdzunaBoard board(String country) {
        return (AdzunaAdapter.AdzunaBoard) adapter.board(URI.create("https://api.adzuna.com/v1/api/jobs/" + country + "/search/1?what=python"))
                .orElseThrow();
    }

    /** A result with the usual members; {@code members} are added after them and win. */
    private static String result(String id, String members) {
        return "{\"id\": \"" + id + "\", \"title\": \"Python Developer\", \"description\": \"Write Python...\","
                + " \"redirect_url\": \"https://www.adzuna.co.uk/jobs/land/ad/" + id + "?se=x&utm_medium=api\","
                + " \"created\": \"2026-04-07T08:01:00Z\", \"company\": {\"display_name\": \"Quayside Software Ltd\"},"
                + " \"location\": {\"display_name\": \"Salford, Greater Manchester\", \"area\": [\"UK\", \"Salford\"]}"
                + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    private static String answer(int results, int count) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < results; i++) all.add(result(String.valueOf(1000 + i), ""));
        return "{\"__CLASS__\": \"Adzuna::API::Response::JobSearchResults\", \"count\": " + count + ", \"results\": ["
                + String.join(", ", all) + "]}";
    }

    private static PageContent json(String body) {
        return new PageContent("https://api.adzuna.com/v1/api/jobs/gb/search/1?what=python&results_per_page=50", "application/json", body, FETCHED);
    }

    private static Extraction ctx() {
        return new Extraction(json(""));
    }
}
