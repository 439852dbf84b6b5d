package dev.jobalerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostingItemsTest {
    private static StoredPosting stored(Salary salary) {
        return new StoredPosting(new Posting("p", "https://x.example/p", "Welder", "Co", "Leeds", false, null, null, salary, "", "page"),
                "src", Instant.parse("2026-04-10T12:00:00Z"));
    }

    @Test
    void salaryReadFromText_keepsItsMarkThroughTheStore() {
        Salary fromText = new Salary(58000.0, 91000.0, "USD", "YEAR", true);
        var item = PostingItems.toItem(stored(fromText));
        assertThat(item.get("salary").m()).containsKey("fromText");
        assertThat(PostingItems.fromItem(item).posting().salary()).isEqualTo(fromText);
    }

    @Test
    void structuredSalary_isStoredWithoutTheMark() {
        Salary structured = new Salary(58000.0, 91000.0, "USD", "YEAR");
        var item = PostingItems.toItem(stored(structured));
        assertThat(item.get("salary").m()).doesNotContainKey("fromText");
        assertThat(PostingItems.fromItem(item).posting().salary().fromText()).isFalse();
    }

    @Test
    void jobIdentity_roundTripsThroughTheItem() {
        Posting posting = new Posting("jh-1", "https://jobhub.example/1", "Welder", "Co", "Leeds", false, null, null, null,
                "Welding steel frames for farm buildings in our Leeds workshop, with training on every machine we use.", "page");
        Instant seen = Instant.parse("2026-04-10T12:00:00Z");
        var fingerprint = dev.jobalerts.dedupe.Fingerprint.of(posting);
        var copy = dev.jobalerts.dedupe.Copy.of(posting, "jobhub", "JobHub", seen, 0.9);
        var identity = new dev.jobalerts.dedupe.JobIdentity(fingerprint.key().value(), fingerprint.signature(), null, null,
                java.util.Map.of("jh-2", copy), java.util.Set.of("jh-3"));
        StoredPosting stored = new StoredPosting(posting, "jobhub", seen, "JobHub", identity);

        var item = PostingItems.toItem(stored);
        StoredPosting back = PostingItems.fromItem(item);

        assertThat(item.get("jobKey").s()).isEqualTo("co|welder|leeds");
        assertThat(back.identity().signature()).isEqualTo(fingerprint.signature());
        assertThat(back.identity().copies().get("jh-2")).isEqualTo(new dev.jobalerts.dedupe.Copy("jh-2", "jobhub", "JobHub",
                "https://jobhub.example/1", seen, 0.9, null, null, null, posting.description(), posting.description().length()));
        assertThat(back.identity().splitFrom()).containsExactly("jh-3");
        assertThat(back.sourceName()).isEqualTo("JobHub");
    }

    @Test
    void aPostingThatCannotBeCompared_hasNoJobKey_soItStaysOutOfTheIndex() {
        var item = PostingItems.toItem(stored(null));

        assertThat(item).doesNotContainKeys("jobKey", "descSig", "copies", "duplicateOf", "splitFrom", "sourceName");
        assertThat(PostingItems.fromItem(item).identity()).isEqualTo(dev.jobalerts.dedupe.JobIdentity.NONE);
    }

    @Test
    void aDamagedSignature_readsAsNone() {
        Posting posting = new Posting("p", "https://x.example/p", "Welder", "Co", "Leeds", false, null, null, null,
                "Welding steel frames for farm buildings in our Leeds workshop, with training on every machine we use.", "page");
        var fingerprint = dev.jobalerts.dedupe.Fingerprint.of(posting);
        var item = new java.util.HashMap<>(PostingItems.toItem(new StoredPosting(posting, "s", Instant.EPOCH, null,
                dev.jobalerts.dedupe.JobIdentity.of(fingerprint, null, null))));
        item.put("descSig", Attrs.bytes(new byte[] {9, 9, 9}));

        assertThat(PostingItems.fromItem(item).identity().key()).isNull();
        assertThat(PostingItems.candidate(item).signature()).isNull();
    }
}
