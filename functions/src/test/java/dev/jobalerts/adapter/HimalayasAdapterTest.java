package dev.jobalerts.adapter;

import static dev.jobalerts.adapter.BoardAnswers.after;
import static dev.jobalerts.adapter.BoardAnswers.detect;
import static dev.jobalerts.adapter.BoardAnswers.detectIfAny;
import static dev.jobalerts.adapter.BoardAnswers.first;
import static dev.jobalerts.adapter.BoardAnswers.json;
import static dev.jobalerts.adapter.BoardAnswers.postings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.source.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HimalayasAdapterTest {
    private static final String API = "https://himalayas.app/jobs/api";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://himalayas.app/jobs                               | https://himalayas.app/jobs/api?limit=20&offset=0
            https://himalayas.app/jobs/python?experience=senior      | https://himalayas.app/jobs/api?limit=20&offset=0
            https://himalayas.app/                                   | https://himalayas.app/jobs/api?limit=20&offset=0
            https://himalayas.app/jobs/api                           | https://himalayas.app/jobs/api?limit=20&offset=0
            https://himalayas.app/jobs/api?limit=100&offset=400      | https://himalayas.app/jobs/api?limit=20&offset=0
            """)
    void detect_readsCareersAndApiUrlsFromTheFirstOffset(String url, String request) {
        Board board = detect(url);
        assertThat(board.kind()).isEqualTo(SourceKind.HIMALAYAS);
        assertThat(board.firstPage(Map.of()).url()).hasToString(request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://himalayas.app/companies/fernhill", "https://acme.example/jobs/api"})
    void detect_whenNotHimalayasJobsBoard_isNoFamilys(String url) {
        assertThat(detectIfAny(url)).isEmpty();
    }

    @Test
    void readListing_asksForTheNextOffset_untilTheTotalIsReached() {
        Board board = detect(API);
        ListingPage page = first(board, answer(45, jobs(0, 20)));
        assertThat(page.total()).isEqualTo(45);
        assertThat(page.next().url()).hasToString(API + "?limit=20&offset=20");
        ListingPage second = after(board, page.next(), answer(45, jobs(20, 20)));
        assertThat(second.next().url()).hasToString(API + "?limit=20&offset=40");
        ListingPage last = after(board, second.next(), answer(45, jobs(40, 5)));
        assertThat(last.next()).isNull();
    }

    @Test
    void readListing_whenAPageIsEmpty_stops_andWithoutATotalGoesOnWhileJobsCome() {
        Board board = detect(API);
        assertThat(first(board, answer(null, jobs(0, 3))).next().position()).isEqualTo(3);
        assertThat(first(board, answer(900)).next()).isNull();
    }

    @Test
    void readListing_readsAnnualPay_locationsOfEitherShape_andItsIds() {
        List<Posting> postings = postings(detect(API), first(detect(API), answer(2,
                job(1).replace("\"locationRestrictions\": []", "\"locationRestrictions\": [{\"name\": \"Canada\"}, \"Mexico\"]"),
                job(2).replace("\"minSalary\": 90000", "\"minSalary\": null").replace("\"maxSalary\": 120000", "\"maxSalary\": 0"))));
        assertThat(postings).extracting(Posting::id).containsExactly("himalayas:acme:job-1", "himalayas:acme:job-2");
        assertThat(postings.get(0).location()).isEqualTo("Canada; Mexico");
        assertThat(postings.get(0).salary()).isEqualTo(new Salary(90000.0, 120000.0, "USD", "YEAR"));
        assertThat(postings.get(1).salary()).isNull();
        assertThat(postings).allSatisfy(p -> assertThat(p.remote()).isTrue());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<!DOCTYPE html><title>Just a moment...</title>", "{\"totalCount\": 3}", "{\"jobs\": {}}",
            "{\"jobs\": [{\"name\": \"renamed\"}], \"totalCount\": 1}"})
    void readListing_whenTheAnswerIsNotHimalayasJobList_isUnreadable(String body) {
        assertThat(first(detect(API), body).readable()).isFalse();
    }

    @Test
    void recognises_himalayasAnswers() {
        assertThat(new HimalayasAdapter().recognises(json(answer(1, job(1))))).isTrue();
        assertThat(new HimalayasAdapter().recognises(json("{\"jobs\": [{\"title\": \"x\"}]}"))).isFalse();
    }

    private static String answer(Integer total, String... jobs) {
        return "{\"offset\": 0, \"limit\": 20, " + (total == null ? "" : "\"totalCount\": " + total + ", ") + "\"jobs\": ["
                + String.join(",", jobs) + "]}";
    }

    private static String[] jobs(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(HimalayasAdapterTest::job).toArray(String[]::new);
    }

    private static String job(int n) {
        return "{\"title\": \"Engineer " + n + "\", \"companyName\": \"Acme\", \"companySlug\": \"acme\", \"employmentType\": \"Full Time\","
                + " \"minSalary\": 90000, \"maxSalary\": 120000, \"currency\": \"USD\", \"locationRestrictions\": [],"
                + " \"description\": \"<p>Work.</p>\", \"pubDate\": 1775715000, \"applicationLink\": \"https://acme.example/apply/" + n + "\","
                + " \"guid\": \"https://himalayas.app/companies/acme/jobs/job-" + n + "\"}";
    }
}
