package dev.jobalerts.subscribe;

import java.util.Objects;

/**
 * Names one saved search across every subscriber: the key the matcher files it under in its index and reads back from
 * each match. The text form, {@code subscriberId/searchId}, is made and read only here.
 */
public record SearchKey(String subscriberId, String searchId) {
    private static final char SEPARATOR = '/';

    public SearchKey {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(searchId, "searchId");
        // Search ids may hold anything; the subscriber id may not hold the separator, so the first one splits.
        if (subscriberId.indexOf(SEPARATOR) >= 0) throw new IllegalArgumentException("subscriberId must not contain '/': " + subscriberId);
    }

    /** The text form: {@code subscriberId/searchId}. */
    public String format() {
        return subscriberId + SEPARATOR + searchId;
    }

    /** The key whose {@link #format() text form} is {@code text}. */
    public static SearchKey parse(String text) {
        int at = text.indexOf(SEPARATOR);
        if (at < 0) throw new IllegalArgumentException("search key must be subscriberId/searchId, was \"" + text + "\"");
        return new SearchKey(text.substring(0, at), text.substring(at + 1));
    }

    @Override
    public String toString() {
        return format();
    }
}
