package dev.jobalerts.alert;

import dev.jobalerts.search.RemoteMode;
import dev.jobalerts.search.SavedSearch;
import java.util.ArrayList;
import java.util.List;

/** How a saved search is named to its owner: its query, or for a filter-only search a summary of the filters. */
public final class SearchLabels {
    private SearchLabels() {}

    public static String describe(SavedSearch search) {
        if (!search.query().isBlank()) return search.query();
        List<String> parts = new ArrayList<>();
        if (search.remote() == RemoteMode.ONLY) parts.add("remote");
        if (!search.locations().isEmpty())
            parts.add((search.remote() == RemoteMode.INCLUDE ? "remote or " : "") + String.join(" or ", search.locations()));
        if (!search.companies().isEmpty()) parts.add("at " + String.join(", ", search.companies()));
        if (search.minSalary() != null)
            parts.add("≥ " + Math.round(search.minSalary()) + (search.currency() == null ? "" : " " + search.currency()));
        return parts.isEmpty() ? "all new jobs" : "jobs " + String.join(", ", parts);
    }
}
