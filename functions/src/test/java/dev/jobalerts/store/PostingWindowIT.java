package dev.jobalerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The previews' window read from the byFirstSeenDay index, as template.yaml defines it, on DynamoDB Local. */
class PostingWindowIT {
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static StoredPosting posting(String id, Instant firstSeen, String description) {
        return new StoredPosting(new Posting(id, "https://jobs.example/" + id, "Engineer " + id, "Acme", "Charlotte, NC", true,
                "FULL_TIME", "2026-11-20", new Salary(90000.0, 120000.0, "USD", "YEAR"), description, "greenhouse"), "acme", firstSeen);
    }

    @Test
    void firstSeenSince_readsTheDaysNewestFirst_leavesOutOlderPostings_andKeepsWhatAPreviewNeeds() {
        PostingStore store = new PostingStore(dynamo.client(), dynamo.freshTables().postings());
        store.putIfAbsent(posting("today-early", NOW.minus(Duration.ofHours(10)), "python"));
        store.putIfAbsent(posting("today-late", NOW.minus(Duration.ofMinutes(5)), "django"));
        store.putIfAbsent(posting("three-days", NOW.minus(Duration.ofDays(3)), "flask"));
        store.putIfAbsent(posting("too-old", NOW.minus(Duration.ofDays(15)), "cobol"));

        PostingStore.Window window = store.firstSeenSince(NOW.minus(Duration.ofDays(14)), NOW, 5_000);

        assertThat(window.postings()).extracting(p -> p.posting().id()).containsExactly("today-late", "today-early", "three-days");
        StoredPosting read = window.postings().get(0);
        Posting expected = posting("today-late", NOW, "django").posting();
        // Everything a preview tests and shows comes through the index; the source fields are not projected.
        assertThat(read.posting()).usingRecursiveComparison().ignoringFields("source").isEqualTo(expected);
        assertThat(read.sourceId()).isEmpty();
        assertThat(read.firstSeen()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        // One Query per day from today back to the window's first day (15 days), one page each.
        assertThat(window.requests()).isEqualTo(15);
    }

    @Test
    void firstSeenSince_stopsAtTheLimit_keepingTheNewest() {
        PostingStore store = new PostingStore(dynamo.client(), dynamo.freshTables().postings());
        for (int i = 0; i < 30; i++) store.putIfAbsent(posting("p" + i, NOW.minus(Duration.ofHours(7L * i)), "text"));

        PostingStore.Window window = store.firstSeenSince(NOW.minus(Duration.ofDays(14)), NOW, 12);

        assertThat(window.postings()).extracting(p -> p.posting().id())
                .containsExactlyElementsOf(List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11"));
        // p0–p11 span today and the three days before: the days further back are never read.
        assertThat(window.requests()).isEqualTo(4);
    }

    @Test
    void firstSeenSince_followsPagesWithinADay_andReportsTheReadCapacityUsed() {
        PostingStore store = new PostingStore(dynamo.client(), dynamo.freshTables().postings());
        // DynamoDB answers a Query with at most 1 MB: 30 postings of 50,000 characters take two pages.
        String longText = "x".repeat(Posting.MAX_DESCRIPTION);
        for (int i = 0; i < 30; i++) store.putIfAbsent(posting("big" + i, NOW.minus(Duration.ofMinutes(i + 1)), longText));

        PostingStore.Window window = store.firstSeenSince(NOW.minus(Duration.ofDays(1)), NOW, 5_000);

        assertThat(window.postings()).hasSize(30);
        assertThat(window.requests()).isGreaterThan(2);
        // Eventually consistent reads: 0.5 units per 4 KB, so 30 items of about 50 KB cost about 190 units.
        assertThat(window.readUnits()).isBetween(150.0, 250.0);
    }
}
