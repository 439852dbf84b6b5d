package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceReaderTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private final SourceReader reader = new SourceReader();

    private ExtractionResult read(String url, String contentType, String body) {
        return reader.read(new PageContent(url, contentType, body, FETCHED), ReadSpec.any(SourceDefinition.of("s", url.startsWith("http") ? url : "https://x.example/", SourceKind.AUTO)));
    }

    @Test
    void read_whenApiJsonIsTruncated_warnsInsteadOfThrowing() {
        ExtractionResult result = read("https://api.lever.co/v0/postings/acme?mode=json", "application/json", "[{\"id\":\"1\",\"text\":");
        assertThat(result.postings()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().startsWith("Lever answered with malformed JSON");
    }

    @Test
    void read_whenApiAnswersHtml_saysSoInsteadOfFindingNothing() {
        ExtractionResult result = read("https://boards-api.greenhouse.io/v1/boards/acme/jobs", "text/html",
                "<!DOCTYPE html><html><body><form>Sign in</form></body></html>");
        assertThat(result.postings()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("HTML page instead of JSON");
    }

    @Test
    void read_whenApiSchemaChanged_namesTheMissingMember() {
        ExtractionResult result = read("https://boards-api.greenhouse.io/v1/boards/acme/jobs", "application/json", "{\"postings\":[]}");
        assertThat(result.warnings()).singleElement().asString().contains("no \"jobs\" array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[", "<", "<?xml", "<rss><channel><item><title>", "<feed><entry>",
            "\u0000\u0001\u0002", "{\"jobs\":[null, 1, \"x\", {\"id\":{}}]}", "[{\"hostedUrl\":5,\"text\":[]}]",
            "{\"apiVersion\":\"1\",\"jobs\":[{\"jobUrl\":null,\"title\":{}}]}", "{\"jobPostings\":[null,{\"externalPath\":7}],\"total\":\"x\"}",
            "{\"jobPostingInfo\":[]}", "{\"jobPostingInfo\":{\"title\":{},\"additionalLocations\":{}}}",
            "<script type=application/ld+json>{\"@type\":\"JobPosting\",\"title\":{\"a\":1},\"jobLocation\":[[[]]]}</script>",
            "<div itemscope itemtype=JobPosting><div itemprop=title itemscope>x</div></div>"})
    void read_onGarbage_neverThrows(String body) {
        for (String url : List.of("", "not a url", "https://boards-api.greenhouse.io/v1/boards/a/jobs", "https://jobs.ashbyhq.com/a",
                "https://acme.wd5.myworkdayjobs.com/External", "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/job/x")) {
            for (String type : List.of("application/json", "text/html")) {
                assertThatCode(() -> read(url, type, body)).as(url).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void read_onEveryTruncationOfEveryFixture_neverThrows() {
        Random random = new Random(42);
        for (FixtureCorpus.Fixture fixture : FixtureCorpus.load().fixtures()) {
            String body = fixture.page().body();
            for (int i = 0; i < 12; i++) {
                String cut = body.substring(0, random.nextInt(body.length() + 1));
                PageContent page = new PageContent(fixture.page().url(), fixture.page().contentType(), cut, FETCHED);
                assertThatCode(() -> reader.read(page, fixture.spec())).as(fixture.name()).doesNotThrowAnyException();
            }
        }
    }
}
