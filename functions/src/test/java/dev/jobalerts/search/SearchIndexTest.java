package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final SearchIndex index = new SearchIndex();

    private List<String> keysMatching(Posting posting) {
        return index.match(posting, null, TODAY).stream().map(SearchMatch::key).sorted().toList();
    }

    @Test
    void match_findsSearchesByTermPhrasePrefixFieldAndFilterOnly() {
        index.put("a/1", SavedSearch.ofQuery("1", "python django"));
        index.put("a/2", SavedSearch.ofQuery("2", "\"machine learning\""));
        index.put("b/1", SavedSearch.ofQuery("1", "title:develop*"));
        index.put("b/2", SavedSearch.ofQuery("2", "-php"));
        index.put("c/1", SavedSearch.ofQuery("1", ""));
        index.put("c/2", SavedSearch.ofQuery("2", "rust"));

        List<String> keys = keysMatching(TestPostings.text("Python Developer", "Acme", "Django and machine learning"));

        assertThat(keys).containsExactly("a/1", "a/2", "b/1", "b/2", "c/1");
    }

    @Test
    void match_returnsEachSearchOnceEvenWhenFiledUnderSeveralKeys() {
        index.put("k", SavedSearch.ofQuery("s", "python OR django OR flask"));

        List<SearchMatch> matches = index.match(TestPostings.text("Python", "Acme", "Django Flask"), null, TODAY);

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.key()).isEqualTo("k");
            assertThat(match.matchedTerms()).containsExactly("python", "django", "flask");
        });
    }

    @Test
    void put_whenKeyExists_replacesTheSearch() {
        index.put("k", SavedSearch.ofQuery("s", "python"));
        index.put("k", SavedSearch.ofQuery("s", "rust"));

        assertThat(index.size()).isEqualTo(1);
        assertThat(keysMatching(TestPostings.text("Python", "Acme", ""))).isEmpty();
        assertThat(keysMatching(TestPostings.text("Rust", "Acme", ""))).containsExactly("k");
    }

    @Test
    void remove_dropsTheSearchFromEveryBucket() {
        index.put("k", SavedSearch.ofQuery("s", "python OR rust"));
        index.put("always", SavedSearch.ofQuery("s", "-php"));
        index.put("prefix", SavedSearch.ofQuery("s", "pyth*"));

        index.remove("k");
        index.remove("always");
        index.remove("prefix");
        index.remove("never-added");

        assertThat(index.size()).isZero();
        assertThat(keysMatching(TestPostings.text("Python Rust", "Acme", ""))).isEmpty();
    }

    @Test
    void put_whenQueryDoesNotParse_throwsAndKeepsThePreviousSearch() {
        index.put("k", SavedSearch.ofQuery("s", "python"));

        assertThatThrownBy(() -> index.put("k", SavedSearch.ofQuery("s", "python AND")))
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThat(keysMatching(TestPostings.text("Python", "Acme", ""))).containsExactly("k");
    }

    @Test
    void match_whenSearchIsFiledByLocationOrCompany_stillAppliesTheQuery() {
        index.put("loc", new SavedSearch("s", "java", List.of("Charlotte"), RemoteMode.INCLUDE, null, null, null, null, null, null));
        index.put("co", new SavedSearch("s", "", null, null, List.of("Acme"), null, null, null, null, null));

        Posting remoteJava = new Posting("p", "", "Java Engineer", "Acme", "Remote", true, null, null, null, "", "t");
        Posting localPython = new Posting("p", "", "Python Engineer", "Globex", "Charlotte, NC", false, null, null, null, "", "t");

        assertThat(keysMatching(remoteJava)).containsExactly("co", "loc");
        assertThat(keysMatching(localPython)).isEmpty();
    }
}
