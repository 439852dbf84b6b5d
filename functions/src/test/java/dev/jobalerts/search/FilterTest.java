package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The saved-search filters, one rule per row. */
class FilterTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static SavedSearch search(List<String> locations, RemoteMode remote, List<String> companies,
            List<String> excludeCompanies, Double minSalary, String currency, Integer days, List<String> types) {
        return new SavedSearch("s", "", locations, remote, companies, excludeCompanies, minSalary, currency, days, types);
    }

    private static SavedSearch locations(RemoteMode remote, String... locations) {
        return search(List.of(locations), remote, null, null, null, null, null, null);
    }

    static Stream<Arguments> locationRows() {
        return Stream.of(
                Arguments.of(locations(RemoteMode.ANY, "Charlotte"), "Charlotte, NC", false, true),
                Arguments.of(locations(RemoteMode.ANY, "charlotte"), "CHARLOTTE, NC", false, true),
                Arguments.of(locations(RemoteMode.ANY, "York"), "New Yorker Plaza", false, false),
                Arguments.of(locations(RemoteMode.ANY, "York"), "New York, NY", false, true),
                Arguments.of(locations(RemoteMode.ANY, "New York"), "New York, NY", false, true),
                Arguments.of(locations(RemoteMode.ANY, "New York"), "York, New Brunswick", false, false),
                Arguments.of(locations(RemoteMode.ANY, "Berlin", "Charlotte"), "Charlotte, NC", false, true),
                Arguments.of(locations(RemoteMode.ANY, "Berlin"), "Charlotte, NC", false, false),
                Arguments.of(locations(RemoteMode.ANY), "Anywhere", true, true),
                // any: the location filter applies to remote postings too
                Arguments.of(locations(RemoteMode.ANY, "Charlotte"), "Remote", true, false),
                Arguments.of(locations(RemoteMode.ANY, "Charlotte"), "Remote - Charlotte, NC", true, true),
                // include: remote postings pass the location filter
                Arguments.of(locations(RemoteMode.INCLUDE, "Charlotte"), "Remote", true, true),
                Arguments.of(locations(RemoteMode.INCLUDE, "Charlotte"), "Denver, CO", false, false),
                Arguments.of(locations(RemoteMode.INCLUDE, "Charlotte"), "Charlotte, NC", false, true),
                // only: remote postings only (and any location filter still applies)
                Arguments.of(locations(RemoteMode.ONLY), "Remote", true, true),
                Arguments.of(locations(RemoteMode.ONLY), "Charlotte, NC", false, false),
                Arguments.of(locations(RemoteMode.ONLY, "United States"), "Remote, United States", true, true),
                Arguments.of(locations(RemoteMode.ONLY, "United States"), "Remote, Germany", true, false),
                // exclude: no remote postings
                Arguments.of(locations(RemoteMode.EXCLUDE), "Remote", true, false),
                Arguments.of(locations(RemoteMode.EXCLUDE), "Charlotte, NC", false, true),
                Arguments.of(locations(RemoteMode.EXCLUDE, "Charlotte"), "Charlotte, NC", true, false));
    }

    @ParameterizedTest(name = "[{index}] {0} at \"{1}\" remote={2} -> {3}")
    @MethodSource("locationRows")
    void evaluate_appliesLocationAndRemoteFilters(SavedSearch search, String location, boolean remote, boolean matches) {
        assertThat(SearchEvaluator.evaluate("k", search, TestPostings.where(location, remote), null, TODAY).isPresent())
                .isEqualTo(matches);
    }

    static Stream<Arguments> otherRows() {
        Salary usd150k = new Salary(120_000.0, 150_000.0, "USD", "YEAR");
        return Stream.of(
                // companies and excludeCompanies: whole name, any case
                row(search(null, null, List.of("acme corp"), null, null, null, null, null), "Acme Corp", null, null, null, true),
                row(search(null, null, List.of("Acme"), null, null, null, null, null), "Acme Corp", null, null, null, false),
                row(search(null, null, null, List.of("ACME CORP"), null, null, null, null), "Acme  Corp", null, null, null, false),
                row(search(null, null, null, List.of("Acme"), null, null, null, null), "Acme Corp", null, null, null, true),
                // minSalary: annualised top of range, same currency, no salary passes
                row(search(null, null, null, null, 150_000.0, "USD", null, null), "Acme", null, null, usd150k, true),
                row(search(null, null, null, null, 150_001.0, "USD", null, null), "Acme", null, null, usd150k, false),
                row(search(null, null, null, null, 100_000.0, "EUR", null, null), "Acme", null, null, usd150k, false),
                row(search(null, null, null, null, 100_000.0, null, null, null), "Acme", null, null, usd150k, true),
                row(search(null, null, null, null, 100_000.0, "USD", null, null), "Acme", null, null, null, true),
                row(search(null, null, null, null, 100_000.0, "USD", null, null), "Acme", null, null,
                        new Salary(40.0, 50.0, "USD", "HOUR"), true),
                row(search(null, null, null, null, 104_001.0, "USD", null, null), "Acme", null, null,
                        new Salary(40.0, 50.0, "USD", "HOUR"), false),
                row(search(null, null, null, null, 100_000.0, "USD", null, null), "Acme", null, null,
                        new Salary(null, 400.0, "USD", "DAY"), true),
                row(search(null, null, null, null, 100_000.0, "USD", null, null), "Acme", null, null,
                        new Salary(1900.0, null, "USD", "WEEK"), false),
                row(search(null, null, null, null, 100_000.0, "USD", null, null), "Acme", null, null,
                        new Salary(9000.0, null, "USD", "MONTH"), true),
                // postedWithinDays: within N days of today, counting back from today
                row(search(null, null, null, null, null, null, 7, null), "Acme", null, "2026-11-15", null, true),
                row(search(null, null, null, null, null, null, 7, null), "Acme", null, "2026-11-14", null, false),
                row(search(null, null, null, null, null, null, 7, null), "Acme", null, null, null, true),
                // employmentTypes: in the list, or no type on the posting
                row(search(null, null, null, null, null, null, null, List.of("full-time")), "Acme", "FULL_TIME", null, null, true),
                row(search(null, null, null, null, null, null, null, List.of("FULL_TIME")), "Acme", "CONTRACTOR", null, null, false),
                row(search(null, null, null, null, null, null, null, List.of("FULL_TIME")), "Acme", null, null, null, true),
                row(search(null, null, null, null, null, null, null, List.of("PART_TIME")), "Acme", "part-time", null, null, true));
    }

    private static Arguments row(SavedSearch search, String company, String type, String date, Salary salary, boolean matches) {
        return Arguments.of(search, TestPostings.with(company, type, date, salary), matches);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
    @MethodSource("otherRows")
    void evaluate_appliesCompanySalaryDateAndTypeFilters(SavedSearch search, Posting posting, boolean matches) {
        assertThat(SearchEvaluator.evaluate("k", search, posting, null, TODAY).isPresent()).isEqualTo(matches);
    }

    @ParameterizedTest(name = "[{index}] first seen {0} -> {1}")
    @MethodSource("firstSeenRows")
    void evaluate_whenNoDatePosted_usesFirstSeen(LocalDate firstSeen, boolean matches) {
        SavedSearch search = search(null, null, null, null, null, null, 3, null);

        assertThat(SearchEvaluator.evaluate("k", search, TestPostings.with("Acme", null, null, null), firstSeen, TODAY)
                .isPresent()).isEqualTo(matches);
    }

    static Stream<Arguments> firstSeenRows() {
        return Stream.of(Arguments.of(TODAY.minusDays(3), true), Arguments.of(TODAY.minusDays(4), false));
    }
}
