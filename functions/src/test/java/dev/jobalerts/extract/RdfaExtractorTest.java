package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.source.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RdfaExtractorTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private static final String PAGE = "https://careers.example/jobs/";
    private final PageReaders readers = new PageReaders();

    /** Which markup declares a schema.org JobPosting: {@code %s} is where the posting's title goes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vocab https                 | true  | <div vocab="https://schema.org/" typeof="JobPosting">%s</div>
            vocab http                  | true  | <div vocab="http://schema.org/" typeof="JobPosting">%s</div>
            vocab without slash         | true  | <div vocab="http://schema.org" typeof="JobPosting">%s</div>
            vocab on an ancestor        | true  | <section vocab="https://schema.org/"><div><div typeof="JobPosting">%s</div></div></section>
            two types                   | true  | <div vocab="https://schema.org/" typeof="Thing JobPosting">%s</div>
            initial context schema:     | true  | <div typeof="schema:JobPosting">%s</div>
            declared prefix             | true  | <div prefix="s: https://schema.org/" typeof="s:JobPosting">%s</div>
            full type IRI               | true  | <div typeof="http://schema.org/JobPosting">%s</div>
            no vocab                    | false | <div typeof="JobPosting">%s</div>
            emptied vocab               | false | <div vocab="https://schema.org/"><div vocab="" typeof="JobPosting">%s</div></div>
            another vocab               | false | <div vocab="http://example.org/hr#" typeof="JobPosting">%s</div>
            schema: mapped elsewhere    | false | <div prefix="schema: http://example.org/" typeof="schema:JobPosting">%s</div>
            another type                | false | <div vocab="https://schema.org/" typeof="JobPostingDraft">%s</div>
            another site's IRI          | false | <div typeof="https://example.org/JobPosting">%s</div>
            """)
    void isJobPosting_onlyForSchemaOrgsType(String what, boolean posting, String markup) {
        ExtractionResult result = rdfa(String.format(markup, "<h2 property=\"title\">Welder</h2>"));
        assertThat(result.postings()).as(what).hasSize(posting ? 1 : 0);
    }

    @Test
    void values_followRdfaRules_andNestedItemsNormaliseLikeJsonLd() {
        String page = """
                <body vocab="https://schema.org/">
                <article typeof="JobPosting">
                  <h1><a property="title" href="/jobs/welder">Welder &amp; Fitter</a></h1>
                  <time property="datePosted" datetime="2026-04-02T08:00">2 April</time>
                  <span property="employmentType" content="PART_TIME">Part time</span>
                  <div property="hiringOrganization" typeof="Organization">
                    <span property="name">Acme Steel</span><span property="title">Not the job's title</span>
                    <p property="description">About Acme.</p>
                  </div>
                  <div property="jobLocation" typeof="Place"><div property="address" typeof="PostalAddress">
                    <span property="addressLocality">Sheffield</span> <span property="addressCountry">GB</span></div></div>
                  <div property="baseSalary" typeof="MonetaryAmount"><meta property="currency" content="GBP">
                    <span property="value" typeof="QuantitativeValue"><meta property="minValue" content="32000">
                    <meta property="maxValue" content="36000"><meta property="unitText" content="YEAR"></span></div>
                  <div property="description"><p>Weld frames.</p><p>Night shifts.</p></div>
                  <link property="url" href="/jobs/welder?utm_source=x">
                </article>
                </body>
                """;
        Posting p = rdfa(page).postings().get(0);
        assertThat(p.title()).isEqualTo("Welder & Fitter");
        assertThat(p.url()).isEqualTo("https://careers.example/jobs/welder?utm_source=x");
        assertThat(p.company()).isEqualTo("Acme Steel");
        assertThat(p.location()).isEqualTo("Sheffield, GB");
        assertThat(p.datePosted()).isEqualTo("2026-04-02");
        assertThat(p.employmentType()).isEqualTo("PART_TIME");
        assertThat(p.salary()).isEqualTo(new Salary(32000.0, 36000.0, "GBP", "YEAR"));
        assertThat(p.description()).isEqualTo("Weld frames.\n\nNight shifts.");
        assertThat(p.source()).isEqualTo("rdfa");
    }

    @Test
    void aResourceWithProperties_isAnItemEvenWithoutAType() {
        String page = """
                <div vocab="https://schema.org/" typeof="JobPosting"><span property="title">Welder</span>
                  <div property="hiringOrganization" resource="#acme"><span property="name">Acme Steel</span></div></div>
                """;
        assertThat(rdfa(page).postings()).extracting(Posting::company).containsExactly("Acme Steel");
    }

    @Test
    void postingsInAList_andAPostingInsideAnother_areEachTheirOwn_butAPostingValuedPropertyIsNot() {
        String page = """
                <ol vocab="https://schema.org/" typeof="ItemList">
                  <li property="itemListElement" typeof="JobPosting"><a property="url" href="/a"></a><span property="title">Welder</span></li>
                  <li property="itemListElement" typeof="JobPosting"><a property="url" href="/b"></a><span property="title">Fitter</span>
                    <div typeof="JobPosting"><a property="url" href="/c"></a><span property="title">Painter</span></div>
                    <div property="relatedLink" typeof="JobPosting"><span property="title">Not a posting of its own</span></div>
                  </li>
                </ol>
                """;
        assertThat(rdfa(page).postings()).extracting(Posting::title).containsExactly("Welder", "Fitter", "Painter");
    }

    @Test
    void auto_prefersJsonLd_butKindRdfaReadsOnlyRdfa() {
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"From JSON-LD\"}</script></head>"
                + "<body vocab=\"https://schema.org/\"><div typeof=\"JobPosting\"><h1 property=\"title\">From RDFa</h1></div></body></html>";
        assertThat(readers.read(content(page), ExtractionConfig.auto()).postings()).extracting(Posting::title).containsExactly("From JSON-LD");
        ExtractionResult forced = readers.read(content(page), new ExtractionConfig(SourceKind.RDFA, Map.of()));
        assertThat(forced.extractor().id()).isEqualTo("rdfa");
        assertThat(forced.postings()).extracting(Posting::title).containsExactly("From RDFa");
    }

    @Test
    void auto_readsRdfaWhenNoOtherStructuredDataIsThere() {
        ExtractionResult result = readers.read(content("<body vocab=\"https://schema.org/\"><div typeof=\"JobPosting\"><h1 property=\"title\">Welder</h1></div></body>"),
                ExtractionConfig.auto());
        assertThat(result.extractor().id()).isEqualTo("rdfa");
        assertThat(result.postings()).extracting(Posting::title).containsExactly("Welder");
    }

    @Test
    void malformedMarkup_neverThrows_andInventsNoPosting() {
        List<String> pages = List.of(
                "<div vocab=\"https://schema.org/\" typeof=\"JobPosting\"><span property=\"\">x</span><span property=\" \">y</span></div>",
                "<div vocab=\"https://schema.org/\" typeof=\"JobPosting\"><div property=\"title\" typeof=\"JobPosting\" property=\"x\">",
                "<div vocab=\"https://schema.org/\" typeof=\"JobPosting\">" + "<div property=\"hiringOrganization\" typeof=\"Organization\">".repeat(50),
                "<p property=\"title\">Orphan title</p><div typeof=\"\" vocab=\"https://schema.org/\"></div>");
        for (String page : pages) assertThat(rdfa(page).postings()).as(page).isEmpty();
    }

    private ExtractionResult rdfa(String html) {
        return readers.read(content("<html><body>" + html + "</body></html>"), new ExtractionConfig(SourceKind.RDFA, Map.of()));
    }

    private static PageContent content(String html) {
        return new PageContent(PAGE, "text/html", html, FETCHED);
    }
}
