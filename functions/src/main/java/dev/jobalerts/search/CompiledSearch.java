package dev.jobalerts.search;

import dev.jobalerts.posting.Salary;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A saved search made ready to test postings: the parsed query and the filters in the posting's terms. Both the
 * index and the one-by-one scan verify with {@link #matches}, so they cannot disagree on what a match is.
 */
final class CompiledSearch {
    final String key;
    final SavedSearch search;
    final Query query;
    final List<List<String>> locations;
    private final Set<String> companies;
    private final Set<String> excludedCompanies;
    private final Set<String> employmentTypes;

    /** Index bookkeeping: the last match() round that already saw this search as a candidate. */
    long seenInRound;
    /** Index bookkeeping: where this search is filed, so remove() finds it without a rebuild. */
    IndexPlanner.Plan plan = IndexPlanner.Plan.ALWAYS;
    /** Index bookkeeping: every key it could be filed under, whose statistics the index keeps. */
    java.util.Set<IndexKey> watching = java.util.Set.of();

    private CompiledSearch(String key, SavedSearch search, Query query) {
        this.key = key;
        this.search = search;
        this.query = query;
        this.locations = search.locations().stream().map(Tokenizer::words).filter(words -> !words.isEmpty()).toList();
        this.companies = names(search.companies());
        this.excludedCompanies = names(search.excludeCompanies());
        this.employmentTypes = search.employmentTypes().isEmpty() ? null : Set.copyOf(search.employmentTypes());
    }

    /** @throws InvalidSearchException with field {@code query} when the query does not parse */
    static CompiledSearch compile(String key, SavedSearch search) {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(search, "search");
        QueryParseResult result = Query.parse(search.query());
        if (result instanceof QueryParseResult.Invalid invalid) throw new InvalidSearchException("query", invalid.message());
        return new CompiledSearch(key, search, ((QueryParseResult.Parsed) result).query());
    }

    /** Null for an empty list: the common case then costs one comparison per candidate, not a set probe. */
    private static Set<String> names(List<String> names) {
        if (names.isEmpty()) return null;
        return names.stream().map(CompanyNames::normalize).collect(Collectors.toUnmodifiableSet());
    }

    boolean matches(PreparedPosting posting, LocalDate today) {
        return passesFilters(posting, today) && query.test(posting.text);
    }

    SearchMatch toMatch(PreparedPosting posting) {
        return new SearchMatch(key, search, query.matchedTerms(posting.text));
    }

    /** Cheapest checks first: most candidates fail on a flag or a set lookup before any text is read. */
    boolean passesFilters(PreparedPosting posting, LocalDate today) {
        boolean remote = posting.posting.remote();
        RemoteMode mode = search.remote();
        if (mode == RemoteMode.ONLY && !remote) return false;
        if (mode == RemoteMode.EXCLUDE && remote) return false;
        if (employmentTypes != null && posting.employmentType != null && !employmentTypes.contains(posting.employmentType))
            return false;
        if (companies != null && !companies.contains(posting.companyName)) return false;
        if (excludedCompanies != null && excludedCompanies.contains(posting.companyName)) return false;
        if (!salaryPasses(posting.posting.salary())) return false;
        if (!datePasses(posting.date, today)) return false;
        return locationPasses(posting, remote, mode);
    }

    /**
     * No salary stated passes (most postings do not say). A stated salary in another currency fails: we do not
     * convert. One with no currency is compared as if it were in the search's currency.
     */
    private boolean salaryPasses(Salary salary) {
        Double min = search.minSalary();
        if (min == null || salary == null) return true;
        if (search.currency() != null && salary.currency() != null && !search.currency().equals(salary.currency()))
            return false;
        return salary.annualTop() >= min;
    }

    /** Within N days of today, counting today; a posting with no known date is new to us, so it passes. */
    private boolean datePasses(LocalDate date, LocalDate today) {
        Integer days = search.postedWithinDays();
        if (days == null || date == null || today == null) return true;
        return !date.isBefore(today.minusDays(days));
    }

    /** With remote "include" a remote posting skips the location filter; with any/only/exclude it applies. */
    private boolean locationPasses(PreparedPosting posting, boolean remote, RemoteMode mode) {
        if (locations.isEmpty()) return true;
        if (remote && mode == RemoteMode.INCLUDE) return true;
        for (List<String> location : locations) {
            if (posting.locationHas(location)) return true;
        }
        return false;
    }
}
