package dev.jobalerts.mail;

import dev.jobalerts.posting.Salary;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How posting fields read in an email. Pure functions; escaping is the templates' job, not this class's. */
final class Formats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private Formats() {}

    /** Collapses line breaks, tabs and control characters: scraped text must not break a subject or a table cell. */
    static String oneLine(String value) {
        return collapse(value, Integer.MAX_VALUE);
    }

    /** Shortens to at most {@code max} characters, at a word boundary when there is one, ending with an ellipsis. */
    static String shorten(String value, int max) {
        String line = collapse(value, max + 1); // one past max tells "fits" from "was cut"
        if (line.length() <= max) return line;
        int cut = line.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = Math.max(1, max - 1);
        if (cut > 1 && Character.isHighSurrogate(line.charAt(cut - 1))) cut--;
        return line.substring(0, cut).stripTrailing() + "…";
    }

    /**
     * Runs of whitespace and control characters become one space, leading and trailing ones go, and the scan stops
     * after {@code limit} characters of output, so a long description costs only the excerpt it yields.
     */
    private static String collapse(String value, int limit) {
        if (value == null) return "";
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit));
        boolean pendingSpace = false;
        for (int i = 0; i < value.length() && out.length() < limit; i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
                if (out.length() == limit) break;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** "USD 120,000–150,000 a year", "from EUR 40 an hour", "up to 90,000 a year". */
    static String salary(Salary salary) {
        if (salary == null) return "";
        String currency = salary.currency() == null ? "" : salary.currency() + " ";
        String range;
        if (salary.min() != null && salary.max() != null && !salary.min().equals(salary.max()))
            range = currency + amount(salary.min()) + "–" + amount(salary.max());
        else if (salary.min() != null && salary.max() != null)
            range = currency + amount(salary.min());
        else if (salary.min() != null)
            range = "from " + currency + amount(salary.min());
        else
            range = "up to " + currency + amount(salary.max());
        return range + " " + switch (salary.period()) {
            case "HOUR" -> "an hour";
            case "DAY" -> "a day";
            case "WEEK" -> "a week";
            case "MONTH" -> "a month";
            default -> "a year";
        };
    }

    /**
     * "salary read from the posting's text" for a salary read from words (the description, or a pay line a board
     * gives as free text) rather than a structured field, so the reader knows to check it; empty otherwise.
     */
    static String salaryNote(Salary salary) {
        return salary != null && salary.fromText() ? "salary read from the posting's text" : "";
    }

    private static String amount(double value) {
        // DecimalFormat is not thread-safe, and the renderer is shared: one per call is cheap enough.
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(value);
    }

    /** "20 Nov 2026" from {@code 2026-11-20}; empty when unknown. An absolute date, since the email is read later. */
    static String date(String isoDate) {
        if (isoDate == null) return "";
        try {
            return DAY.format(LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** "Full time" from schema.org {@code FULL_TIME}. */
    static String employmentType(String type) {
        if (type == null || type.isBlank()) return "";
        String words = oneLine(type).replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
