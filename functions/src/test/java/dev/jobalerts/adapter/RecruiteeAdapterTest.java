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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecruiteeAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final String API = "https://tidewaterbakeries.recruitee.com/api/offers/";
    private final RecruiteeAdapter adapter = new RecruiteeAdapter();
    private final Board board = adapter.board(URI.create("https://tidewaterbakeries.recruitee.com/")).orElseThrow();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://tidewaterbakeries.recruitee.com                                  | https://tidewaterbakeries.recruitee.com/api/offers/
            https://tidewaterbakeries.recruitee.com/o/bakery-production-planner?s=li | https://tidewaterbakeries.recruitee.com/api/offers/
            https://TidewaterBakeries.recruitee.com/o/bakery-production-planner/c/new | https://tidewaterbakeries.recruitee.com/api/offers/
            https://tidewaterbakeries.recruitee.com/api/offers/                      | https://tidewaterbakeries.recruitee.com/api/offers/
            http://tidewaterbakeries.recruitee.com:8089/                             | http://tidewaterbakeries.recruitee.com:8089/api/offers/
            """)
    void board_recognisesCareersSitesAndTheirApi(String url, String request) {
        Board found = new Adapters().detect(URI.create(url)).orElseThrow();
        assertThat(found.kind()).isEqualTo(SourceKind.RECRUITEE);
        ApiRequest first = found.firstPage(Map.of());
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url().toString()).isEqualToIgnoringCase(request);
        assertThat(found.conditional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://recruitee.com/o/planner", "https://www.recruitee.com/", "https://career.recruitee.com/docs/index.html",
            "https://docs.recruitee.com/reference/offers", "https://careers.lumenfield.example/o/planner"})
    void board_whenNotACompanysRecruiteeSite_isEmpty(String url) {
        assertThat(adapter.board(URI.create(url))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://careers.lumenfield.example/o/part-time-lab-technician | https://careers.lumenfield.example/api/offers/
            https://careers.lumenfield.example/                           | https://careers.lumenfield.example/api/offers/
            https://careers.lumenfield.example/api/offers                 | https://careers.lumenfield.example/api/offers
            """)
    void boardAt_readsACareersSiteOnItsOwnDomainThroughTheSameApi(String url, String request) {
        assertThat(adapter.boardAt(URI.create(url)).orElseThrow().firstPage(Map.of()).url()).hasToString(request);
    }

    @Test
    void readListing_isOneAnswerWithEveryOffer_andNoNextPage() {
        ListingPage page = board.readListing(board.firstPage(Map.of()), json("{\"offers\":[" + offer("3104417", "published") + ","
                + offer("3104418", null) + "]}"), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.next()).isNull();
        assertThat(page.entries()).hasSize(2).noneMatch(ListingEntry::needsDetail);
        PostingDraft draft = page.entries().get(0).draft();
        assertThat(draft.atsId).isEqualTo("recruitee:3104417");
        assertThat(draft.datePosted).isEqualTo("2026-04-02T08:15:00Z");
        assertThat(draft.salary.period()).isEqualTo("YEAR");
        assertThat(draft.description).isEqualTo("<div><p>Plan the night bake.</p></div><h3>Requirements</h3><div><ul><li>Dutch</li></ul></div>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"closed", "draft", "internal"})
    void readListing_keepsOnlyPublishedOffers(String status) {
        ListingPage page = board.readListing(null, json("{\"offers\":[" + offer("1", status) + "]}"), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
    }

    @Test
    void readListing_dropsASalaryWithoutAPeriod_ratherThanGuessOne() {
        ListingPage page = board.readListing(null, json("{\"offers\":[{\"id\":1,\"title\":\"Baker\",\"salary\":{\"min\":2600,\"max\":3100,\"currency\":\"EUR\"}}]}"), ctx());
        assertThat(page.entries().get(0).draft().salary).isNull();
    }

    @Test
    void readListing_withoutCompanyNameOrCareersUrl_namesTheSiteAndBuildsTheOfferPage() {
        PostingDraft draft = board.readListing(null, json("{\"offers\":[{\"id\":\"9\",\"slug\":\"baker\",\"title\":\"Baker\","
                + "\"remote\":\"true\",\"locations\":[{\"full_address\":\"Ghent, Belgium\"},{\"name\":\"Ghent, Belgium\"}]}]}"), ctx())
                .entries().get(0).draft();
        assertThat(draft.company).isEqualTo("tidewaterbakeries");
        assertThat(draft.companyFromSlug).isTrue();
        assertThat(draft.url).isEqualTo("https://tidewaterbakeries.recruitee.com/o/baker");
        assertThat(draft.remote).isTrue();
        assertThat(draft.location).isEqualTo("Ghent, Belgium");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            <!DOCTYPE html><html><body>Page not found</body></html> | HTML page instead of JSON
            {"offers": {"id": 1}}                                    | no "offers" array
            {"error": "Not found"}                                   | no "offers" array
            [{"id": 1}]                                              | no "offers" array
            {"offers": [                                             | malformed JSON
            """)
    void readListing_whenTheAnswerIsNotAnOffersList_isUnreadable(String body, String problem) {
        ListingPage page = board.readListing(board.firstPage(Map.of()), json(body), ctx());
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).contains(problem);
    }

    @Test
    void readListing_skipsElementsWithoutATitle_andInventsNothing() {
        Extraction ctx = ctx();
        ListingPage page = board.readListing(null, json("{\"offers\":[\"text\", 7, null, [], {\"id\": 3, \"title\": \" \"}]}"), ctx);
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
        assertThat(ctx.warnings()).hasSize(5).allSatisfy(w -> assertThat(w).endsWith("it has no title"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-05-29 09:45:21 UTC     | 2026-05-29T09:45:21Z
            2026-05-29 09:45:21.123 UTC | 2026-05-29T09:45:21.123Z
            2026-05-29T09:45:21Z        | 2026-05-29T09:45:21Z
            2026-05-29                  | 2026-05-29
            """)
    void isoTimestamp_makesRecruiteesTimestampsIso(String raw, String iso) {
        assertThat(RecruiteeAdapter.RecruiteeBoard.isoTimestamp(raw)).isEqualTo(iso);
    }

    @Test
    void recognises_anOffersList() throws Exception {
        assertThat(adapter.recognises(Json.mapper().readTree("{\"offers\":[]}"))).isTrue();
        assertThat(adapter.recognises(Json.mapper().readTree("{\"jobs\":[]}"))).isFalse();
    }

    private static String offer(String id, String status) {
        return "{\"id\":" + id + ",\"slug\":\"planner\"," + (status == null ? "" : "\"status\":\"" + status + "\",")
                + "\"title\":\"Production Planner\",\"company_name\":\"Tidewater Bakeries\","
                + "\"careers_url\":\"https://tidewaterbakeries.recruitee.com/o/planner\",\"locations\":[{\"city\":\"Utrecht\",\"state\":\"Utrecht\","
                + "\"country\":\"Netherlands\"}],\"remote\":false,\"employment_type_code\":\"fulltime_permanent\","
                + "\"salary\":{\"min\":52000,\"max\":61000,\"currency\":\"EUR\",\"period\":\"year\"},"
                + "\"published_at\":\"2026-04-02 08:15:00 UTC\",\"description\":\"<p>Plan the night bake.</p>\",\"requirements\":\"<ul><li>Dutch</li></ul>\"}";
    }

    private static PageContent json(String body) {
        return new PageContent(API, "application/json", body, FETCHED);
    }

    private static Extraction ctx() {
        return new Extraction(json(""));
    }
}
