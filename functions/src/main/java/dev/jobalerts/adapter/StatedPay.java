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
    private static final String AMOUNT = "(" + SYMBOL + ")?\\s*(" + CODE + ")?\\s*(" + NUMBER + ")\\s*(k)?\\s*(" + CODE + "|" + SYMBOL + ")?";
    private static final String PERIOD = "(?:/|per|an|a|each)?\\s*(hour|hr|day|week|month|year|yr|annum|annually|hourly|daily|weekly|monthly|yearly)";
    private static final Pattern PAY = Pattern.compile("^\\s*" + AMOUNT + "(?:\\s*(?:-|–|—|to)\\s*" + AMOUNT + ")?\\s*,?\\s*" + PERIOD
            + "\\.?\\s*(" + CODE + ")?\\s*$", Pattern.CASE_INSENSITIVE);
    /** The groups of {@link #PAY} holding a currency symbol or code: before and after each amount, and at the end. */
    private static final int[] CURRENCY_GROUPS = {1, 2, 5, 6, 7, 10, 12};
    /** "$" stands for no one currency, so it has no entry; a code the text names wins over any symbol. */
    private static final Map<String, String> SYMBOLS = Map.of("€", "EUR", "£", "GBP");
    private static final Pattern DECIMALS = Pattern.compile("[.,](\\d{1,2})$");

    private StatedPay() {}

    /** Sets {@code draft}'s salary from {@code text} when the text is a salary with a period; leaves it alone otherwise. */
    static void read(String text, PostingDraft draft) {
        if (text == null || text.length() > 120) return;
        Matcher m = PAY.matcher(text);
        if (!m.matches()) return;
        boolean money = false;
        String currency = null;
        for (int group : CURRENCY_GROUPS) {
            String sign = m.group(group);
            if (sign == null) continue;
            money = true;
            boolean code = Character.isLetter(sign.charAt(0));
            if (code) currency = sign.toUpperCase(Locale.ROOT);
            else if (currency == null) currency = SYMBOLS.get(sign);
        }
        if (!money) return; // a number and a period without a currency is not said to be pay ("20 hours per week")
        Double high = m.group(8) == null ? null : amount(m.group(8), m.group(9));
        draft.salary(amount(m.group(3), m.group(4)), high, currency, period(m.group(11)));
    }

    /**
     * "85,000", "85.000" and "85 000" are eighty-five thousand; "24.50" and "24,50" are twenty-four and a half: a
     * separator followed by exactly three digits groups thousands, one followed by one or two digits is the decimal.
     */
    static Double amount(String number, String thousands) {
        String digits = number.replace('\u00a0', ' ');
        String decimals = "";
        Matcher tail = DECIMALS.matcher(digits);
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
