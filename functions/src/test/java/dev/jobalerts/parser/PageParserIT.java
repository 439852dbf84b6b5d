package dev.jobalerts.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.adapter.SourceReader;
import dev.jobalerts.extract.ExtractorKind;
import dev.jobalerts.source.SourceKind;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.PageSnapshot;
import dev.jobalerts.store.PageStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.TableNames;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One stored page snapshot to stored postings, against DynamoDB Local: what the parser function does per record. */
class PageParserIT {
    static final Instant FETCHED = Instant.parse("2026-11-30T08:00:00Z");
    static final String URL = "https://careers.acme.example/jobs";
    static final String PAGE = """
            <html><head><title>Careers at Acme</title>
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
              "title": "Backend Engineer", "datePosted": "2026-11-28", "url": "https://careers.acme.example/jobs/backend",
              "description": "<p>Build the Java services behind our billing.</p>",
              "hiringOrganization": {"@type": "Organization", "name": "Acme"},
              "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Leeds", "addressCountry": "GB"}}}
            </script></head><body><h1>Backend Engineer</h1></body></html>""";

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    PageStore pages;
    PostingStore postings;
    PageParser parser;

    @BeforeEach
    void freshTables() {
        TableNames tables = dynamo.freshTables();
        pages = new PageStore(dynamo.client(), tables.pages());
        postings = new PostingStore(dynamo.client(), tables.postings());
        parser = new PageParser(pages, postings, new SourceReader(), Clock.fixed(FETCHED.plusSeconds(60), ZoneOffset.UTC));
    }

    static PageSnapshot page(String readSpec) {
        return new PageSnapshot(URL, "acme", "text/html; charset=utf-8", PAGE, null, FETCHED, readSpec);
    }

    @Test
    void parse_aStoredPage_storesItsPostings() {
        PageSnapshot page = page("{}");
        pages.putIfChanged(page);

        PageParser.Outcome outcome = parser.parse(page.key());

        assertThat(outcome).isEqualTo(new PageParser.Outcome(page.key(), ExtractorKind.of(SourceKind.JSONLD), 1, 1, 0, false));
        assertThat(postings.listBySource("acme", null)).singleElement().satisfies(stored -> {
            assertThat(stored.posting().title()).isEqualTo("Backend Engineer");
            assertThat(stored.posting().company()).isEqualTo("Acme");
            assertThat(stored.posting().url()).isEqualTo("https://careers.acme.example/jobs/backend");
        });
    }

    @Test
    void parse_again_findsThePostingsButStoresNothingTwice() {
        PageSnapshot page = page("{}");
        pages.putIfChanged(page);
        parser.parse(page.key());

        PageParser.Outcome replay = parser.parse(page.key());

        assertThat(replay.found()).isEqualTo(1);
        assertThat(replay.stored()).isZero();
        assertThat(postings.listBySource("acme", null)).extracting(StoredPosting::posting).hasSize(1);
    }

    @Test
    void parse_aPageNoLongerStored_isMissing_andStoresNothing() {
        PageParser.Outcome outcome = parser.parse("https://careers.acme.example/expired");

        assertThat(outcome.pageMissing()).isTrue();
        assertThat(outcome.found()).isZero();
        assertThat(postings.listBySource("acme", null)).isEmpty();
    }

    @Test
    void parse_whenTheReadingSettingsAreUnreadable_detectsHowToReadThePage() {
        PageSnapshot page = page("{not json");
        pages.putIfChanged(page);

        PageParser.Outcome outcome = parser.parse(page.key());

        assertThat(outcome.extractor()).isEqualTo(ExtractorKind.of(SourceKind.JSONLD));
        assertThat(outcome.stored()).isEqualTo(1);
    }
}
