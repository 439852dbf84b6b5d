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
}
