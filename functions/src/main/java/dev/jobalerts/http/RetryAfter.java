package dev.jobalerts.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */
final class RetryAfter {
    private RetryAfter() {}

    /** The wait the server asked for, never negative; null when the header is absent or unreadable. */
    static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            // Absurd digit strings (past long range) mean "a very long time", which the caller caps or defers.
            return v.length() > 12 ? Duration.ofSeconds(999_999_999_999L) : Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            // RFC 1123 covers IMF-fixdate, the form RFC 9110 requires senders to use.
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
