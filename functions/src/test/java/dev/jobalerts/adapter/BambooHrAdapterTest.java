package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BambooHrAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final String LIST = "https://cedarloop.bamboohr.com/careers/list";
    private final Adapters adapters = new Adapters();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://cedarloop.bamboohr.com/careers", "https://cedarloop.bamboohr.com/careers/",
            "https://cedarloop.bamboohr.com/careers/41", "https://cedarloop.bamboohr.com/careers/41?source=aWQ9MTI%3D",
            "https://cedarloop.bamboohr.com/careers/list", "https://cedarloop.bamboohr.com/careers/41/detail",
            "https://cedarloop.bamboohr.com/jobs/", "https://cedarloop.bamboohr.com/jobs/view.php?id=41",
            "https://CedarLoop.BambooHR.com/careers"})
    void detect_recognisesCareersApiAndOldJobsUrls_andAsksForTheList(String url) {
        Board board = adapters.detect(URI.create(url)).orElseThrow();
        assertThat(board.kind()).isEqualTo(SourceKind.BAMBOOHR);
        assertThat(board.label()).isEqualTo("cedarloop");
        ApiRequest first = board.firstPage(Map.of());
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url().toString()).isEqualToIgnoringCase(LIST);
        assertThat(first.headers()).containsEntry("Accept", "application/json");
        assertThat(board.conditional()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cedarloop.bamboohr.com/", "https://cedarloop.bamboohr.com/login.php",
            "https://www.bamboohr.com/careers", "https://api.bamboohr.com/api/gateway.php/cedarloop/v1/applicant_tracking/jobs",
            "https://bamboohr.com/careers", "https://cedarloop.bamboohr.com.evil.example/careers"})
    void detect_whenNotACareersSite_isNotBambooHr(String url) {
        assertThat(adapters.detect(URI.create(url)).map(Board::kind).orElse(SourceKind.AUTO)).isNotEqualTo(SourceKind.BAMBOOHR);
    }

    @Test
    void readListing_asksOneDetailPerJob_andIsTheLastPage() {
        ListingPage page = listing("""
                {"meta": {"totalCount": 2}, "result": [
                  {"id": "41", "jobOpeningName": "Store Manager", "employmentStatusLabel": "Full-Time",
                   "location": {"city": "Boise", "state": "Idaho"}, "locationType": "0"},
                  {"id": 44, "jobOpeningName": "Analyst", "location": {"city": null, "state": null},
                   "atsLocation": {"country": "Poland", "province": "Poland", "city": "Poland"}, "locationType": "1"}]}""");
        assertThat(page.readable()).isTrue();
        assertThat(page.next()).isNull();
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.entries()).allMatch(ListingEntry::needsDetail);
        assertThat(page.entries()).extracting(e -> e.detail().url().toString())
                .containsExactly("https://cedarloop.bamboohr.com/careers/41/detail", "https://cedarloop.bamboohr.com/careers/44/detail");
        assertThat(page.entries().get(1).detail().headers()).containsEntry("Accept", "application/json");
        PostingDraft first = page.entries().get(0).draft();
        assertThat(first.atsId).isEqualTo("bamboohr:cedarloop:41");
        assertThat(first.url).isEqualTo("https://cedarloop.bamboohr.com/careers/41");
        assertThat(first.location).isEqualTo("Boise, Idaho");
        assertThat(first.remote).isFalse();
        assertThat(first.description).isNull();
        PostingDraft second = page.entries().get(1).draft();
        assertThat(second.location).isEqualTo("Poland");
        assertThat(second.remote).isTrue();
        assertThat(second.companyFromSlug).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            html login page   | <!DOCTYPE html><html><body><form>Log in</form></body></html> | HTML page instead of JSON
            schema change     | {"meta": {}, "jobs": []}                                      | no "result" array
            result not array  | {"result": {"jobOpening": {}}}                                | no "result" array
            malformed         | {"result": [{"id": "41",                                      | malformed JSON
            """)
    void readListing_whenTheAnswerIsNotTheList_isUnreadable(String what, String body, String problem) {
        ListingPage page = listing(body);
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).contains(problem);
    }

    @Test
    void readListing_skipsEntriesWithoutAUsableId_andInventsNothing() {
        String body = """
                {"result": [{"jobOpeningName": "No id"}, {"id": {"x": 1}, "jobOpeningName": "Object id"},
                 {"id": "../admin", "jobOpeningName": "Path id"}, null, "text", {"id": "61", "jobOpeningName": "Kept"}]}""";
        Extraction ctx = new Extraction(page(LIST, body));
        ListingPage page = board().readListing(board().firstPage(Map.of()), page(LIST, body), ctx);
        assertThat(page.entries()).extracting(e -> e.draft().atsId).containsExactly("bamboohr:cedarloop:61");
        assertThat(ctx.warnings()).hasSize(5).allSatisfy(w -> assertThat(w).contains("no usable id"));
    }

    @Test
    void readDetail_completesThePosting_withTextDateAndStatedPay() {
        ListingPage page = detail("https://cedarloop.bamboohr.com/careers/41/detail", """
                {"result": {"jobOpening": {"jobOpeningName": "Store Manager", "employmentStatusLabel": "Full-Time",
                 "location": {"city": "Boise", "state": "Idaho", "addressCountry": "United States"},
                 "description": "<p>Lead the store.</p>", "datePosted": "2026-03-27", "compensation": "$68,000 - $74,000 per year"}}}""");
        PostingDraft d = page.entries().get(0).draft();
        assertThat(d.atsId).isEqualTo("bamboohr:cedarloop:41");
        assertThat(d.url).isEqualTo("https://cedarloop.bamboohr.com/careers/41");
        assertThat(d.datePosted).isEqualTo("2026-03-27");
        assertThat(d.location).isEqualTo("Boise, Idaho, United States");
        // The pay line is free text: it is read when the posting is built, like any salary stated in words.
        assertThat(d.salaryText).isEqualTo("$68,000 - $74,000 per year");
        assertThat(d.build("bamboohr", "https://cedarloop.bamboohr.com/careers/41/detail", java.time.Instant.parse("2026-04-10T12:00:00Z"))
                .orElseThrow().salary()).isEqualTo(new Salary(68000.0, 74000.0, "USD", "YEAR", true));
        assertThat(d.description).isEqualTo("<p>Lead the store.</p><p>Compensation: $68,000 - $74,000 per year</p>");
    }

    @Test
    void readDetail_whenAskedElsewhere_takesTheIdFromTheShareUrl() {
        ListingPage page = detail("https://fixtures.example/saved.json", """
                {"result": {"jobOpening": {"jobOpeningShareUrl": "https://cedarloop.bamboohr.com/careers/52/", "jobOpeningName": "X"}}}""");
        assertThat(page.entries().get(0).draft().atsId).isEqualTo("bamboohr:cedarloop:52");
    }

    @Test
    void readDetail_whenPayHasNoPeriod_keepsTheTextButNoSalary() {
        PostingDraft d = detail("https://cedarloop.bamboohr.com/careers/44/detail", """
                {"result": {"jobOpening": {"jobOpeningName": "X", "description": null, "compensation": "$90k DOE"}}}""")
                .entries().get(0).draft();
        assertThat(d.salary).isNull();
        assertThat(d.build("bamboohr", "https://cedarloop.bamboohr.com/careers/41/detail", java.time.Instant.parse("2026-04-10T12:00:00Z"))
                .orElseThrow().salary()).isNull();
        assertThat(d.description).isEqualTo("<p>Compensation: $90k DOE</p>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            html page      | <html><body>Not found</body></html>  | HTML page instead of JSON
            no jobOpening  | {"result": {"formFields": {}}}        | no "result.jobOpening" object
            opening array  | {"result": {"jobOpening": []}}        | no "result.jobOpening" object
            """)
    void readDetail_whenTheAnswerIsNotADetail_isUnreadable(String what, String body, String problem) {
        ListingPage page = detail("https://cedarloop.bamboohr.com/careers/41/detail", body);
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).contains(problem);
    }

    @Test
    void isDetail_tellsADetailFromTheList() {
        assertThat(board().isDetail(page(LIST, "{\"result\": {\"jobOpening\": {}}}"))).isTrue();
        assertThat(board().isDetail(page(LIST, "{\"result\": []}"))).isFalse();
        assertThat(board().isDetail(page(LIST, "<html></html>"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            remote setting       | {"locationType": "1"}                    | true
            hybrid setting       | {"locationType": "2", "isRemote": null}   | false
            flag true            | {"isRemote": true}                       | true
            flag yes             | {"isRemote": "Yes"}                      | true
            flag one             | {"isRemote": 1}                          | true
            flag no              | {"isRemote": "no"}                       | false
            flag zero            | {"isRemote": 0, "locationType": 0}       | false
            nothing              | {}                                       | false
            """)
    void remote_readsTheSettingAndTheFlagInAnyType(String what, String json, boolean remote) throws Exception {
        assertThat(BambooHrAdapter.BambooHrBoard.remote(Json.mapper().readTree(json))).isEqualTo(remote);
    }

    @Test
    void recognises_theListAndTheDetailShapes() throws Exception {
        BambooHrAdapter adapter = new BambooHrAdapter();
        JsonNode list = Json.mapper().readTree("{\"result\": [{\"id\": \"1\", \"jobOpeningName\": \"X\"}]}");
        JsonNode detail = Json.mapper().readTree("{\"result\": {\"jobOpening\": {}}}");
        JsonNode other = Json.mapper().readTree("{\"result\": [{\"id\": \"1\", \"title\": \"X\"}]}");
        assertThat(adapter.recognises(list)).isTrue();
        assertThat(adapter.recognises(detail)).isTrue();
        assertThat(adapter.recognises(other)).isFalse();
    }

    private Board board() {
        return adapters.detect(URI.create("https://cedarloop.bamboohr.com/careers")).orElseThrow();
    }

    private ListingPage listing(String body) {
        return board().readListing(board().firstPage(Map.of()), page(LIST, body), new Extraction(page(LIST, body)));
    }

    private ListingPage detail(String url, String body) {
        return board().readDetail(page(url, body), new Extraction(page(url, body)));
    }

    private static PageContent page(String url, String body) {
        return new PageContent(url, "application/json", body, FETCHED);
    }
}
