package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jobalerts.CpuTime;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-page reader on each layout of labelled fields, and on pages that must yield nothing. */
class LabelledPagesTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private final PageReaders readers = new PageReaders();

    private List<Posting> read(String body) {
        return read(body, ExtractionConfig.auto());
    }

    private List<Posting> read(String body, ExtractionConfig config) {
        return readers.read(new PageContent("https://jobs.example/j/1", "text/html", body, FETCHED), config).postings();
    }

    /** Each layout holds company Fabrikam, location Austin, TX and the date 2 April 2026; "|" separates fields. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lines in one block split by br   | <p>Company: Fabrikam<br>Location: Austin, TX<br>Posted on: April 2, 2026</p>
            lines in separate paragraphs     | <p>Company: Fabrikam</p><p>Location: Austin, TX</p><p>Posted: 2026-04-02</p>
            bold labels in a br block        | <p><b>Company:</b> Fabrikam<br><b>Location:</b> Austin, TX<br><b>Posted:</b> 04/02/2026</p>
            strong labels in list items      | <ul><li><strong>Company:</strong> Fabrikam</li><li><strong>Location:</strong> Austin, TX</li><li><strong>Date posted:</strong> 2 April 2026</li></ul>
            strong labels without colons     | <ul><li><strong>Employer</strong> Fabrikam</li><li><strong>Job location</strong> Austin, TX</li><li><strong>Posted</strong> 2 Apr 2026</li></ul>
            definition list                  | <dl><dt>Employer</dt><dd>Fabrikam</dd><dt>Location</dt><dd>Austin, TX</dd><dt>Date posted</dt><dd>8 days ago</dd></dl>
            table with th and td             | <table><tr><th>Company</th><td>Fabrikam</td></tr><tr><th>Location:</th><td>Austin, TX</td></tr><tr><th>Posting date</th><td>April 2, 2026</td></tr></table>
            table with td and td             | <table><tr><td>Company</td><td>Fabrikam</td></tr><tr><td>Location</td><td>Austin, TX</td></tr><tr><td>Date Posted</td><td>4/2/2026</td></tr></table>
            bold label in a cell             | <table><tr><td><b>Company</b></td><td>Fabrikam</td></tr><tr><td><b>Location</b></td><td>Austin, TX</td></tr><tr><td><b>Posted</b></td><td>4/2/2026</td></tr></table>
            sibling divs                     | <div><div class=k>Company</div><div class=v>Fabrikam</div></div><div><div class=k>Location</div><div class=v>Austin, TX</div></div><div><div class=k>Published</div><div class=v>2026-04-02</div></div>
            sibling spans                    | <span class=k>Company:</span> <span>Fabrikam</span><br><span class=k>Location:</span> <span>Austin, TX</span><br><span class=k>Posted:</span> <span>April 2, 2026</span>
            label line then value line       | <p>Company:<br>Fabrikam<br>Location:<br>Austin, TX<br>Posted on:<br>April 2, 2026</p>
            headings and paragraphs          | <h4>Company</h4><p>Fabrikam</p><h4>Location</h4><p>Austin, TX</p><h4>Date posted</h4><p>April 2, 2026</p>
            value in a link                  | <p>Company: <a href=/c/fabrikam>Fabrikam</a></p><p>Location: <a href=/l/austin>Austin</a>, TX</p><p>Posted April 2, 2026</p>
            German labels                    | <p>Unternehmen: Fabrikam<br>Arbeitsort: Austin, TX<br>Veröffentlicht am: 02.04.2026</p>
            French labels                    | <dl><dt>Entreprise</dt><dd>Fabrikam</dd><dt>Lieu</dt><dd>Austin, TX</dd><dt>Date de publication</dt><dd>2 avril 2026</dd></dl>
            """)
    void read_findsLabelledFieldsInEveryLayout(String layout, String facts) {
        List<Posting> postings = read("<html><body><h1>Data Engineer</h1>" + facts + "<p>Build pipelines.</p></body></html>");
        assertThat(postings).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Data Engineer");
            assertThat(p.company()).isEqualTo("Fabrikam");
            assertThat(p.location()).isEqualTo("Austin, TX");
            assertThat(p.datePosted()).isEqualTo("2026-04-02");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", textBlock = """
            job title label               ;; <h1>Careers</h1><p>Job Title: Welder</p><p>Location: Leeds</p>                                                        ;; Welder
            og:title                      ;; <head><meta property=og:title content='Welder – Night Shift | Acme'></head><h1>Job Details</h1><p>Location: Leeds</p><p>Posted: today</p> ;; Welder – Night Shift
            page title with suffix        ;; <head><title>Welder - Leeds | Acme Careers</title></head><h1>Career Opportunities</h1><p>Location: Leeds</p><p>Posted: today</p> ;; Welder
            main heading                  ;; <h1><img alt=logo></h1><main><h2>Welder</h2><p>Location: Leeds</p><p>Job type: Full-time</p></main>                  ;; Welder
            German generic heading        ;; <head><title>Schweißer (m/w/d) – Acme</title></head><h1>Stellenangebote</h1><p>Standort: Leeds</p><p>Veröffentlicht: heute</p> ;; Schweißer (m/w/d)
            """)
    void read_whenTheH1IsGeneric_findsTheRealTitle(String why, String page, String title) {
        assertThat(read("<html>" + page + "</html>")).singleElement().extracting(Posting::title).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", textBlock = """
            og:site_name         ;; <head><meta property=og:site_name content='Acme Careers'></head><h1>Welder</h1><p>Location: Leeds</p> ;; Acme
            JSON-LD Organization ;; <head><script type=application/ld+json>{"@type":"Organization","name":"Acme Ltd"}</script></head><h1>Welder</h1><p>Location: Leeds</p> ;; Acme Ltd
            microdata Organization ;; <h1>Welder</h1><p>Location: Leeds</p><div itemscope itemtype=https://schema.org/Organization><span itemprop=name>Acme Group</span></div> ;; Acme Group
            page title part      ;; <head><title>Welder | Acme Fabrication</title></head><h1>Welder</h1><p>Location: Leeds</p> ;; Acme Fabrication
            """)
    void read_whenNoLabelNamesTheCompany_takesItFromThePage(String why, String page, String company) {
        assertThat(read("<html>" + page + "</html>")).singleElement().extracting(Posting::company).isEqualTo(company);
    }

    @Test
    void read_whenNothingOnThePageNamesTheCompany_takesTheSourcesName() {
        ExtractionConfig named = new ExtractionConfig(SourceKind.AUTO, Map.of(), "Acme Welding", Locale.US, false);
        assertThat(read("<html><h1>Welder</h1><p>Location: Leeds</p></html>", named)).singleElement()
                .extracting(Posting::company).isEqualTo("Acme Welding");
    }

    @Test
    void read_withAttributeHintsOnly_readsTheMarkedFields() {
        String page = "<html><h1 class=job-title>Welder</h1><span data-automation=advertiser-name>Acme</span>"
                + "<span class='job-card__location--main'>Leeds</span><time class=posted-date datetime=2026-04-01>1 Apr</time>"
                + "<div class=relocation>Relocation support</div><div data-company=\"12345\">x</div></html>";
        assertThat(read(page)).singleElement().satisfies(p -> {
            assertThat(p.company()).isEqualTo("Acme");
            assertThat(p.location()).isEqualTo("Leeds");
            assertThat(p.datePosted()).isEqualTo("2026-04-01");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en-US month first    | en-US | 03/04/2026 | 2026-03-04
            en-GB day first      | en-GB | 03/04/2026 | 2026-04-03
            de-DE dots           | de-DE | 03.04.2026 | 2026-04-03
            en-US day over 12    | en-US | 25/03/2026 | 2026-03-25
            """)
    void read_readsNumericDatesInTheSourcesLocale(String why, String locale, String date, String expected) {
        ExtractionConfig config = new ExtractionConfig(SourceKind.AUTO, Map.of(), "", Locale.forLanguageTag(locale), false);
        assertThat(read("<html><h1>Welder</h1><p>Location: Leeds</p><p>Posted: " + date + "</p></html>", config))
                .singleElement().extracting(Posting::datePosted).isEqualTo(expected);
    }

    @Test
    void read_whenLabelsContradictEachOther_keepsTheFirstAndInventsNothing() {
        String page = "<html><h1>Welder</h1><p>Company: Acme</p><p>Location:</p><p>Posted: soon</p><p>Location: Leeds</p>"
                + "<p>Company: Other Co</p><p>Date: TBC</p><p>Salary:</p><p>Job type: see below</p></html>";
        assertThat(read(page)).singleElement().satisfies(p -> {
            assertThat(p.company()).isEqualTo("Acme");
            assertThat(p.location()).isEqualTo("Leeds");
            assertThat(p.datePosted()).isNull();
            assertThat(p.salary()).isNull();
            assertThat(p.employmentType()).isNull();
        });
    }

    @Test
    void read_whenALabelsValueIsEmpty_doesNotTakeTheNextLabelForIt() {
        String page = "<html><h1>Welder</h1><p>Location:<br>Company: Acme<br>Posted on:</p><dl><dt>Location</dt><dd></dd></dl></html>";
        assertThat(read(page)).singleElement().satisfies(p -> {
            assertThat(p.company()).isEqualTo("Acme");
            assertThat(p.location()).isEmpty();
            assertThat(p.datePosted()).isNull();
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "<h1>Welder</h1><p>This job is no longer available.</p><p>Company: Acme</p><p>Location: Leeds</p>",
            "<h1>Welder</h1><p>Location: Leeds</p><p>Company: Acme</p><div class=notice>The position has been filled</div>",
            "<div>Diese Stelle ist bereits besetzt.</div><h1>Schweißer</h1><p>Firma: Acme</p><p>Ort: Leeds</p>",
            "<h1>Soudeur</h1><p>Cette offre n’est plus disponible</p><p>Entreprise : Acme</p><p>Lieu : Lyon</p>",
            "<h1>Find a job</h1><form><label>Location</label><input name=l><label>Company</label><input name=c></form>",
            "<h1>Vacancies</h1><div><h2>Welder</h2><p>Location: Leeds</p></div><div><h2>Fitter</h2><p>Location: York</p></div>",
            "<h1>Impressum</h1><p>Firma: Acme GmbH</p><p>Standort: Köln</p><h2>Geschäftsführer</h2>",
            "<h1>Contact us</h1><p>Company: Acme Ltd</p><p>Location: 1 High St, Leeds</p>",
            "<h1>Open positions</h1><table><tr><th>Job Title</th><th>Location</th><th>Date Posted</th></tr></table>",
            "<h1>About our team</h1><p>We are 40 people who love welding.</p>",
            "<nav><p>Location: Leeds</p></nav><h1>Welder</h1><footer><p>Company: Acme Ltd</p></footer>"})
    void read_onPagesThatAreNoPosting_yieldsNothing(String body) {
        assertThat(read("<html><body>" + body + "</body></html>")).isEmpty();
    }

    @Test
    void read_onFiveMegabytesOfNestedTables_staysLinearAndInventsNothing() {
        StringBuilder page = new StringBuilder("<html><body><h1>Career Opportunities</h1>");
        int depth = 0;
        while (page.length() < 5_000_000) {
            page.append("<table><tr><td>Location</td><td>");
            if (++depth % 40 == 0) page.append("Posted: 13/13/2026 Salary: 401k ").append("</td></tr></table>".repeat(40));
        }
        page.append("</td></tr></table>".repeat(depth % 40)).append("</body></html>");
        String body = page.toString();
        PageContent content = new PageContent("https://jobs.example/big", "text/html", body, FETCHED);
        assertThat(readers.read(content, ExtractionConfig.auto()).postings()).isEmpty(); // and a warm-up

        // Extraction parses the page and walks it a bounded number of times: its cost stays a small multiple of
        // parsing alone. (CPU time of this thread, not the wall clock, which a busy machine stretches.)
        long parse = CpuTime.leastOf(3, () -> org.jsoup.Jsoup.parse(body, content.url()));
        long extract = CpuTime.leastOf(3, () -> readers.read(content, ExtractionConfig.auto()));
        assertThat((double) extract / parse).as("extraction CPU / parse CPU").isLessThan(4.0);
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"<p>Company:", "<b>Location:</b>", "<dt>Employer</dt>", "Posted on:<br><br>", "<td>Salary</td><td>",
            "<h1></h1><p>Location: <a></a></p>", "<p>Company: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</p><h1>x</h1>",
            "<span data-company=''>", "<h1>Job Details</h1><h2></h2>", "<title>|||</title><h1>Careers</h1><p>Location: A</p>"})
    void read_onBrokenFragments_neverThrows(String body) {
        assertThatCode(() -> read("<html><body>" + body)).doesNotThrowAnyException();
    }
}
