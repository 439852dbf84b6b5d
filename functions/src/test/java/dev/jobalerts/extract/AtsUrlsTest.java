package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AtsUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://boards.greenhouse.io/acme                                    | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://boards.greenhouse.io/acme/jobs/12345?gh_src=x                | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://job-boards.greenhouse.io/acme                                | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://boards.greenhouse.io/embed/job_board?for=acme&b=https        | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://jobs.lever.co/acme                                           | https://api.lever.co/v0/postings/acme?mode=json
            https://jobs.lever.co/acme/7c1e2f4a-93b0-4d5e-8a61-0f2b3c4d5e6f      | https://api.lever.co/v0/postings/acme?mode=json
            https://jobs.eu.lever.co/acme                                        | https://api.eu.lever.co/v0/postings/acme?mode=json
            https://jobs.ashbyhq.com/acme                                        | https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true
            https://jobs.ashbyhq.com/acme/0f1e2d3c-4b5a-4697-8877-665544332211   | https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true
            https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true    | https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
            https://api.lever.co/v0/postings/acme?mode=json                      | https://api.lever.co/v0/postings/acme?mode=json
            https://api.ashbyhq.com/posting-api/job-board/acme                   | https://api.ashbyhq.com/posting-api/job-board/acme
            """)
    void apiUrlFor_resolvesCareersUrlsAndKeepsApiUrls(String url, String api) {
        assertThat(AtsUrls.apiUrlFor(url)).contains(api);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example/careers", "https://boards.greenhouse.io/", "not a url", "", "https://jobs.lever.co"})
    void apiUrlFor_whenNotAnAtsBoard_isEmpty(String url) {
        assertThat(AtsUrls.apiUrlFor(url)).isEmpty();
    }
}
