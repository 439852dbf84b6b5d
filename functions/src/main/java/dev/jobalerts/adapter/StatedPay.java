package dev.jobalerts.adapter;

import dev.jobalerts.extract.PostingDraft;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pay field that an API gives as one line of text the employer typed ("$85,000 - $95,000 per year", "$24.50/hr",
 * "EUR 4.000 - 5.000 per month"), read into a salary only when the whole field is money with a stated period: one
 * amount or a range, a currency symbol or code, and "per year", "/hr", "annually" …. Anything else ("Competitive",
 * "DOE", "$60k + bonus", a range without a period) yields nothing: a period is never guessed. "$" alone names no
 * currency (US, Canadian and Australian dollars share it), so such a salary has none.
 */
final class StatedPay {
    private static final String SYMBOL = "[$€£]";
    private static final String CODE = "(?:USD|CAD|AUD|NZD|EUR|GBP|CHF|SEK|NOK|DKK|PLN|INR|SGD)";
    private static final String NUMBER = "\\d{1,3}(?:[.,\\u00a0 ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
    private static final String AMOUNT = "(" + SYMBOL + ")?\\s*(" + CODE + ")?\\s*(" + NUMBER + ")\\s*(k)?\\s*(" + CODE + ")?";
    private static final String PERIOD = "(?:/|per|an|a|each)?\\s*(hour|hr|day|week|month|year|yr|annum|annually|hourly|daily|weekly|monthly|yearly)";
    private static final Pattern PAY = Pattern.compile("^\\s*" + AMOUNT + "(?:\\s*(?:-|–|—|to)\\s*" + AMOUNT + ")?\\s*,?\\s*" + PERIOD
            + "\\.?\\s*(" + CODE + ")?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> SYMBOLS = Map.of("€", "EUR", "£", "GBP");

    private StatedPay() {}

    /** Sets {@code draft}'s salary from {@code text} when the text is a salary with a period; leaves it alone otherwise. */
    static void read(String text, PostingDraft draft) {
        if (text == null || text.length() > 120) return;
        Matcher m = PAY.matcher(text);
        if (!m.matches()) return;
        String currency = currency(m);
        if (currency == null && m.group(1) == null && m.group(6) == null) return; // no money sign at all: not pay
        Double low = amount(m.group(3), m.group(4));
        Double high = m.group(8) == null ? null : amount(m.group(8), m.group(9));
        if (low == null || (m.group(8) != null && high == null)) return;
        draft.salary(low, high, currency, period(m.group(11)));
    }

    /** The ISO code the text names, or the one its symbol stands for; null for a bare "$". */
    private static String currency(Matcher m) {
        for (int group : new int[] {2, 5, 7, 10, 12}) {
            if (m.group(group) != null) return m.group(group).toUpperCase(Locale.ROOT);
        }
        for (int group : new int[] {1, 6}) {
            if (m.group(group) != null && SYMBOLS.containsKey(m.group(group))) return SYMBOLS.get(m.group(group));
        }
        return null;
    }

    /**
     * "85,000", "85.000" and "85 000" are eighty-five thousand; "24.50" and "24,50" are twenty-four and a half: a
     * separator followed by exactly three digits groups thousands, one followed by one or two digits is the decimal.
     */
    static Double amount(String number, String thousands) {
        String digits = number.replace('\u00a0', ' ');
        String decimals = "";
        Matcher tail = Pattern.compile("[.,](\\d{1,2})$").matcher(digits);
        if (tail.find()) {
            decimals = tail.group(1);
            digits = digits.substring(0, tail.start());
        }
        digits = digits.replaceAll("[.,\\s]", "");
        if (digits.isEmpty()) return null;
        double value = Double.parseDouble(digits + (decimals.isEmpty() ? "" : "." + decimals));
        return thousands != null ? value * 1000 : value;
    }

    private static String period(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "hr", "hourly" -> "HOUR";
            case "daily" -> "DAY";
            case "weekly" -> "WEEK";
            case "monthly" -> "MONTH";
            case "yr", "yearly", "annually" -> "YEAR";
            default -> PostingDraft.period(w);
        };
    }
}
