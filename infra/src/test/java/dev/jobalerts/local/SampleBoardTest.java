package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jobalerts.adapter.Adapters;
import dev.jobalerts.adapter.ReadSpec;
import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.ExtractionResult;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.json.Json;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.search.SearchIndex;
import dev.jobalerts.source.SourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample board that {@code demo} and {@code serve} put on loopback: every sample source yields the postings it
 * was written to hold, through the extractor it was written for, and the demo subscriber's saved search matches
 * exactly the postings meant to match. If an extractor or the matcher changes behaviour, this says which page.
 */
class SampleBoardTest {
    static final String BOARD = "http://127.0.0.1:8089";
    static final Instant FETCHED_AT = Instant.parse("2026-11-22T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Adapters ADAPTERS = new Adapters();
    static final SourceReader READER = new SourceReader(ADAPTERS);
    /** The demo subscriber's saved search, exactly as the demo stores it. */
    static final String DEMO_SEARCH = """
            {"id":"demo","query":"python AND (django OR flask)","locations":["Charlotte"],"remote":"include","minSalary":120000,"currency":"USD"}""";

    static List<SourceDefinition> sources;
    static List<Posting> postings;

    @BeforeAll
    static void readSourceDefinitions() throws IOException {
        // The local cloud substitutes its own address for ${board} before it reads the definitions.
        String json = resource("sample-sources.json").replace("${board}", BOARD);
        sources = Json.mapper().readValue(json, new TypeReference<List<SourceDefinition>>() {});
        postings = readAllPostings();
    }

    static Stream<Arguments> expectedPerSource() {
        return Stream.of(
                Arguments.of("tidewater-freight", "greenhouse", 4),
                Arguments.of("bright-meadow", "lever", 4),
                Arguments.of("quarry-lane", "jsonld", 3),
                Arguments.of("coastal-code", "rss", 3),
                Arguments.of("piedmont-tech", "selectors", 3));
    }

    @ParameterizedTest(name = "{0}: {2} postings by {1}")
    @MethodSource("expectedPerSource")
    void extract_whenListingSourceIsServed_findsEveryPostingWithItsExtractor(String id, String extractor, int count) {
        ExtractionResult result = extract(source(id));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.extractor().id()).isEqualTo(extractor);
        assertThat(result.postings()).hasSize(count);
        assertThat(result.postings()).allSatisfy(p -> {
            assertThat(p.company()).isNotBlank();
            assertThat(p.location()).isNotBlank();
            assertThat(p.datePosted()).startsWith("2026-11-");
            assertThat(p.description()).isNotBlank();
        });
    }

    @Test
    void detailLinks_whenListingOnlyLinksToPostings_followsEachOpeningButNotOtherPages() {
        SourceDefinition source = source("harbor-pine");
        assertThat(source.followDetails()).isPositive();

        List<String> links = detailLinks(source);

        assertThat(links).containsExactly(
                BOARD + "/harborpine/jobs/python-developer-claims-apis.html",
                BOARD + "/harborpine/jobs/salesforce-administrator.html",
                BOARD + "/harborpine/jobs/claims-data-analyst.html");
    }

