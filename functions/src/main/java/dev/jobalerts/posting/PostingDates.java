package dev.jobalerts.posting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the date forms job sources use into {@code YYYY-MM-DD}: ISO 8601 dates and date-times, RFC 822 dates (RSS
 * 2.0 pubDate), epoch seconds or millis, English forms such as "April 1, 2026" and "1st Apr 2026", and relative
 * forms ("2 days ago", "yesterday") counted back from the fetch time in UTC. A date-time keeps the calendar date
 * written in its own offset: that is the day the source says the posting appeared.
 */
public final class PostingDates {
    private static final Pattern DIGITS = Pattern.compile("^\\d{9,13}$");
    // RFC 822 section 5: [day ","] date month year [time zone]; RFC 1123 widened the year to 4 digits.
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "^(?:[a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([a-z]+)\\.?,?[\\s-]+(\\d{2,4})\\b.*");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "^(?:[a-z]+,?\\s+)?([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b.*");
    private static final Pattern SLASHED_ISO = Pattern.compile("^(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b.*");
    private static final Pattern AGO = Pattern.compile(
            "^(\\d+|an?|one)\\+?\\s+(second|minute|hour|day|week|month|year)s?\\s+ago\\b.*");
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:date\\s+)?posted|published|listed|updated)(?:\\s+(?:on|at))?\\s*:?\\s*");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private PostingDates() {}

    /** The date as {@code YYYY-MM-DD}, or null when the text is empty or not a date we recognise. */
    public static String normalise(String raw, Instant fetchedAt) {
        if (raw == null) return null;
        String lower = raw.trim().replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
        String text = (mayHavePrefix(lower) ? PREFIX.matcher(lower).replaceFirst("") : lower).trim();
        if (text.isEmpty()) return null;
        try {
            LocalDate date = parse(text, fetchedAt);
            return date == null ? null : date.toString();
        } catch (DateTimeException | NumberFormatException e) {
            return null; // 2026-02-30 and the like: not a date, so the posting has none
        }
    }

    /** PREFIX starts with one of these letters; most dates (ISO, RFC 822, digits) skip the regular expression. */
    private static boolean mayHavePrefix(String text) {
        if (text.isEmpty()) return false;
        char c = text.charAt(0);
        return c == 'd' || c == 'p' || c == 'l' || c == 'u';
    }

    private static LocalDate parse(String text, Instant fetchedAt) {
        if (startsWithIsoDate(text)) return ymd(text.substring(0, 4), text.substring(5, 7), text.substring(8, 10));
        Matcher m;
        if (DIGITS.matcher(text).matches()) {
            long value = Long.parseLong(text);
            Instant instant = text.length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            return instant.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        m = SLASHED_ISO.matcher(text);
        if (m.matches()) return ymd(m.group(1), m.group(2), m.group(3));
        m = DAY_MONTH_YEAR.matcher(text);
        if (m.matches()) return named(m.group(3), m.group(2), m.group(1));
        m = MONTH_DAY_YEAR.matcher(text);
        if (m.matches()) return named(m.group(3), m.group(1), m.group(2));
        return relative(text, fetchedAt);
    }

    private static LocalDate relative(String text, Instant fetchedAt) {
        if (fetchedAt == null) return null;
        LocalDate today = fetchedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        if (text.startsWith("today") || text.startsWith("just now") || text.startsWith("just posted")) return today;
        if (text.startsWith("yesterday")) return today.minusDays(1);
        Matcher m = AGO.matcher(text);
        if (!m.matches()) return null;
        String count = m.group(1);
        int n = Character.isDigit(count.charAt(0)) ? Integer.parseInt(count) : 1;
        return switch (m.group(2)) {
            case "second", "minute", "hour" -> fetchedAt.minusSeconds(seconds(m.group(2)) * n).atOffset(ZoneOffset.UTC).toLocalDate();
            case "day" -> today.minusDays(n);
            case "week" -> today.minusWeeks(n);
            case "month" -> today.minusMonths(n);
            default -> today.minusYears(n);
        };
    }

    private static long seconds(String unit) {
        return switch (unit) {
            case "second" -> 1;
            case "minute" -> 60;
            default -> 3600;
        };
    }

    /** Exactly "YYYY-MM-DD" with ASCII digits; also what Posting requires of its date. */
    static boolean isIsoDate(String text) {
        return text.length() == 10 && startsWithYmd(text);
    }

    private static boolean startsWithYmd(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) return false;
        return true;
    }

    /**
     * An ISO 8601 date, alone or followed by a non-digit ("2026-04-01T08:00:00Z", "2026-04-01 08:00"): what the
     * pattern {@code ^(\d{4})-(\d{2})-(\d{2})(?:$|\D).*} matched, checked by hand because nearly every structured
     * date takes this path. Like that pattern's {@code .*}, the rest may not span a line break.
     */
    static boolean startsWithIsoDate(String text) {
        if (!startsWithYmd(text)) return false;
        if (text.length() == 10) return true;
        char next = text.charAt(10);
        if (next >= '0' && next <= '9') return false;
        for (int i = 11; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return false;
        }
        return true;
    }

    private static LocalDate named(String year, String month, String day) {
        Integer monthNumber = month.length() < 3 ? null : MONTHS.get(month.substring(0, 3));
        if (monthNumber == null) return null;
        int y = Integer.parseInt(year);
        if (year.length() == 2) y += 2000; // RFC 822 two-digit years; job postings are all from this century
        else if (year.length() != 4) return null;
        return LocalDate.of(y, monthNumber, Integer.parseInt(day));
    }

    private static LocalDate ymd(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }
}
