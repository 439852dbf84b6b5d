package dev.jobalerts.adapter;

import static dev.jobalerts.adapter.BoardAnswers.detect;
import static dev.jobalerts.adapter.BoardAnswers.first;
import static dev.jobalerts.adapter.BoardAnswers.json;
import static dev.jobalerts.adapter.BoardAnswers.postings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.PostingDraft;
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

class RemotiveAdapterTest {
    private final RemotiveAdapter adapter = new RemotiveAdapter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://remotive.com/remote-jobs                                         | https://remotive.com/api/remote-jobs
            https://remotive.com/                                                    | https://remotive.com/api/remote-jobs
            https://remotive.com/remote-jobs/software-dev                            | https://remotive.com/api/remote-jobs?category=software-dev
            https://www.remotive.com/remote-jobs/design/product-designer-2091122     | https://remotive.com/api/remote-jobs?category=design
            https://remotive.io/remote-jobs/data?query=machine%20learning            | https://remotive.com/api/remote-jobs?category=data&search=machine%20learning
            https://remotive.com/remote-jobs?search=rust                             | https://remotive.com/api/remote-jobs?search=rust
            https://remotive.com/api/remote-jobs?category=devops&limit=50            | https://remotive.com/api/remote-jobs?category=devops&limit=50
            http://127.0.0.1:8089/api/remote-jobs?search=go                          | http://127.0.0.1:8089/api/remote-jobs?search=go
            """)
    void detect_readsCareersAndApiUrlsThroughTheApiWithTheirFilters(String url, String request) {
        Board board = detect(url);
        assertThat(board.kind()).isEqualTo(SourceKind.REMOTIVE);
        assertThat(board.firstPage(Map.of()).url()).hasToString(request);
        assertThat(board.firstPage(Map.of()).method()).isEqualTo("GET");
        assertThat(board.conditional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://remotive.com/remote-companies/acme", "https://remotive.com/api/remote-jobs/categories",
            "https://acme.example/remote-jobs/software-dev"})
    void board_whenNotARemotiveListing_isEmpty(String url) {
        assertThat(adapter.board(URI.create(url))).isEmpty();
    }

    @Test
    void readListing_readsEveryJob_andIsTheLastPage() {
        ListingPage page = first(detect("https://remotive.com/remote-jobs/software-dev"), """
                {"0-legal-notice": "Link back to Remotive.", "job-count": 1, "jobs": [
                  {"id": 501, "url": "https://remotive.com/remote-jobs/software-dev/dev-501", "title": "Go Developer",
                   "company_name": "Fjordline", "job_type": "full_time", "publication_date": "2026-04-02T10:00:00",
                   "candidate_required_location": "Europe", "salary": "$50k - $70k a year", "description": "<p>Go.</p>"}]}
                """);
        assertThat(page.readable()).isTrue();
        assertThat(page.next()).isNull();
        Posting posting = postings(detect("https://remotive.com/"), page).get(0);
        assertThat(posting.id()).isEqualTo("remotive:501");
        assertThat(posting.remote()).isTrue();
        assertThat(posting.employmentType()).isEqualTo("FULL_TIME");
        assertThat(posting.salary()).isEqualTo(new Salary(50000.0, 70000.0, "USD", "YEAR", true));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<!doctype html><html><body>Just a moment…</body></html>", "", "{\"jobs\": {\"id\": 1}}",
            "{\"job-count\": 0}", "{\"jobs\": [{\"id\": 1, \"name\": \"Renamed title\"}]}", "[1, 2"})
    void readListing_whenTheAnswerIsNotRemotivesJobList_isUnreadable(String body) {
        ListingPage page = first(detect("https://remotive.com/"), body);
        assertThat(page.readable()).isFalse();
        assertThat(page.entries()).isEmpty();
    }

    @Test
    void readListing_skipsItemsThatAreNotJobs_andInventsNone() {
        ListingPage page = first(detect("https://remotive.com/"), """
                {"jobs": ["notice", 42, null, {"id": 7, "title": "Designer", "company_name": ["not", "text"], "url": "https://remotive.com/x-7"}]}
                """);
        List<Posting> postings = postings(detect("https://remotive.com/"), page);
        assertThat(postings).extracting(Posting::id).containsExactly("remotive:7");
        assertThat(postings.get(0).company()).isEmpty();
    }

    @Test
    void recognises_remotivesAnswer_notOthers() {
        assertThat(adapter.recognises(json("{\"0-legal-notice\": \"x\", \"job-count\": 0, \"jobs\": []}"))).isTrue();
        assertThat(adapter.recognises(json("{\"apiVersion\": \"1\", \"jobs\": []}"))).isFalse();
    }
}
