package dev.jobalerts.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.search.SearchScan;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark's Lucene translation must mean what our query language means, or the comparison is void. */
class LuceneMonitorMatcherTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void match_agreesWithOurScan_onSyntheticSearchesAndPostings() throws IOException {
        SyntheticJobs jobs = new SyntheticJobs(7, TODAY);
        List<SavedSearch> searches = jobs.searches(3_000);
        List<Posting> postings = jobs.postings(60);
        SearchScan scan = new SearchScan();
        for (SavedSearch search : searches) scan.put(search.id(), search);

        long matches = 0;
        try (LuceneMonitorMatcher lucene = new LuceneMonitorMatcher(searches, TODAY)) {
            for (Posting posting : postings) {
                Set<String> ours = scan.match(posting, null, TODAY).stream().map(SearchMatch::key).collect(Collectors.toSet());
                assertThat(lucene.match(posting)).as(posting.id()).isEqualTo(ours);
                matches += ours.size();
            }
        }
        assertThat(matches).isGreaterThan(100);
    }

    @Test
    void match_treatsTechNamesAsWholeWords() throws IOException {
        List<SavedSearch> searches = List.of(SavedSearch.ofQuery("java", "java"), SavedSearch.ofQuery("c", "c"),
                SavedSearch.ofQuery("cpp", "c++"), SavedSearch.ofQuery("net", "title:.net -node.js"),
                SavedSearch.ofQuery("dev", "develop*"));
        Posting posting = new Posting("p", "", ".NET Developer", "Acme", "Remote", true, null, null, null,
                "JavaScript and C++/C#.", "t");

        try (LuceneMonitorMatcher lucene = new LuceneMonitorMatcher(searches, TODAY)) {
            assertThat(lucene.match(posting)).containsExactlyInAnyOrder("cpp", "net", "dev");
        }
    }
}
