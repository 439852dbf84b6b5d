package dev.jobalerts.adapter;

import dev.jobalerts.extract.PostingDraft;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a salary field that an API gives as free text (Remotive's {@code salary}): only a text that is nothing but
 * an amount or a range with a period ({@code "$60,000 - $80,000 per year"}, {@code "€45k–55k/yr"},
 * {@code "$50 - $65 / hour"}) is a salary. Anything else — no period ({@code "$40,000 - $50,000"}), words around
 * it ({@code "Competitive + equity"}), two figures that are not a range — is left out: a period is never guessed.
 */
final class SalaryText {
    private static final String CURRENCY = "(US\\$|C\\$|CA\\$|A\\$|AU\\$|\\$|€|£|USD|EUR|GBP|CAD|AUD|CHF)";
    private static final String AMOUNT = "(\\d{1,3}(?:[,.]\\d{3})+|\\d+(?:\\.\\d{1,2})?)\\s*([kK])?";
    private static final String PERIOD = "(?:/|per|a|an)?\\s*(hour|hr|day|week|wk|month|mo|year|yr|annum|annual|annually|hourly|daily|weekly|monthly|yearly)";
    private static final Pattern STATED = Pattern.compile("^" + CURRENCY + "?\\s*" + AMOUNT
            + "(?:\\s*(?:-|–|—|to)\\s*" + CURRENCY + "?\\s*" + AMOUNT + ")?"
            + "\\s*" + CURRENCY + "?\\s*" + PERIOD + "\\.?$", Pattern.CASE_INSENSITIVE);

    private SalaryText() {}

    /** Sets the draft's salary from {@code text} when the text states one with its period; leaves it alone otherwise. */
    static void read(String text, PostingDraft draft) {
        if (text == null || text.length() > 80) return;
        Matcher m = STATED.matcher(text.strip().replace('\u00a0', ' '));
        if (!m.matches()) return;
        String currency = currency(m.group(1) != null ? m.group(1) : m.group(4) != null ? m.group(4) : m.group(7));
        // Two different currencies in one range are not one range.
        for (int g : new int[] {1, 4, 7}) if (m.group(g) != null && !currency(m.group(g)).equals(currency)) return;
        // "60-80k" is sixty to eighty thousand: a suffix on the upper bound only applies to both.
        Double low = amount(m.group(2), m.group(3) != null ? m.group(3) : m.group(6));
        Double high = m.group(5) == null ? null : amount(m.group(5), m.group(6) != null ? m.group(6) : m.group(3));
        if (low == null || (m.group(5) != null && high == null)) return;
        draft.salary(low, high, currency, PostingDraft.period(periodWord(m.group(8))));
    }

    private static Double amount(String digits, String thousands) {
        String plain = digits.matches("\\d{1,3}(?:[,.]\\d{3})+") ? digits.replace(",", "").replace(".", "") : digits;
        try {
            double value = Double.parseDouble(plain);
            return thousands == null ? value : value * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 4217 code of a symbol or code; a bare "$" is USD, as on the US-centred boards that write it. */
    private static String currency(String written) {
        if (written == null) return "USD";
        return switch (written.toUpperCase(Locale.ROOT)) {
            case "€", "EUR" -> "EUR";
            case "£", "GBP" -> "GBP";
            case "C$", "CA$", "CAD" -> "CAD";
            case "A$", "AU$", "AUD" -> "AUD";
            case "CHF" -> "CHF";
            default -> "USD";
        };
    }

    /** The short forms PostingDraft.period does not know ("hr", "wk", "mo", "yr" with a slash) as the words it does. */
    private static String periodWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "hr" -> "hour";
            case "wk" -> "week";
            case "mo" -> "month";
            case "yr" -> "year";
            default -> word;
        };
    }
}
