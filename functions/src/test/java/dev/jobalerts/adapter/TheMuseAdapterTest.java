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

class TheMuseAdapterTest {
    private static final String API = "https://www.themuse.com/api/public/jobs";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.themuse.com/search                                                              | ?page=0&descending=true
            https://www.themuse.com/search/location/remote-flexible/keyword/data                        | ?page=0&descending=true&location=Flexible%20%2F%20Remote
            https://www.themuse.com/search/jobs?search=designer&location=Chicago%2C%20IL                | ?page=0&descending=true&location=Chicago%2C%20IL
            https://www.themuse.com/jobs?category=Data%20Science&level=Senior%20Level&level=Mid%20Level | ?page=0&descending=true&category=Data%20Science&level=Senior%20Level&level=Mid%20Level
            https://www.themuse.com/api/public/jobs?page=4&company=Halcyon%20Books&api_key=secret       | ?page=0&descending=true&company=Halcyon%20Books
            """)
    void detect_readsCareersAndApiUrlsFromPageZero_newestFirst_withTheirFilters(String url, String query) {
        Board board = detect(url);
        assertThat(board.kind()).isEqualTo(SourceKind.THEMUSE);
        assertThat(board.firstPage(Map.of()).url()).hasToString(API + query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.themuse.com/advice/how-to-negotiate", "https://www.themuse.com/"})
    void board_whenNotTheMuseJobSearch_isEmpty(String url) {
        assertThat(new TheMuseAdapter().board(URI.create(url))).isEmpty();
    }

    @Test
    void boardAt_readsAnyHostAsTheApi() {
        Board board = new TheMuseAdapter().boardAt(URI.create("http://127.0.0.1:8089/muse/jobs?category=Sales")).orElseThrow();
        assertThat(board.firstPage(Map.of()).url()).hasToString("http://127.0.0.1:8089/muse/jobs?page=0&descending=true&category=Sales");
    }

    @Test
    void readListing_asksForTheNextPage_untilThePageCount() {
        Board board = detect("https://www.themuse.com/search?category=Sales");
        ListingPage page = first(board, answer(0, 3, job(1, "Chicago, IL")));
        assertThat(page.next().url()).hasToString(API + "?page=1&descending=true&category=Sales");
        ListingPage middle = after(board, page.next(), answer(1, 3, job(2, "Chicago, IL")));
        ListingPage last = after(board, middle.next(), answer(2, 3, job(3, "Chicago, IL")));
        assertThat(middle.next().position()).isEqualTo(2);
        assertThat(last.next()).isNull();
    }

    @Test
    void readListing_whenAPageIsEmpty_isTheLast() {
        assertThat(first(detect(API), answer(0, 50)).next()).isNull();
    }

    @Test
    void readListing_isRemoteOnlyWhereALocationIsFlexibleRemote() {
        List<Posting> postings = postings(detect(API), first(detect(API), answer(0, 1, job(1, "Flexible / Remote"), job(2, "Austin, TX"))));
        assertThat(postings).extracting(Posting::id).containsExactly("themuse:1", "themuse:2");
        assertThat(postings).extracting(Posting::remote).containsExactly(true, false);
        assertThat(postings.get(0).company()).isEqualTo("Halcyon Books");
        assertThat(postings.get(0).datePosted()).isEqualTo("2026-04-09");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<html><body>Rate limited</body></html>", "{\"code\": 400, \"error\": \"page is required\"}",
            "{\"results\": {}, \"page_count\": 1}", "{\"page\": 0, \"page_count\": 1, \"results\": [{\"id\": 1, \"title\": \"renamed\"}]}"})
    void readListing_whenTheAnswerIsNotTheMusesPage_isUnreadable(String body) {
        assertThat(first(detect(API), body).readable()).isFalse();
    }

    @Test
    void recognises_theMusesPages() {
        assertThat(new TheMuseAdapter().recognises(json(answer(0, 1, job(1, "Boston, MA"))))).isTrue();
        assertThat(new TheMuseAdapter().recognises(json("{\"results\": [{\"name\": \"x\"}]}"))).isFalse();
    }

    private static String answer(int page, int pageCount, String... jobs) {
        return "{\"page\": " + page + ", \"page_count\": " + pageCount + ", \"items_per_page\": 20, \"results\": [" + String.join(",", jobs) + "]}";
    }

    private static String job(int id, String location) {
        return "{\"id\": " + id + ", \"name\": \"Engineer " + id + "\", \"contents\": \"<p>Build.</p>\", \"publication_date\": \"2026-04-09T17:02:33Z\","
                + " \"locations\": [{\"name\": \"" + location + "\"}], \"levels\": [{\"name\": \"Mid Level\"}],"
                + " \"company\": {\"id\": 9, \"name\": \"Halcyon Books\"}, \"refs\": {\"landing_page\": \"https://www.themuse.com/jobs/halcyon/" + id + "\"}}";
    }
}
