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

class WorkableAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final String API = "https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true";
    private final WorkableAdapter adapter = new WorkableAdapter();
    private final Board board = adapter.board(URI.create("https://apply.workable.com/orchardlane/")).orElseThrow();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://apply.workable.com/orchardlane                                    | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://apply.workable.com/orchardlane/j/7C41D2E9A0/                      | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://orchardlane.workable.com/                                         | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://orchardlane.workable.com/j/7C41D2E9A0                             | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://www.workable.com/api/accounts/orchardlane?details=true            | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://apply.workable.com/api/v3/accounts/orchardlane/jobs               | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://apply.workable.com/api/v2/accounts/orchardlane/jobs/7C41D2E9A0    | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://apply.workable.com/api/v1/widget/accounts/orchardlane             | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=false | https://apply.workable.com/api/v1/widget/accounts/orchardlane?details=true
            http://127.0.0.1:8089/api/v1/widget/accounts/orchardlane                  | http://127.0.0.1:8089/api/v1/widget/accounts/orchardlane?details=true
            """)
    void board_recognisesCareersPagesAndApiUrls_andReadsTheDocumentedEndpoint(String url, String request) {
        Board found = new Adapters().detect(URI.create(url)).orElseThrow();
        assertThat(found.kind()).isEqualTo(SourceKind.WORKABLE);
        ApiRequest first = found.firstPage(Map.of());
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url()).hasToString(request);
        assertThat(found.conditional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://apply.workable.com/", "https://apply.workable.com/j/7C41D2E9A0", "https://www.workable.com/pricing",
            "https://help.workable.com/hc/en-us/articles/115012771647", "https://jobs.workable.com/search?query=baker",
            "https://acme.example/api/v3/accounts/orchardlane/jobs", "https://workable.com/"})
    void board_whenNotAnAccountsCareersPage_isEmpty(String url) {
        assertThat(adapter.board(URI.create(url))).isEmpty();
    }

    @Test
    void readListing_isOneAnswerWithEveryJob_andNoNextPage() {
        ListingPage page = board.readListing(board.firstPage(Map.of()), json("{\"name\":\"Orchard Lane Robotics\",\"jobs\":["
                + job("7C41D2E9A0") + "," + job("A19F00C3B7") + "]}"), ctx());
        assertThat(page.readable()).isTrue();
        assertThat(page.next()).isNull();
        assertThat(page.entries()).hasSize(2).noneMatch(ListingEntry::needsDetail);
        PostingDraft draft = page.entries().get(0).draft();
        assertThat(draft.atsId).isEqualTo("workable:7C41D2E9A0");
        assertThat(draft.company).isEqualTo("Orchard Lane Robotics");
        assertThat(draft.companyFromSlug).isFalse();
        assertThat(draft.location).isEqualTo("Cambridge, England, United Kingdom; Netherlands");
        assertThat(draft.description).isEqualTo("<div><p>Tune controllers.</p></div><h3>Requirements</h3><div><ul><li>PLC</li></ul></div>");
    }

    @Test
    void readListing_withoutTheAccountsNameOrAJobUrl_usesTheSlugAndTheJobsPage() {
        PostingDraft draft = board.readListing(null, json("{\"jobs\":[{\"title\":\"Welder\",\"shortcode\":\"3D7E9B2A10\","
                + "\"telecommuting\":\"true\",\"city\":\"Cork\",\"state\":\"\",\"country\":\"Ireland\"}]}"), ctx()).entries().get(0).draft();
        assertThat(draft.company).isEqualTo("orchardlane");
        assertThat(draft.companyFromSlug).isTrue();
        assertThat(draft.url).isEqualTo("https://apply.workable.com/orchardlane/j/3D7E9B2A10/");
        assertThat(draft.remote).isTrue();
        assertThat(draft.location).isEqualTo("Cork, Ireland");
        assertThat(draft.description).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            <!DOCTYPE html><html><body>Account not found</body></html> | HTML page instead of JSON
            {"name": "Orchard Lane Robotics"}                           | no "jobs" array
            {"results": [], "nextPage": null}                           | no "jobs" array
            {"jobs": "none"}                                            | no "jobs" array
            {"jobs": [{"title": "Welder"                                | malformed JSON
            """)
    void readListing_whenTheAnswerIsNotAJobsList_isUnreadable(String body, String problem) {
        ListingPage page = board.readListing(board.firstPage(Map.of()), json(body), ctx());
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).contains(problem);
    }

    @Test
    void readListing_skipsElementsWithoutATitle_andInventsNothing() {
        Extraction ctx = ctx();
        ListingPage page = board.readListing(null, json("{\"jobs\":[42, \"job\", null, {\"shortcode\":\"99AA00BB11\"}]}"), ctx);
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
        assertThat(ctx.warnings()).hasSize(4).allSatisfy(w -> assertThat(w).endsWith("it has no title"));
    }

    @Test
    void recognises_theWidgetShape_notOtherFamiliesJobsLists() throws Exception {
        assertThat(adapter.recognises(Json.mapper().readTree("{\"name\":\"x\",\"jobs\":[{\"shortcode\":\"A1\",\"title\":\"t\"}]}"))).isTrue();
        assertThat(adapter.recognises(Json.mapper().readTree("{\"jobs\":[{\"id\":1,\"absolute_url\":\"u\"}],\"meta\":{}}"))).isFalse();
    }

    private static String job(String shortcode) {
        return "{\"title\":\"Controls Engineer\",\"shortcode\":\"" + shortcode + "\",\"employment_type\":\"Full-time\",\"telecommuting\":false,"
                + "\"url\":\"https://apply.workable.com/j/" + shortcode + "\",\"published_on\":\"2026-04-03\",\"locations\":["
                + "{\"country\":\"United Kingdom\",\"city\":\"Cambridge\",\"region\":\"England\",\"hidden\":false},"
                + "{\"country\":\"Netherlands\",\"city\":\"Venlo\",\"region\":\"Limburg\",\"hidden\":true}],"
                + "\"description\":\"<p>Tune controllers.</p>\",\"requirements\":\"<ul><li>PLC</li></ul>\",\"benefits\":\" \"}";
    }

    private static PageContent json(String body) {
        return new PageContent(API, "application/json", body, FETCHED);
    }

    private static Extraction ctx() {
        return new Extraction(json(""));
    }
}
