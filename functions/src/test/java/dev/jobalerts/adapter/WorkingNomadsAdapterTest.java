package dev.jobalerts.adapter;

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

class WorkingNomadsAdapterTest {
    private static final String API = "https://www.workingnomads.com/api/exposed_jobs/";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.workingnomads.com/jobs                              | https://www.workingnomads.com/api/exposed_jobs/
            https://www.workingnomads.com/remote-development-jobs           | https://www.workingnomads.com/api/exposed_jobs/
            https://workingnomads.com/jobs?category=marketing               | https://www.workingnomads.com/api/exposed_jobs/
            https://www.workingnomads.co/jobs                               | https://www.workingnomads.com/api/exposed_jobs/
            https://www.workingnomads.com/api/exposed_jobs/                 | https://www.workingnomads.com/api/exposed_jobs/
            http://127.0.0.1:8089/api/exposed_jobs/                         | http://127.0.0.1:8089/api/exposed_jobs/
            """)
    void detect_readsCareersAndApiUrlsThroughTheApi(String url, String request) {
        Board board = detect(url);
        assertThat(board.kind()).isEqualTo(SourceKind.WORKINGNOMADS);
        assertThat(board.firstPage(Map.of()).url()).hasToString(request);
        assertThat(board.conditional()).isTrue();
    }

    @Test
    void board_whenNotWorkingNomads_isEmpty() {
        assertThat(new WorkingNomadsAdapter().board(URI.create("https://acme.example/api/jobs"))).isEmpty();
    }

    @Test
    void readListing_takesTheIdFromTheRedirectLink_andIsOnePage() {
        ListingPage page = first(detect(API), "[" + job("https://www.workingnomads.com/job/go/1902311/", "Android Developer") + ","
                + job("https://www.workingnomads.com/jobs/android-dev-acme", "Android Developer II") + "]");
        assertThat(page.next()).isNull();
        List<Posting> postings = postings(detect(API), page);
        assertThat(postings).extracting(Posting::id)
                .containsExactly("workingnomads:1902311", "https://www.workingnomads.com/jobs/android-dev-acme");
        assertThat(postings.get(0).datePosted()).isEqualTo("2026-04-08");
        assertThat(postings).allSatisfy(p -> assertThat(p.remote()).isTrue());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<html><body>Server Error</body></html>", "{\"jobs\": []}", "[{\"url\": \"x\", \"name\": \"renamed\"}]"})
    void readListing_whenTheAnswerIsNotWorkingNomadsList_isUnreadable(String body) {
        assertThat(first(detect(API), body).readable()).isFalse();
    }

    @Test
    void readListing_skipsStrayItems_andInventsNothing() {
        List<Posting> postings = postings(detect(API), first(detect(API), "[null, \"x\", " + job("https://www.workingnomads.com/job/go/5/", "") + "]"));
        assertThat(postings).isEmpty();
    }

    @Test
    void recognises_workingNomadsArrays() {
        assertThat(new WorkingNomadsAdapter().recognises(json("[" + job("https://www.workingnomads.com/job/go/5/", "Dev") + "]"))).isTrue();
        assertThat(new WorkingNomadsAdapter().recognises(json("[{\"title\": \"Dev\"}]"))).isFalse();
    }

    private static String job(String url, String title) {
        return "{\"url\": \"" + url + "\", \"title\": \"" + title + "\", \"description\": \"<p>Kotlin.</p>\", \"company_name\": \"Larkspur\","
                + " \"category_name\": \"Development\", \"tags\": \"kotlin,android\", \"location\": \"WORLDWIDE\","
                + " \"pub_date\": \"2026-04-08T22:30:00-04:00\"}";
    }
}
