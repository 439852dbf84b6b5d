package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmartRecruitersAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final String LISTING = "https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings";
    private final SmartRecruitersAdapter adapter = new SmartRecruitersAdapter();
    private final Board board = adapter.board(URI.create("https://jobs.smartrecruiters.com/KestrelHarbour")).orElseThrow();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://jobs.smartrecruiters.com/KestrelHarbour                                                  | https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?limit=100&offset=0
            https://jobs.smartrecruiters.com/KestrelHarbour/744000100000001-data-analyst?trid=x               | https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?limit=100&offset=0
            https://careers.smartrecruiters.com/KestrelHarbour                                               | https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?limit=100&offset=0
            https://jobs.smartrecruiters.com/oneclick-ui/company/KestrelHarbour/publication/5b1c0001         | https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?limit=100&offset=0
            https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings                             | https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?limit=100&offset=0
            https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?q=data%20analyst&offset=300 | https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?q=data%20analyst&limit=100&offset=0
            https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings/744000100000001             | https://api.smartrecruiters.com/v1/companies/KestrelHarbour/postings?limit=100&offset=0
            http://127.0.0.1:8089/v1/companies/KestrelHarbour/postings?limit=10                             | http://127.0.0.1:8089/v1/companies/KestrelHarbour/postings?limit=100&offset=0
            """)
    void board_recognisesCareersAndApiUrls_andAsksForTheFirstFullPage(String url, String firstPage) {
        Board found = new Adapters().detect(URI.create(url)).orElseThrow();
        assertThat(found.kind()).isEqualTo(SourceKind.SMARTRECRUITERS);
        ApiRequest first = found.firstPage(Map.of());
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url()).hasToString(firstPage);
        assertThat(first.position()).isZero();
        assertThat(found.conditional()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://jobs.smartrecruiters.com/", "https://jobs.smartrecruiters.com/sr-jobs/company-lookup?q=a",
            "https://www.smartrecruiters.com/KestrelHarbour", "https://api.smartrecruiters.com/v1/companies/", "https://acme.example/v1/companies/x/jobs"})
    void board_whenNotACompanysPostings_isEmpty(String url) {
        assertThat(adapter.board(URI.create(url))).isEmpty();
    }

    @Test
    void readListing_whenTheTotalSaysMore_asksForTheNextOffset_andEachPostingsDetail() {
        ApiRequest first = board.firstPage(Map.of());
        ListingPage page = board.readListing(first, json("{\"offset\":0,\"limit\":100,\"totalFound\":5,\"content\":["
                + posting("744000100000001") + "," + posting("744000100000002") + "]}"), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.next().url()).hasToString(LISTING + "?limit=100&offset=2");
        assertThat(page.next().position()).isEqualTo(2);
        assertThat(page.entries()).extracting(e -> e.detail().url().toString())
                .containsExactly(LISTING + "/744000100000001", LISTING + "/744000100000002");
        PostingDraft draft = page.entries().get(0).draft();
        assertThat(draft.atsId).isEqualTo("smartrecruiters:kestrelharbour:744000100000001");
        assertThat(draft.url).isEqualTo("https://jobs.smartrecruiters.com/KestrelHarbour/744000100000001");
        assertThat(draft.company).isEqualTo("Kestrel Harbour Analytics");
        assertThat(draft.companyFromSlug).isFalse();
        assertThat(draft.description).isNull();
    }

    @Test
    void readListing_whenTheTotalIsReached_isTheLastPage() {
        ApiRequest second = board.firstPage(Map.of()).at(100);
        ListingPage page = board.readListing(second, json("{\"offset\":100,\"limit\":100,\"totalFound\":101,\"content\":["
                + posting("744000100000101") + "]}"), ctx());
        assertThat(page.entries()).hasSize(1);
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_withoutATotal_goesOnWhilePagesAreFull() {
        String full = IntStream.range(0, SmartRecruitersAdapter.PAGE_SIZE).mapToObj(i -> posting(String.valueOf(744000100000000L + i)))
                .collect(Collectors.joining(",", "{\"content\":[", "]}"));
        ListingPage page = board.readListing(board.firstPage(Map.of()), json(full), ctx());
        assertThat(page.total()).isNull();
        assertThat(page.next().url()).hasToString(LISTING + "?limit=100&offset=100");

        ListingPage shortPage = board.readListing(page.next(), json("{\"content\":[" + posting("744000100000100") + "]}"), ctx());
        assertThat(shortPage.next()).isNull();
    }

    @Test
    void readListing_ofAnUnknownCompany_isAnEmptyLastPage() {
        ListingPage page = board.readListing(board.firstPage(Map.of()), json("{\"offset\":0,\"limit\":100,\"totalFound\":0,\"content\":[]}"), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            <!DOCTYPE html><html><body>Sign in</body></html>  | HTML page instead of JSON
            {"content": {"id": "1"}, "totalFound": 1}          | no "content" array
            {"message": "Company not found"}                    | no "content" array
            {"content": [{"id": "1"                             | malformed JSON
            ''                                                  | empty body
            """)
    void readListing_whenTheAnswerIsNotAPostingsList_isUnreadable(String body, String problem) {
        ListingPage page = board.readListing(board.firstPage(Map.of()), json(body), ctx());
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).contains(problem);
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_skipsWhatIsNotAPostingWithAnId_andInventsNothing() {
        Extraction ctx = ctx();
        ListingPage page = board.readListing(board.firstPage(Map.of()), json("{\"totalFound\":4,\"content\":[null, \"744000100000009\", "
                + "{\"name\":\"No id\"}, {\"id\":[1], \"name\":\"Array id\"}, {\"id\":\"744000100000010\", \"name\":\"\"}]}"), ctx);
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
        assertThat(ctx.warnings()).hasSize(5).filteredOn(w -> w.endsWith("has no id")).hasSize(4);
        assertThat(ctx.warnings().get(4)).endsWith("has no title");
    }

    @Test
    void readListing_readsOddTypesLeniently() {
        ListingPage page = board.readListing(board.firstPage(Map.of()), json("{\"content\":[{\"id\":744000100000101,\"name\":\"Support Engineer\","
                + "\"company\":{\"identifier\":\"KestrelHarbour\"},\"location\":{\"country\":\"gb\",\"remote\":\"true\"},"
                + "\"typeOfEmployment\":\"Full-time\",\"releasedDate\":1774857600000}]}"), ctx());
        PostingDraft draft = page.entries().get(0).draft();
        assertThat(draft.atsId).isEqualTo("smartrecruiters:kestrelharbour:744000100000101");
        assertThat(draft.remote).isTrue();
        assertThat(draft.location).isEqualTo("GB");
        assertThat(draft.employmentType).isEqualTo("Full-time");
        assertThat(draft.company).isEqualTo("KestrelHarbour");
        assertThat(draft.companyFromSlug).isTrue();
        assertThat(draft.datePosted).isEqualTo("1774857600000");
    }

    @Test
    void readListing_ofAListingKnownOnlyByItsUrl_followsEachPostingsRef() {
        Board saved = adapter.boardAt(URI.create("https://mirror.example/sr/kestrel.json")).orElseThrow();
        ListingPage page = saved.readListing(saved.firstPage(Map.of()), json("{\"totalFound\":1,\"content\":[{\"id\":\"7\",\"name\":\"Analyst\","
                + "\"company\":{\"identifier\":\"KestrelHarbour\"},\"ref\":\"" + LISTING + "/7\"}]}"), ctx());
        assertThat(page.entries().get(0).detail().url()).hasToString(LISTING + "/7");
        assertThat(saved.firstPage(Map.of()).url()).hasToString("https://mirror.example/sr/kestrel.json?limit=100&offset=0");
    }

    @Test
    void readDetail_joinsTheJobAdSectionsUnderTheirTitles() {
        ListingPage page = board.readDetail(json("{\"id\":\"1\",\"name\":\"Data Analyst\",\"company\":{\"identifier\":\"KestrelHarbour\","
                + "\"name\":\"Kestrel Harbour Analytics\"},\"postingUrl\":\"https://jobs.smartrecruiters.com/KestrelHarbour/1-data-analyst\","
                + "\"jobAd\":{\"sections\":{\"qualifications\":{\"title\":\"Qualifications\",\"text\":\"<p>SQL</p>\"},"
                + "\"jobDescription\":{\"title\":\"Job Description\",\"text\":\"<p>Forecast arrivals.</p>\"},"
                + "\"companyDescription\":{\"title\":\"Company Description\",\"text\":\"\"}}}}"), ctx());
        PostingDraft draft = page.entries().get(0).draft();
        assertThat(draft.description).isEqualTo("<h3>Job Description</h3><div><p>Forecast arrivals.</p></div><h3>Qualifications</h3><div><p>SQL</p></div>");
        assertThat(draft.url).isEqualTo("https://jobs.smartrecruiters.com/KestrelHarbour/1-data-analyst");
        assertThat(page.entries().get(0).needsDetail()).isFalse();
    }

    @Test
    void readDetail_ofAPostingNoLongerActive_yieldsNothing() {
        ListingPage page = board.readDetail(json("{\"id\":\"1\",\"name\":\"Filled\",\"active\":false,\"jobAd\":{\"sections\":{}}}"), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<html><body>Not found</body></html>", "{\"message\":\"Posting not found\"}", "[]", "{\"id\":\"1\"}"})
    void readDetail_whenTheAnswerIsNotAPosting_isUnreadable(String body) {
        assertThat(board.readDetail(json(body), ctx()).readable()).isFalse();
    }

    @Test
    void isDetail_tellsADetailFromAListingPage() {
        assertThat(board.isDetail(json("{\"id\":\"1\",\"name\":\"Analyst\",\"jobAd\":{\"sections\":{}}}"))).isTrue();
        assertThat(board.isDetail(json("{\"offset\":0,\"totalFound\":0,\"content\":[]}"))).isFalse();
    }

    @Test
    void recognises_theListingAndDetailShapes_only() throws Exception {
        assertThat(adapter.recognises(Json.mapper().readTree("{\"offset\":0,\"totalFound\":0,\"content\":[]}"))).isTrue();
        assertThat(adapter.recognises(Json.mapper().readTree("{\"id\":\"1\",\"jobAd\":{\"sections\":{}}}"))).isTrue();
        assertThat(adapter.recognises(Json.mapper().readTree("{\"jobs\":[],\"meta\":{\"total\":0}}"))).isFalse();
    }

    private static String posting(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Data Analyst\",\"company\":{\"identifier\":\"KestrelHarbour\",\"name\":\"Kestrel Harbour Analytics\"},"
                + "\"releasedDate\":\"2026-04-02T09:01:11.001Z\",\"location\":{\"city\":\"Leeds\",\"country\":\"gb\",\"remote\":false,"
                + "\"fullLocation\":\"Leeds, England, United Kingdom\"},\"typeOfEmployment\":{\"id\":\"permanent\",\"label\":\"Full-time\"},"
                + "\"ref\":\"" + LISTING + "/" + id + "\"}";
    }

    private static PageContent json(String body) {
        return new PageContent(LISTING, "application/json", body, FETCHED);
    }

    private static Extraction ctx() {
        return new Extraction(json(""));
    }
}
