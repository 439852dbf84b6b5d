package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A preview tests one search against many postings: it must say exactly what the matcher's evaluation says. */
class PreparedPostingsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static PreparedPostings.Entry entry(String id, String title, String description) {
        return new PreparedPostings.Entry(new Posting(id, "https://jobs.example/" + id, title, "Acme", "Charlotte, NC", false,
                null, null, null, description, "test"), TODAY);
    }

    @Test
    void test_countsEveryMatch_andExplainsTheFirstInListOrder_withTheAlertsMatchedTerms() {
        PreparedPostings postings = new PreparedPostings(List.of(
                entry("newest", "Python Engineer", "Django and Flask"),
                entry("middle", "Java Developer", "Spring"),
                entry("older", "Data Engineer", "python, pandas, Django"),
                entry("oldest", "Python Developer", "Django REST")));

        PreparedPostings.Result result = postings.test(SavedSearch.ofQuery("s", "python AND django"), TODAY, 2);

        assertThat(result.matches()).isEqualTo(3);
        assertThat(result.first()).extracting(PreparedPostings.Hit::index).containsExactly(0, 2);
        assertThat(result.first().get(0).matchedTerms()).containsExactly("python", "django");
        assertThat(postings.size()).isEqualTo(4);
    }

    @Test
    void test_whenNothingMatches_countsZero_andExplainsNothing() {
        PreparedPostings postings = new PreparedPostings(List.of(entry("a", "Nurse", "ICU"), entry("b", "Welder", "MIG")));

        PreparedPostings.Result result = postings.test(SavedSearch.ofQuery("s", "\"machine learning\" -senior"), TODAY, 5);

        assertThat(result.matches()).isZero();
        assertThat(result.first()).isEmpty();
    }

    @Test
    void test_filterOnlySearch_matchesWithoutTerms() {
        PreparedPostings postings = new PreparedPostings(List.of(entry("a", "Nurse", "ICU")));

        PreparedPostings.Result result = postings.test(new SavedSearch("s", "", List.of("Charlotte"), null, null, null, null, null, null, null), TODAY, 5);

        assertThat(result.matches()).isEqualTo(1);
        assertThat(result.first().get(0).matchedTerms()).isEmpty();
    }

    @Test
    void test_whenQueryDoesNotParse_throwsNamingTheQuery() {
        PreparedPostings postings = new PreparedPostings(List.of(entry("a", "Nurse", "ICU")));

        assertThatThrownBy(() -> postings.test(SavedSearch.ofQuery("s", "(python"), TODAY, 5))
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> assertThat(e.field()).isEqualTo("query"));
    }

    @Test
    void test_agreesWithTheOneByOneEvaluation_onRandomSearchesAndPostings() {
        Random random = new Random(14);
        List<PreparedPostings.Entry> entries = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            Posting posting = SearchIndexPropertyTest.randomPosting(random, p);
            entries.add(new PreparedPostings.Entry(posting, random.nextBoolean() ? null : TODAY.minusDays(random.nextInt(30))));
        }
        PreparedPostings postings = new PreparedPostings(entries);
        int matched = 0;
        for (int s = 0; s < 300; s++) {
            SavedSearch search = SearchIndexPropertyTest.randomSearch(random, s);
            List<Integer> expected = new ArrayList<>();
            List<List<String>> expectedTerms = new ArrayList<>();
            for (int p = 0; p < entries.size(); p++) {
                Optional<SearchMatch> match = SearchEvaluator.evaluate("k", search, entries.get(p).posting(), entries.get(p).firstSeen(), TODAY);
                if (match.isPresent()) {
                    expected.add(p);
                    expectedTerms.add(match.get().matchedTerms());
                }
            }

            PreparedPostings.Result result = postings.test(search, TODAY, Integer.MAX_VALUE);

            assertThat(result.matches()).as("search %s", search).isEqualTo(expected.size());
            assertThat(result.first()).extracting(PreparedPostings.Hit::index).containsExactlyElementsOf(expected);
            assertThat(result.first()).extracting(PreparedPostings.Hit::matchedTerms).containsExactlyElementsOf(expectedTerms);
            matched += expected.size();
        }
        assertThat(matched).as("the generator must produce matches to compare").isGreaterThan(1000);
    }
}
