package dev.jobalerts.adapter;

import static dev.jobalerts.adapter.BoardAnswers.detect;
import static dev.jobalerts.adapter.BoardAnswers.first;
import static dev.jobalerts.adapter.BoardAnswers.json;
import static dev.jobalerts.adapter.BoardAnswers.postings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteOkAdapterTest {
    private static final String LEGAL = "{\"last_updated\": 1775715000, \"legal\": \"Link back to Remote OK.\"}";
    private final RemoteOkAdapter adapter = new RemoteOkAdapter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://remoteok.com/                                                   | https://remoteok.com/api
            https://remoteok.com/remote-dev-jobs                                    | https://remoteok.com/api?tag=dev
            https://remoteok.com/remote-machine-learning-jobs                       | https://remoteok.com/api?tag=machine-learning
            https://remoteok.com/remote-react+typescript-jobs                       | https://remoteok.com/api?tag=react
            https://remoteok.io/remote-python-jobs                                  | https://remoteok.com/api?tag=python
            https://remoteok.com/remote-jobs/remote-rust-engineer-tidewater-1133901 | https://remoteok.com/api
            https://remoteok.com/api                                                | https://remoteok.com/api
            https://remoteok.com/api?tag=golang                                     | https://remoteok.com/api?tag=golang
            https://remoteok.io/api                                                 | https://remoteok.io/api
            """)
    void detect_readsCareersAndApiUrlsThroughTheApiWithTheirTag(String url, String request) {
        Board board = detect(url);
        assertThat(board.kind()).isEqualTo(SourceKind.REMOTEOK);
        assertThat(board.firstPage(Map.of()).url()).hasToString(request);
        assertThat(board.conditional()).isTrue();
    }

    @Test
    void board_onAnotherHost_isNotRemoteOk_butTheNamedKindReadsTheUrlAsItsApi() {
        assertThat(adapter.board(URI.create("https://acme.example/api"))).isEmpty();
        assertThat(adapter.boardAt(URI.create("http://127.0.0.1:8089/api?tag=dev")).orElseThrow().firstPage(Map.of()).url())
                .hasToString("http://127.0.0.1:8089/api?tag=dev");
    }

    @Test
    void readListing_neverMakesThePostingOfTheLegalNotice() {
        ListingPage page = first(detect("https://remoteok.com/"), "[" + LEGAL + """
                , {"id": "77", "position": "Rust Engineer", "company": "Tidewater", "url": "https://remoteok.com/remote-jobs/77",
                   "date": "2026-04-07T14:20:00+00:00", "salary_min": 100000, "salary_max": 0, "location": null}]
                """);
        List<Posting> postings = postings(detect("https://remoteok.com/"), page);
        assertThat(postings).extracting(Posting::id).containsExactly("remoteok:77");
        assertThat(postings.get(0).salary()).isEqualTo(new Salary(100000.0, null, "USD", "YEAR"));
        assertThat(postings.get(0).remote()).isTrue();
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_whenOnlyTheNoticeCame_isAnEmptyListing() {
        ListingPage page = first(detect("https://remoteok.com/remote-cobol-jobs"), "[" + LEGAL + "]");
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<html><head><title>Attention Required</title></head></html>", "{\"jobs\": []}",
            "[{\"legal\": \"x\"}, {\"id\": \"1\", \"title\": \"Renamed position\"}]", "   "})
    void readListing_whenTheAnswerIsNotRemoteOksArray_isUnreadable(String body) {
        ListingPage page = first(detect("https://remoteok.com/"), body);
        assertThat(page.readable()).isFalse();
    }

    @Test
    void readListing_skipsStrayItems_andZeroSalariesAreNone() {
        ListingPage page = first(detect("https://remoteok.com/"), "[" + LEGAL + """
                , "ad", {"id": 5, "position": "Designer", "salary_min": 0, "salary_max": 0, "epoch": 1775206800}]
                """);
        List<Posting> postings = postings(detect("https://remoteok.com/"), page);
        assertThat(postings).hasSize(1);
        assertThat(postings.get(0).salary()).isNull();
        assertThat(postings.get(0).datePosted()).isEqualTo("2026-04-03");
    }

    @Test
    void recognises_anArrayOpeningWithTheLegalNotice_notLeversPostings() {
        assertThat(adapter.recognises(json("[" + LEGAL + "]"))).isTrue();
        assertThat(adapter.recognises(json("[{\"hostedUrl\": \"https://jobs.lever.co/a/1\", \"text\": \"Dev\"}]"))).isFalse();
    }
}
