package dev.jobalerts.adapter;

import static dev.jobalerts.adapter.BoardAnswers.after;
import static dev.jobalerts.adapter.BoardAnswers.detect;
import static dev.jobalerts.adapter.BoardAnswers.first;
import static dev.jobalerts.adapter.BoardAnswers.json;
import static dev.jobalerts.adapter.BoardAnswers.postings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArbeitnowAdapterTest {
    private static final String API = "https://www.arbeitnow.com/api/job-board-api";
    private final ArbeitnowAdapter adapter = new ArbeitnowAdapter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.arbeitnow.com/                                              | https://www.arbeitnow.com/api/job-board-api
            https://arbeitnow.com/jobs/companies/acme/backend-dev-berlin-1          | https://www.arbeitnow.com/api/job-board-api
            https://www.arbeitnow.com/?search=java&remote=true                      | https://www.arbeitnow.com/api/job-board-api
            https://www.arbeitnow.com/api/job-board-api                             | https://www.arbeitnow.com/api/job-board-api
            http://127.0.0.1:8089/api/job-board-api                                 | http://127.0.0.1:8089/api/job-board-api
            """)
    void detect_readsCareersAndApiUrlsThroughTheApi(String url, String request) {
        Board board = detect(url);
        assertThat(board.kind()).isEqualTo(SourceKind.ARBEITNOW);
        assertThat(board.firstPage(Map.of()).url()).hasToString(request);
    }

    @Test
    void board_whenNeitherArbeitnowNorItsApi_isEmpty() {
        assertThat(adapter.board(URI.create("https://acme.example/api/jobs"))).isEmpty();
    }

    @Test
    void readListing_followsTheNextLink_onTheHostItReads() {
        Board board = detect("http://127.0.0.1:8089/api/job-board-api");
        ListingPage page = first(board, page("https://www.arbeitnow.com/api/job-board-api?page=2", job("a-1", true)));
        assertThat(page.next().url()).hasToString("http://127.0.0.1:8089/api/job-board-api?page=2");
        assertThat(page.next().position()).isEqualTo(2);
        assertThat(page.next().headers()).containsEntry("Accept", "application/json");
    }

    @Test
    void readListing_whenTheNextLinkIsNull_isTheLastPage() {
        Board board = detect(API);
        ListingPage second = after(board, board.firstPage(Map.of()).withUrl(URI.create(API + "?page=2")).at(2), page(null, job("b-2", false)));
        assertThat(second.readable()).isTrue();
        assertThat(second.next()).isNull();
    }

    @Test
    void readListing_whenAPageIsEmpty_stopsEvenIfALinkFollows() {
        ListingPage page = first(detect(API), page(API + "?page=9"));
        assertThat(page.entries()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_whenTheNextLinkRepeatsThisPage_stops() {
        ListingPage page = first(detect(API), page(API, job("c-3", true)));
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_keepsTheBoardsOwnRemoteFlag() {
        List<Posting> postings = postings(detect(API), first(detect(API), page(null, job("onsite-1", false), job("remote-2", true))));
        assertThat(postings).extracting(Posting::id).containsExactly("arbeitnow:onsite-1", "arbeitnow:remote-2");
        assertThat(postings).extracting(Posting::remote).containsExactly(false, true);
        assertThat(postings.get(0).employmentType()).isEqualTo("FULL_TIME");
        assertThat(postings.get(0).datePosted()).isEqualTo("2026-04-07");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<!DOCTYPE html><html><body>429 Too Many Requests</body></html>", "{\"data\": {\"slug\": \"x\"}}",
            "{\"jobs\": []}", "{\"data\": [{\"slug\": \"x\", \"name\": \"renamed\"}], \"links\": {}}"})
    void readListing_whenTheAnswerIsNotArbeitnowsPage_isUnreadable(String body) {
        assertThat(first(detect(API), body).readable()).isFalse();
    }

    @Test
    void recognises_arbeitnowsPages() {
        assertThat(adapter.recognises(json(page(null, job("x", true))))).isTrue();
        assertThat(adapter.recognises(json("{\"data\": [{\"id\": 1}], \"links\": {}}"))).isFalse();
    }

    private static String page(String next, String... jobs) {
        return "{\"data\": [" + String.join(",", jobs) + "], \"links\": {\"next\": " + (next == null ? "null" : "\"" + next + "\"")
                + "}, \"meta\": {\"current_page\": 1, \"per_page\": 100}}";
    }

    private static String job(String slug, boolean remote) {
        return "{\"slug\": \"" + slug + "\", \"company_name\": \"Spreewerk\", \"title\": \"Entwickler " + slug + "\", \"remote\": " + remote
                + ", \"url\": \"https://www.arbeitnow.com/jobs/companies/spreewerk/" + slug + "\", \"job_types\": [\"Vollzeit\"],"
                + " \"location\": \"Berlin\", \"created_at\": 1775571600, \"description\": \"<p>Java.</p>\"}";
    }
}
