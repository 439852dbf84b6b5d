package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which family a URL a person pastes belongs to, and which request reads it: the table behind {@code sources add}. */
class AdaptersTest {
    private final Adapters adapters = new Adapters();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://boards.greenhouse.io/acme                                    | greenhouse | GET  | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://boards.greenhouse.io/acme/jobs/12345?gh_src=x                | greenhouse | GET  | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://job-boards.greenhouse.io/acme                                | greenhouse | GET  | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://boards.greenhouse.io/embed/job_board?for=acme&b=https        | greenhouse | GET  | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true    | greenhouse | GET  | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://jobs.lever.co/acme                                           | lever      | GET  | https://api.lever.co/v0/postings/acme?mode=json
            https://jobs.lever.co/acme/7c1e2f4a-93b0-4d5e-8a61-0f2b3c4d5e6f      | lever      | GET  | https://api.lever.co/v0/postings/acme?mode=json
            https://jobs.eu.lever.co/acme                                        | lever      | GET  | https://api.eu.lever.co/v0/postings/acme?mode=json
            https://api.lever.co/v0/postings/acme?mode=json                      | lever      | GET  | https://api.lever.co/v0/postings/acme?mode=json
            https://jobs.ashbyhq.com/acme                                        | ashby      | GET  | https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true
            https://jobs.ashbyhq.com/acme/0f1e2d3c-4b5a-4697-8877-665544332211   | ashby      | GET  | https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true
            https://api.ashbyhq.com/posting-api/job-board/acme                   | ashby      | GET  | https://api.ashbyhq.com/posting-api/job-board/acme
            https://nielsen.wd1.myworkdayjobs.com/en-US/Careers                  | workday    | POST | https://nielsen.wd1.myworkdayjobs.com/wday/cxs/nielsen/Careers/jobs
            https://nielsen.wd1.myworkdayjobs.com/Careers/job/Chicago/Analyst_R1 | workday    | POST | https://nielsen.wd1.myworkdayjobs.com/wday/cxs/nielsen/Careers/jobs
            https://wd3.myworkdaysite.com/recruiting/acme/External               | workday    | POST | https://wd3.myworkdaysite.com/wday/cxs/acme/External/jobs
            http://127.0.0.1:8089/wday/cxs/acme/External/jobs                    | workday    | POST | http://127.0.0.1:8089/wday/cxs/acme/External/jobs
            """)
    void detect_recognisesCareersAndApiUrls(String url, String kind, String method, String request) {
        Board board = adapters.detect(URI.create(url)).orElseThrow();
        assertThat(board.kind()).isEqualTo(SourceKind.of(kind));
        ApiRequest first = board.firstPage(Map.of());
        assertThat(first.method()).isEqualTo(method);
        assertThat(first.url()).hasToString(request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example/careers", "https://boards.greenhouse.io/", "https://jobs.lever.co",
            "https://acme.wd5.myworkdayjobs.com/", "https://myworkdayjobs.com/acme"})
    void detect_whenNotABoardOfAnyFamily_isEmpty(String url) {
        assertThat(adapters.detect(URI.create(url))).isEmpty();
    }

    @Test
    void board_whenNoFamilyClaimsTheUrl_readsItAsAPage() {
        Board board = adapters.board(SourceDefinition.of("x", "https://acme.example/careers", SourceKind.AUTO));
        assertThat(board).isInstanceOf(PageBoard.class);
        assertThat(board.conditional()).isTrue();
    }

    @Test
    void board_whenKindIsNamedButTheFamilyNeedsMoreThanTheUrl_saysWhichUrlsItTakes() {
        assertThatThrownBy(() -> adapters.board(SourceDefinition.of("x", "https://acme.example/careers", SourceKind.WORKDAY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("myworkdayjobs.com");
    }

    @Test
    void workday_carriesTheCareersSearchAndFacetsIntoTheListingRequest() {
        Board board = adapters.detect(URI.create("https://acme.wd5.myworkdayjobs.com/en-US/External?q=data%20engineer&locations=abc&locations=def")).orElseThrow();
        assertThat(board.firstPage(Map.of()).body())
                .isEqualTo("{\"appliedFacets\":{\"locations\":[\"abc\",\"def\"]},\"limit\":20,\"offset\":0,\"searchText\":\"data engineer\"}");
        assertThat(board.label()).isEqualTo("acme / External \"data engineer\"");
    }

    @Test
    void check_whenCredentialsAreNamedForAFamilyThatTakesNone_namesTheField() {
        SourceDefinition source = new SourceDefinition("x", null, "https://jobs.lever.co/acme", SourceKind.AUTO, null, null, null, null,
                null, Map.of("apiKey", "env:KEY"), null, null, null);
        assertThatThrownBy(() -> adapters.check(source)).hasMessageContaining("credentials.apiKey is not used by lever");
    }
}
