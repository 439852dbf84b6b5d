package dev.jobalerts.posting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the date forms job sources use into {@code YYYY-MM-DD}: ISO 8601 dates and date-times, RFC 822 dates (RSS
 * 2.0 pubDate), epoch seconds or millis, named months in English, German and French ("April 1, 2026", "1st Apr
 * 2026", "15. März 2026", "1er avril 2026"), numeric dates ({@code 4/9/2025}, {@code 09.04.2025}) and relative forms
 * ("2 days ago", "yesterday", "vor 3 Tagen", "il y a 2 jours") counted back from the fetch time in UTC. A date-time
 * keeps the calendar date written in its own offset: that is the day the source says the posting appeared.
 *
 * <p>A numeric date with slashes or dashes is read in the order of the source's locale: month first where the
 * locale's short date pattern (CLDR, via {@link DateTimeFormatterBuilder#getLocalizedDateTimePattern}) puts the month
 * first, as en-US does, else day first; with dots it is always day first (d.M.y is the only dotted order in use).
 * A first or second number over 12 can only be the day, whatever the locale says.
 */
public final class PostingDates {
    private static final Pattern DIGITS = Pattern.compile("^\\d{9,13}$");
    // RFC 822 section 5: [day ","] date month year [time zone]; RFC 1123 widened the year to 4 digits. German writes
    // the day with a dot ("15. März"), French the first with "er" ("1er avril").
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "^(?:\\p{L}+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th|er|\\.)?[\\s-]+(\\p{L}+)\\.?,?[\\s-]+(\\d{2,4})\\b.*");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "^(?:\\p{L}+,?\\s+)?(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b.*");
    private static final Pattern SLASHED_ISO = Pattern.compile("^(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b.*");
    /** d/m/y or m/d/y with one separator throughout; the year has 4 digits or 2 (this century). */
    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})([./-])\\s?(\\d{1,2})\\2\\s?(\\d{4}|\\d{2})(?![\\d])(?:[^./-].*)?$");
    private static final Pattern AGO = Pattern.compile(
            "^(\\d+|an?|one)\\+?\\s+(second|minute|hour|day|week|month|year)s?\\s+ago\\b.*");
    // "vor 3 Tagen", "vor einem Monat", "vor über 30 Tagen".
    private static final Pattern VOR = Pattern.compile(
            "^vor\\s+(?:(?:über|mehr\\s+als)\\s+)?(\\d+|einer?m?|einer)\\+?\\s+(sekunde|minute|stunde|tag|woche|monat|jahr)\\p{L}*\\b.*");
    // "il y a 3 jours", "il y a plus de 30 jours", "il y a un mois".
    private static final Pattern IL_Y_A = Pattern.compile(
            "^il\\s+y\\s+a\\s+(?:plus\\s+de\\s+)?(\\d+|une?)\\+?\\s+(seconde|minute|heure|jour|semaine|mois|an)s?\\b.*");
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:date\\s+)?posted|published|listed|updated|(?:veröffentlicht|eingestellt|erstellt)(?:\\s+am)?|online\\s+seit"
                    + "|publiée?(?:\\s+le)?|mise?\\s+en\\s+ligne(?:\\s+le)?)(?:\\s+(?:on|at))?\\s*:?\\s*");
    /** Month names and the abbreviations in use, English, German and French; a month word must start one of them. */
    private static final List<String> MONTH_NAMES = List.of(
            "january januar jänner janvier", "february februar février fevrier", "march märz maerz mars mrz",
            "april avril", "may mai", "june juni juin", "july juli juillet", "august août aout",
            "september septembre sept", "october oktober octobre", "november novembre", "december dezember décembre decembre");
    private static final Map<String, Integer> MONTH_WORDS = monthWords();
    private static final Map<Locale, Boolean> MONTH_FIRST = new ConcurrentHashMap<>();

    private PostingDates() {}

    /** The date as {@code YYYY-MM-DD} read in US order (month first), or null when the text is not a date we know. */
    public static String normalise(String raw, Instant fetchedAt) {
        return normalise(raw, fetchedAt, Locale.US);
    }

    /**
     * The date as {@code YYYY-MM-DD}, or null when the text is empty or not a date we recognise; an ambiguous numeric
     * date is read in the order of {@code locale} (null: en-US).
     */
    public static String normalise(String raw, Instant fetchedAt, Locale locale) {
        if (raw == null) return null;
        String lower = raw.trim().replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
        String text = (mayHavePrefix(lower) ? PREFIX.matcher(lower).replaceFirst("") : lower).trim();
        if (text.isEmpty()) return null;
        try {
            LocalDate date = parse(text, fetchedAt, locale == null ? Locale.US : locale);
            return date == null ? null : date.toString();
        } catch (DateTimeException | NumberFormatException e) {
            return null; // 2026-02-30 and the like: not a date, so the posting has none
        }
    }

    /** PREFIX starts with one of these letters; most dates (ISO, RFC 822, digits) skip the regular expression. */
    private static boolean mayHavePrefix(String text) {
        if (text.isEmpty()) return false;
        return switch (text.charAt(0)) {
            case 'd', 'p', 'l', 'u', 'v', 'e', 'o', 'm' -> true;
            default -> false;
        };
    }

    private static LocalDate parse(String text, Instant fetchedAt, Locale locale) {
        if (startsWithIsoDate(text)) return ymd(text.substring(0, 4), text.substring(5, 7), text.substring(8, 10));
        Matcher m;
        char first = text.charAt(0);
        if (first >= '0' && first <= '9') {
            if (DIGITS.matcher(text).matches()) {
                long value = Long.parseLong(text);
                Instant instant = text.length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
                return instant.atOffset(ZoneOffset.UTC).toLocalDate();
            }
            m = SLASHED_ISO.matcher(text);
            if (m.matches()) return ymd(m.group(1), m.group(2), m.group(3));
            m = NUMERIC.matcher(text);
            if (m.matches()) return numeric(m.group(1), m.group(2).charAt(0), m.group(3), m.group(4), locale);
        }
        m = DAY_MONTH_YEAR.matcher(text);
        if (m.matches()) return named(m.group(3), m.group(2), m.group(1));
        m = MONTH_DAY_YEAR.matcher(text);
        if (m.matches()) return named(m.group(3), m.group(1), m.group(2));
        return relative(text, fetchedAt);
    }

    /**
     * A numeric date in the locale's order unless one number can only be the day (over 12). Years outside
     * 1990–2100 are not posting dates (a version number, a reference); two-digit years are this century's.
     */
    private static LocalDate numeric(String a, char separator, String b, String year, Locale locale) {
        int first = Integer.parseInt(a);
        int second = Integer.parseInt(b);
        int y = Integer.parseInt(year);
        if (year.length() == 2) y += 2000;
        if (y < 1990 || y > 2100) return null;
        boolean monthFirst;
        if (first > 12) monthFirst = false;
        else if (second > 12) monthFirst = true;
        else monthFirst = separator != '.' && monthFirst(locale);
        return monthFirst ? LocalDate.of(y, first, second) : LocalDate.of(y, second, first);
    }

    /** Whether the locale writes its short date month first (en-US "M/d/yy"), not day first or year first. */
    static boolean monthFirst(Locale locale) {
        return MONTH_FIRST.computeIfAbsent(locale, l -> {
            String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null, IsoChronology.INSTANCE, l);
            int month = pattern.indexOf('M');
            int day = pattern.indexOf('d');
            int year = pattern.indexOf('y');
            return month >= 0 && day >= 0 && month < day && (year < 0 || month < year);
        });
    }

    private static LocalDate relative(String text, Instant fetchedAt) {
        if (fetchedAt == null) return null;
        LocalDate today = fetchedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        if (text.startsWith("today") || text.startsWith("just now") || text.startsWith("just posted") || text.startsWith("heute")
                || text.startsWith("aujourd'hui") || text.startsWith("aujourd’hui")) return today;
        if (text.startsWith("yesterday") || text.startsWith("gestern") || text.equals("hier") || text.startsWith("hier ")) return today.minusDays(1);
        Matcher m = AGO.matcher(text);
        if (m.matches()) return back(fetchedAt, today, count(m.group(1)), m.group(2));
        if (text.startsWith("vor") && (m = VOR.matcher(text)).matches()) return back(fetchedAt, today, count(m.group(1)), unit(m.group(2)));
        if (text.startsWith("il") && (m = IL_Y_A.matcher(text)).matches()) return back(fetchedAt, today, count(m.group(1)), unit(m.group(2)));
        return null;
    }

    private static int count(String count) {
        return Character.isDigit(count.charAt(0)) ? Integer.parseInt(count) : 1;
    }

    /** The English unit of a German or French one. */
    private static String unit(String word) {
        return switch (word) {
            case "sekunde", "seconde" -> "second";
            case "stunde", "heure" -> "hour";
            case "tag", "jour" -> "day";
            case "woche", "semaine" -> "week";
            case "monat", "mois" -> "month";
            case "jahr", "an" -> "year";
            default -> word; // minute
        };
    }

    private static LocalDate back(Instant fetchedAt, LocalDate today, int n, String unit) {
        return switch (unit) {
            case "second", "minute", "hour" -> fetchedAt.minusSeconds(seconds(unit) * n).atOffset(ZoneOffset.UTC).toLocalDate();
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
        Integer monthNumber = month(month);
        if (monthNumber == null) return null;
        int y = Integer.parseInt(year);
        if (year.length() == 2) y += 2000; // RFC 822 two-digit years; job postings are all from this century
        else if (year.length() != 4) return null;
        return LocalDate.of(y, monthNumber, Integer.parseInt(day));
    }

    /** The month a word names: a whole month name or a start of one of at least three letters ("Sept", "Mär", "juil"). */
    static Integer month(String word) {
        if (word.length() < 3) return null;
        Integer exact = MONTH_WORDS.get(word);
        if (exact != null) return exact;
        Integer found = null;
        for (Map.Entry<String, Integer> name : MONTH_WORDS.entrySet()) {
            if (name.getKey().startsWith(word)) {
                if (found != null && !found.equals(name.getValue())) return null; // "jui": juin or juillet
                found = name.getValue();
            }
        }
        return found;
    }

    private static Map<String, Integer> monthWords() {
        Map<String, Integer> words = new java.util.HashMap<>();
        for (int m = 0; m < MONTH_NAMES.size(); m++)
            for (String name : MONTH_NAMES.get(m).split(" ")) words.put(name, m + 1);
        return Map.copyOf(words);
    }

    private static LocalDate ymd(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }
}
