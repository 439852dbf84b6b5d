package dev.jobalerts.adapter;

import static dev.jobalerts.adapter.BoardAnswers.after;
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

class JobicyAdapterTest {
    private static final String API = "https://jobicy.com/api/v2/remote-jobs";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://jobicy.com/jobs                                                      | https://jobicy.com/api/v2/remote-jobs?count=100
            https://jobicy.com/                                                          | https://jobicy.com/api/v2/remote-jobs?count=100
            https://jobicy.com/jobs?search_keywords=product%20designer&search_region=usa | https://jobicy.com/api/v2/remote-jobs?tag=product%20designer&geo=usa&count=100
            https://jobicy.com/jobs?q=qa                                                 | https://jobicy.com/api/v2/remote-jobs?count=100
            https://jobicy.com/jobs/feed?job_categories=supporting,seo&job_types=full-time | https://jobicy.com/api/v2/remote-jobs?industry=supporting&count=100
            https://jobicy.com/api/v2/remote-jobs?geo=europe&industry=engineering        | https://jobicy.com/api/v2/remote-jobs?geo=europe&industry=engineering&count=100
            https://jobicy.com/api/v2/remote-jobs?count=20&tag=python&cursor=abc         | https://jobicy.com/api/v2/remote-jobs?count=20&tag=python
            http://127.0.0.1:8089/api/v2/remote-jobs?geo=usa                             | http://127.0.0.1:8089/api/v2/remote-jobs?geo=usa&count=100
            """)
    void detect_readsCareersAndApiUrlsThroughTheApiWithTheirFilters(String url, String request) {
        Board board = detect(url);
        assertThat(board.kind()).isEqualTo(SourceKind.JOBICY);
        assertThat(board.firstPage(Map.of()).url()).hasToString(request);
    }

    @Test
    void readListing_whenACursorFollows_asksForTheSameFiltersWithTheCursor() {
        Board board = detect("https://jobicy.com/jobs?search_region=usa");
        ListingPage page = first(board, answer("\"nextCursor\": \"c+2/x\", \"hasMore\": true", job(1)));
        assertThat(page.next().url()).hasToString(API + "?geo=usa&count=100&cursor=c%2B2%2Fx");
        assertThat(page.next().position()).isEqualTo(1);
        ListingPage last = after(board, page.next(), answer("\"nextCursor\": null, \"hasMore\": false", job(2)));
        assertThat(last.next()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"nextCursor\": \"c3\", \"hasMore\": false", "\"nextCursor\": null", "\"jobCount\": 1"})
    void readListing_withoutACursorToFollow_isTheLastPage(String paging) {
        assertThat(first(detect(API), answer(paging, job(1))).next()).isNull();
    }

    @Test
    void readListing_readsTheStatedSalaryWithItsPeriod_andNoneWithout() {
        List<Posting> postings = postings(detect(API), first(detect(API), answer("\"nextCursor\": null",
                job(1).replace("}", ", \"salaryMin\": 30, \"salaryMax\": 40, \"salaryCurrency\": \"USD\", \"salaryPeriod\": \"hourly\"}"),
                job(2).replace("}", ", \"salaryMin\": 70000, \"salaryCurrency\": \"USD\"}"),
                job(3).replace("}", ", \"annualSalaryMin\": \"80000\", \"annualSalaryMax\": \"95000\", \"salaryCurrency\": \"EUR\"}"))));
        assertThat(postings).extracting(Posting::salary).containsExactly(new Salary(30.0, 40.0, "USD", "HOUR"), null,
                new Salary(80000.0, 95000.0, "EUR", "YEAR"));
        assertThat(postings).allSatisfy(p -> assertThat(p.remote()).isTrue());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<html><body>Forbidden</body></html>", "{\"success\": false, \"error\": \"Invalid cursor.\"}",
            "{\"jobs\": \"none\"}", "{\"jobs\": [{\"id\": 1, \"title\": \"renamed\"}]}"})
    void readListing_whenTheAnswerIsNotJobicysJobList_isUnreadable(String body) {
        assertThat(first(detect(API), body).readable()).isFalse();
    }

    @Test
    void recognises_jobicysAnswers_whichAshbysShapeTestWouldAlsoTake() {
        assertThat(new JobicyAdapter().recognises(json(answer("\"nextCursor\": null", job(1))))).isTrue();
        Board board = new Adapters().boardToRead(ReadSpec.ofSettings(json("{}"), "https://mirror.example/feed.json"),
                "https://mirror.example/feed.json", json(answer("\"nextCursor\": null", job(1))));
        assertThat(board.kind()).isEqualTo(SourceKind.JOBICY);
        String ashby = "{\"apiVersion\": \"1\", \"jobs\": [{\"id\": \"0f1e\", \"title\": \"Dev\", \"jobUrl\": \"https://jobs.ashbyhq.com/a/0f1e\"}]}";
        assertThat(new Adapters().boardToRead(ReadSpec.ofSettings(json("{}"), "https://mirror.example/a.json"), "https://mirror.example/a.json",
                json(ashby)).kind()).isEqualTo(SourceKind.ASHBY);
    }

    @Test
    void board_whenNotJobicy_isEmpty() {
        assertThat(new JobicyAdapter().board(URI.create("https://remotive.com/api/remote-jobs"))).isEmpty();
    }

    private static String answer(String paging, String... jobs) {
        return "{\"apiVersion\": \"2.2.18\", \"jobCount\": " + jobs.length + ", " + paging + ", \"jobs\": [" + String.join(",", jobs) + "]}";
    }

    private static String job(int id) {
        return "{\"id\": " + id + ", \"url\": \"https://jobicy.com/jobs/" + id + "-qa\", \"jobTitle\": \"QA Engineer " + id
                + "\", \"companyName\": \"Marlowe\", \"jobType\": [\"Full-Time\"], \"jobGeo\": \"USA\", \"pubDate\": \"2026-04-09T16:00:00+00:00\","
                + " \"jobDescription\": \"<p>Tests.</p>\"}";
    }
}
