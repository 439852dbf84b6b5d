package dev.jobalerts.search;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A subscriber's saved search, the one JSON shape the API, the store and the {@code match} command share.
 * Every field but {@code id} is optional; an empty query matches every posting that passes the filters.
 * The query's syntax is checked by the query parser, not here, so that its message can name a position.
 */
public record SavedSearch(
        String id,
        String query,
        List<String> locations,
        RemoteMode remote,
        List<String> companies,
        List<String> excludeCompanies,
        Double minSalary,
        String currency,
        Integer postedWithinDays,
        List<String> employmentTypes) {

    public static final int MAX_LIST_ENTRIES = 20;
    public static final int MAX_ENTRY_LENGTH = 100;
    public static final Set<String> EMPLOYMENT_TYPES = Set.of(
            "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER");

    public SavedSearch {
        Objects.requireNonNull(id, "id is required");
        if (id.isBlank() || id.length() > 64) throw new InvalidSearchException("id", "id must be 1 to 64 characters");
        query = query == null ? "" : query.strip();
        locations = cleanList("locations", locations);
        remote = remote == null ? RemoteMode.ANY : remote;
        companies = cleanList("companies", companies);
        excludeCompanies = cleanList("excludeCompanies", excludeCompanies);
        if (minSalary != null && (minSalary < 0 || minSalary.isNaN() || minSalary.isInfinite()))
            throw new InvalidSearchException("minSalary", "minSalary must be a positive number");
        currency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (currency != null && !currency.matches("[A-Z]{3}"))
            throw new InvalidSearchException("currency", "currency must be a three-letter ISO 4217 code such as USD");
        if (postedWithinDays != null && (postedWithinDays < 1 || postedWithinDays > 365))
            throw new InvalidSearchException("postedWithinDays", "postedWithinDays must be between 1 and 365");
        employmentTypes = cleanList("employmentTypes", employmentTypes).stream()
                .map(type -> type.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'))
                .toList();
        for (String type : employmentTypes) {
            if (!EMPLOYMENT_TYPES.contains(type))
                throw new InvalidSearchException("employmentTypes", "unknown employment type " + type + "; use one of " + EMPLOYMENT_TYPES);
        }
    }

    /** A search with only an id and a query, every filter open. */
    public static SavedSearch ofQuery(String id, String query) {
        return new SavedSearch(id, query, null, null, null, null, null, null, null, null);
    }

    private static List<String> cleanList(String field, List<String> values) {
        if (values == null) return List.of();
        if (values.size() > MAX_LIST_ENTRIES)
            throw new InvalidSearchException(field, field + " takes at most " + MAX_LIST_ENTRIES + " entries");
        return values.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .peek(value -> {
                    if (value.length() > MAX_ENTRY_LENGTH)
                        throw new InvalidSearchException(field, field + " entries are at most " + MAX_ENTRY_LENGTH + " characters");
                })
                .distinct()
                .toList();
    }
}
