package dev.jobalerts.subscribe;

import java.util.Locale;

/** How often a subscriber wants alerts. */
public enum Frequency {
    /** One email per matcher batch with every new match. */
    INSTANT,
    DAILY,
    WEEKLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Frequency fromWire(String value) {
        if (value == null || value.isBlank()) return INSTANT;
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("frequency must be one of instant, daily, weekly: " + value);
        }
    }
}