    @Test
    void extract_whenDetailPagesAreFollowed_readsJsonLdAndLabelledFields() {
        List<ExtractionResult> details = detailPostings();
        Map<String, String> extractorByTitle = details.stream()
                .collect(Collectors.toMap(r -> r.postings().get(0).title(), r -> r.extractor().id()));

        assertThat(extractorByTitle).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Python Developer, Claims APIs", "jsonld",
                "Salesforce Administrator", "page",
                "Claims Data Analyst", "jsonld"));
        Posting labelled = details.get(1).postings().get(0);
        assertThat(labelled.company()).isEqualTo("Harbor & Pine Insurance");
        assertThat(labelled.location()).isEqualTo("Charlotte, NC");
        assertThat(labelled.datePosted()).isEqualTo("2026-11-18");
    }

    @Test
    void sampleBoard_holdsTwentyThreePostingsWithDistinctIds() {
        assertThat(postings).hasSize(23);
        assertThat(postings).extracting(Posting::id).doesNotHaveDuplicates();
    }

    /** Every sample posting, whether the demo search should match it, and why. */
    static Stream<Arguments> demoSearchOutcomes() {
        return Stream.of(
                Arguments.of("Senior Python Engineer, Routing Platform", true, "python + django, Charlotte, up to 165k"),
                Arguments.of("Backend Engineer, PHP", false, "PHP, no python"),
                Arguments.of("Data Engineer", false, "python but neither django nor flask"),
                Arguments.of("Senior Django Developer (Python)", false, "on-site in Austin, TX"),
                Arguments.of("Full Stack Engineer (Python/Flask)", false, "remote but paid in CAD"),
                Arguments.of("Python Engineer, Django", false, "salary tops out at 90k"),
                Arguments.of("Frontend Engineer", false, "javascript, no python"),
                Arguments.of("Python/Django Contractor", true, "remote, 68 USD an hour is about 141k a year"),
                Arguments.of("Platform Engineer (Python, Django)", true, "JSON-LD @graph, Charlotte, up to 155k"),
                Arguments.of("Java Backend Engineer", false, "java only"),
                Arguments.of("Site Reliability Engineer", false, "remote, python tooling but neither django nor flask"),
                Arguments.of("Backend Developer (Python/Flask)", true, "remote, no salary stated"),
                Arguments.of("WordPress Developer", false, "PHP, no python"),
                Arguments.of("Test Automation Engineer", false, "python but neither django nor flask"),
                Arguments.of("Senior Flask Developer", false, "on-site in Raleigh, NC"),
                Arguments.of("JavaScript Engineer (Node.js)", false, "javascript, no python"),
                Arguments.of("Django Developer", true, "Charlotte, no salary stated"),
                Arguments.of("Python Developer, Claims APIs", true, "detail page, Charlotte, up to 128k"),
                Arguments.of("Salesforce Administrator", false, "no python"),
                Arguments.of("Claims Data Analyst", false, "no python, 85k"),
                Arguments.of("Python Developer, Flask APIs", true, "Workday detail, Charlotte, no salary stated"),
                Arguments.of("Data Engineer, Pipelines", false, "Workday, remote, python but neither django nor flask"),
                Arguments.of("Staff Accountant", false, "Workday, no python"));
    }

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @MethodSource("demoSearchOutcomes")
    void match_demoSearch_matchesOnlyTheIntendedPostings(String title, boolean expected, String why) throws IOException {
        SearchIndex index = new SearchIndex();
        index.put("demo-subscriber/demo", Json.mapper().readValue(DEMO_SEARCH, SavedSearch.class));
        Posting posting = postings.stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();

        assertThat(index.match(posting, TODAY, TODAY)).as(why).hasSize(expected ? 1 : 0);
    }

    @Test
    void demoSearchOutcomes_coverEverySamplePosting() {
        assertThat(postings).extracting(Posting::title)
                .containsExactlyInAnyOrderElementsOf(demoSearchOutcomes().map(a -> (String) a.get()[0]).toList());
        assertThat(demoSearchOutcomes().filter(a -> (Boolean) a.get()[1])).hasSize(7);
    }

    @Test
    void match_hourlyContractRate_countsAsItsAnnualEquivalent() {
        Posting contractor = postings.stream().filter(p -> p.title().equals("Python/Django Contractor")).findFirst().orElseThrow();

        assertThat(contractor.salary().period()).isEqualTo("HOUR");
        assertThat(contractor.salary().annualTop()).isGreaterThanOrEqualTo(120000);
    }

    @Test
    void exampleSources_whenReadAsSourceDefinitions_areValid() throws IOException {
        List<SourceDefinition> examples = Json.mapper().readValue(
                Files.readString(Path.of("sources.json")), new TypeReference<List<SourceDefinition>>() {});

        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        assertThat(examples).extracting(SourceDefinition::id).doesNotHaveDuplicates();
        assertThat(examples).allSatisfy(s -> ADAPTERS.check(s));
        // Careers URLs on an ATS host must resolve to its JSON API, or the example would teach a URL we cannot use.
        assertThat(examples).filteredOn(s -> s.url().matches("https://[a-z.-]*(greenhouse|lever|ashbyhq)\\.(io|co|com)/.*"))
                .hasSize(5)
                .allSatisfy(s -> assertThat(ADAPTERS.detect(URI.create(s.url()))).as(s.url()).isPresent());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static SourceDefinition source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    static ExtractionResult extract(SourceDefinition source) {
        return READER.read(page(source.url()), ReadSpec.listing(source, ADAPTERS.board(source).kind()));
    }

    /** The detail links of a listing that is read for its links, as the fetcher reads it. */
    static List<String> detailLinks(SourceDefinition listing) {
        PageContent listingPage = page(listing.url());
        return ADAPTERS.board(listing).readListing(null, listingPage, new Extraction(listingPage)).entries().stream()
                .map(e -> e.detail().url().toString()).toList();
    }

    static List<ExtractionResult> detailPostings() {
        SourceDefinition listing = source("harbor-pine");
        List<ExtractionResult> results = new ArrayList<>();
        for (String link : detailLinks(listing)) {
            ExtractionResult result = READER.read(page(link), ReadSpec.detail(listing, ADAPTERS.board(listing).kind(), null));
            assertThat(result.postings()).as(link).hasSize(1);
            results.add(result);
        }
        return results;
    }

    /** The Workday tenant's postings, each read from its detail answer as the fetcher stores it. */
    static List<ExtractionResult> workdayPostings() {
        SourceDefinition tenant = source("lakeshore-analytics");
        var board = ADAPTERS.board(tenant);
        var first = board.firstPage(Map.of());
        PageContent listing = apiAnswer(first.url().toString());
        List<ExtractionResult> results = new ArrayList<>();
        for (var entry : board.readListing(first, listing, new Extraction(listing)).entries()) {
            ExtractionResult result = READER.read(apiAnswer(entry.detail().url().toString()), ReadSpec.detail(tenant, board.kind(), entry.draft()));
            assertThat(result.postings()).as(entry.detail().url().toString()).hasSize(1);
            results.add(result);
        }
        return results;
    }

    static List<Posting> readAllPostings() {
        List<Posting> all = new ArrayList<>();
        for (SourceDefinition source : sources) {
            if (source.followDetails() > 0) detailPostings().forEach(r -> all.addAll(r.postings()));
            else if (source.id().equals("lakeshore-analytics")) workdayPostings().forEach(r -> all.addAll(r.postings()));
            else all.addAll(extract(source).postings());
        }
        return all;
    }

    /** An answer of the sample Workday API: the file of the same path under sample-board/, as the board serves it. */
    static PageContent apiAnswer(String url) {
        String path = URI.create(url).getPath();
        return new PageContent(url, "application/json", resource("sample-board" + path + ".json"), FETCHED_AT);
    }

    /** A page as the local cloud serves it: the file under sample-board/, with the content type its extension gives. */
    static PageContent page(String url) {
        assertThat(url).startsWith(BOARD + "/");
        String path = url.substring(BOARD.length() + 1).replaceFirst("[?#].*$", "");
        String body = resource("sample-board/" + path);
        String type;
        if (path.endsWith(".json")) type = "application/json";
        else if (path.endsWith(".xml")) type = body.contains("<rss") ? "application/rss+xml" : "application/atom+xml";
        else type = "text/html; charset=utf-8";
        return new PageContent(url, type, body, FETCHED_AT);
    }

    static String resource(String name) {
        try (InputStream in = SampleBoardTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("classpath resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
