package dev.jobalerts.mail;

import java.util.List;
import java.util.Objects;

/** One saved search's part of an alert: its query as the subscriber wrote it and the new postings that matched. */
public record AlertSection(String searchQuery, List<AlertItem> items) {

    public AlertSection {
        Objects.requireNonNull(searchQuery, "searchQuery");
        if (searchQuery.isBlank()) throw new IllegalArgumentException("searchQuery must not be blank");
        Objects.requireNonNull(items, "items");
        if (items.isEmpty()) throw new IllegalArgumentException("items must not be empty");
        items = List.copyOf(items);
    }
}
