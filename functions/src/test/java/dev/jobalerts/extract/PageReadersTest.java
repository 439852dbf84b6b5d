package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageReadersTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private final PageReaders extractor = new PageReaders();

    private ExtractionResult extract(String url, String body) {
        return extractor.read(new PageContent(url, "text/html", body, FETCHED), ExtractionConfig.auto());
    }

    private static String jsonLd(String json) {
        return "<html><head><script type=\"application/ld+json\">" + json + "</script></head><body></body></html>";
    }

    @Test
    void extract_whenJsonLdHasGraph_returnsEveryPosting() {
        ExtractionResult result = extract("https://x.example/jobs", jsonLd(
                "{\"@graph\":[{\"@type\":\"JobPosting\",\"title\":\"A\",\"url\":\"/a\"},{\"@type\":\"JobPosting\",\"title\":\"B\",\"url\":\"/b\"}]}"));
        assertThat(result.extractor().id()).isEqualTo("jsonld");
        assertThat(result.postings()).extracting(Posting::id).containsExactly("https://x.example/a", "https://x.example/b");
    }

    @Test
    void extract_whenPostingsShareThePageUrl_keepsThemApartByTitle() {
        ExtractionResult result = extract("https://x.example/jobs", jsonLd(
                "[{\"@type\":\"JobPosting\",\"title\":\"Cook\"},{\"@type\":\"JobPosting\",\"title\":\"Head Chef\"},{\"@type\":\"JobPosting\",\"title\":\"Cook\"}]"));
        assertThat(result.postings()).extracting(Posting::id)
                .containsExactly("https://x.example/jobs", "https://x.example/jobs#head-chef");
    }

    @Test
    void extract_whenJsonLdBlockIsBroken_warnsAndKeepsTheOtherBlocks() {
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":</script>"
                + "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Welder\"}</script></head></html>";
        ExtractionResult result = extract("https://x.example/welder", page);
        assertThat(result.postings()).extracting(Posting::title).containsExactly("Welder");
        assertThat(result.warnings()).singleElement().asString().startsWith("skipped JSON-LD block #1");
    }

    @Test
    void extract_whenNothingFound_reportsNone() {
        ExtractionResult result = extract("https://x.example/", "<html><body><h1>Welcome</h1><p>Hello.</p></body></html>");
        assertThat(result.extractor()).isEqualTo(ExtractorKind.NONE);
        assertThat(result.postings()).isEmpty();
    }

    @Test
    void extract_whenJsonIsTruncated_warnsInsteadOfThrowing() {
        ExtractionResult result = extractor.read(
                new PageContent("https://x.example/jobs.json", "application/json", "[{\"@type\":\"JobPosting\",\"title\":", FETCHED),
                ExtractionConfig.auto());
        assertThat(result.postings()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().startsWith("malformed JSON");
    }

    @Test
    void extract_whenKindIsForced_usesOnlyThatExtractor() {
        String page = jsonLd("{\"@type\":\"JobPosting\",\"title\":\"A\"}").replace("<body></body>",
                "<body><div itemscope itemtype=\"https://schema.org/JobPosting\"><span itemprop=\"title\">B</span></div></body>");
        ExtractionResult result = extractor.read(new PageContent("https://x.example/a", "text/html", page, FETCHED),
                new ExtractionConfig(SourceKind.MICRODATA, Map.of()));
        assertThat(result.extractor().id()).isEqualTo("microdata");
        assertThat(result.postings()).extracting(Posting::title).containsExactly("B");
    }

    @Test
    void extract_whenSalaryHasNoUnit_leavesItOut() {
        ExtractionResult result = extract("https://x.example/a", jsonLd(
                "{\"@type\":\"JobPosting\",\"title\":\"A\",\"baseSalary\":{\"currency\":\"USD\",\"value\":{\"value\":50000}}}"));
        assertThat(result.postings()).singleElement().extracting(Posting::salary).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[", "<", "<?xml", "<rss><channel><item><title>", "<feed><entry>",
            "\u0000\u0001\u0002", "{\"jobs\":[null, 1, \"x\", {\"id\":{}}]}", "[{\"hostedUrl\":5,\"text\":[]}]",
            "{\"apiVersion\":\"1\",\"jobs\":[{\"jobUrl\":null,\"title\":{}}]}",
            "<script type=application/ld+json>{\"@type\":\"JobPosting\",\"title\":{\"a\":1},\"jobLocation\":[[[]]]}</script>",
            "<div itemscope itemtype=JobPosting><div itemprop=title itemscope>x</div></div>"})
    void extract_onGarbage_neverThrows(String body) {
        for (String url : List.of("", "not a url", "https://boards-api.greenhouse.io/v1/boards/a/jobs", "https://jobs.ashbyhq.com/a")) {
            assertThatCode(() -> extract(url, body)).doesNotThrowAnyException();
        }
    }

    @Test
    void detailLinks_returnsSameSiteCanonicalLinksOnce() {
        String page = "<ul><li class=job><a href=\"/jobs/1?utm_source=x\">One</a></li><li class=job><a href=\"/jobs/1\">Again</a></li>"
                + "<li class=job><a href=\"https://www.x.example/jobs/2#top\">Two</a></li>"
                + "<li class=job><a href=\"https://elsewhere.example/jobs/3\">Three</a></li>"
                + "<li class=job><a href=\"mailto:jobs@x.example\">Mail</a></li><li class=job><a href=\"/jobs/4\">Four</a></li></ul>";
        ExtractionConfig config = new ExtractionConfig(SourceKind.SELECTORS, Map.of("item", "li.job", "title", "a", "url", "a"));
        List<String> links = extractor.detailLinks(new PageContent("https://x.example/careers", "text/html", page, FETCHED), config, 2);
        assertThat(links).containsExactly("https://x.example/jobs/1", "https://www.x.example/jobs/2");
    }

    @Test
    void detailLinks_whenDetailLinksSelectorGiven_usesItOnTheWholePage() {
        String page = "<nav><a href=\"/about\">About</a></nav><a class=\"job-link\" href=\"/jobs/9\">Nine</a>";
        ExtractionConfig config = new ExtractionConfig(SourceKind.AUTO, Map.of("detailLinks", "a.job-link"));
        assertThat(extractor.detailLinks(new PageContent("https://x.example/", "text/html", page, FETCHED), config, 10))
                .containsExactly("https://x.example/jobs/9");
    }

    @Test
    void detailLinks_whenNoSelectors_isEmpty() {
        assertThat(extractor.detailLinks(new PageContent("https://x.example/", "text/html", "<a href=/j>j</a>", FETCHED),
                ExtractionConfig.auto(), 10)).isEmpty();
    }
}
