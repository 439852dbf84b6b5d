package dev.jobalerts.local.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code --since} option: a UTC day ({@code 2026-11-22}, from its midnight) or an instant ({@code 2026-11-22T08:00:00Z}). */
final class Since {
    private Since() {}

    /** Null when the option was not given: no lower bound. */
    static Instant parse(String text) {
        if (text == null) return null;
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--since must be a date like 2026-11-22 or an instant like 2026-11-22T08:00:00Z: " + text);
        }
    }
}
