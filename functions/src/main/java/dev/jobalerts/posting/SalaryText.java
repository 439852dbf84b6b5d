package dev.jobalerts.posting;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a salary stated in prose: "$58,000 - $91,000/year", "$41.10/hour", "Annual Salary: $180,000—$240,000 USD",
 * "£45k–£55k per annum", "€60.000 – €70.000 brutto/Jahr", "45 k€ brut par an", "$120K+ a year". Only used when a
 * source gives no structured salary, and deliberately strict, because a wrong salary filters a posting out of an
 * alert: the amount must carry a currency (a symbol or an ISO 4217 code) and an explicit period, either right after
 * it ("/hr", "per annum", "a year", "pro Monat", "par an", "annually") or in the words just before it ("Annual
 * salary:", "Stundenlohn", "salaire mensuel"). No period, no salary: it is never guessed from the size of the number.
 *
 * <p>Numbers that are not pay are left alone: amounts in millions or billions ("$5M", "€2 Mrd"), amounts next to
 * words that make them something else (bonus, budget, stipend, allowance, revenue, funding, fee …), and amounts no one
 * is paid for that period (€30 a month, $1,000 a year, $5,000 an hour). Numbers without a currency (years of
 * experience, team sizes, "401k") are never read. The text is scanned once; each candidate is read within a few
 * dozen characters of its currency, so the cost stays linear in the text.
 */
public final class SalaryText {
    /** How far before its currency a salary's first number may start ("60.000 – 70.000 €"). */
    private static final int REACH = 48;
    /** How far back a period word ("Annual salary:") or a qualifier ("up to") is looked for. */
    private static final int LOOK_BACK = 48;
    private static final Set<String> CODES = Set.of("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK",
            "PLN", "CZK", "HUF", "JPY", "INR", "SGD", "HKD", "ZAR", "BRL", "MXN", "CNY", "ILS", "IEP");
    /** Dollars named by a prefix, as used in Canada, Australia and elsewhere ("C$", "AU$"). */
    private static final Map<String, String> DOLLARS = Map.of("US$", "USD", "CA$", "CAD", "C$", "CAD", "AU$", "AUD",
            "A$", "AUD", "NZ$", "NZD", "S$", "SGD", "HK$", "HKD", "R$", "BRL", "MX$", "MXN");
    /**
     * How many of a currency buy roughly one US dollar, in round numbers: only to scale the plausible range of a
     * salary (5–1,000 an hour, 5,000–5,000,000 a year in dollars), never to convert one.
     */
    private static final Map<String, Integer> SCALE = Map.ofEntries(Map.entry("JPY", 150), Map.entry("INR", 80),
            Map.entry("HUF", 350), Map.entry("CZK", 25), Map.entry("ZAR", 18), Map.entry("MXN", 18), Map.entry("SEK", 10),
            Map.entry("NOK", 10), Map.entry("DKK", 7), Map.entry("HKD", 8), Map.entry("CNY", 7), Map.entry("PLN", 4),
            Map.entry("BRL", 5), Map.entry("ILS", 4));
    /** Words that pay for a period when they follow the amount on their own ("annually", "p.a.", "jährlich"). */
    private static final Map<String, String> ADVERBS = Map.ofEntries(
            Map.entry("annually", "YEAR"), Map.entry("yearly", "YEAR"), Map.entry("annual", "YEAR"), Map.entry("p.a.", "YEAR"),
            Map.entry("p.a", "YEAR"), Map.entry("pa", "YEAR"), Map.entry("jährlich", "YEAR"), Map.entry("annuel", "YEAR"),
            Map.entry("annuels", "YEAR"), Map.entry("annuelle", "YEAR"), Map.entry("hourly", "HOUR"), Map.entry("stündlich", "HOUR"),
            Map.entry("monthly", "MONTH"), Map.entry("monatlich", "MONTH"), Map.entry("mensuel", "MONTH"), Map.entry("mensuels", "MONTH"),
            Map.entry("mensuelle", "MONTH"), Map.entry("weekly", "WEEK"), Map.entry("wöchentlich", "WEEK"), Map.entry("hebdomadaire", "WEEK"),
            Map.entry("daily", "DAY"), Map.entry("täglich", "DAY"), Map.entry("journalier", "DAY"));
    /** A unit after "/" or after per/a/an/pro/im/je/par. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("year", "YEAR"), Map.entry("years", "YEAR"), Map.entry("yr", "YEAR"), Map.entry("yrs", "YEAR"),
            Map.entry("annum", "YEAR"), Map.entry("jahr", "YEAR"), Map.entry("an", "YEAR"), Map.entry("année", "YEAR"),
            Map.entry("hour", "HOUR"), Map.entry("hours", "HOUR"), Map.entry("hr", "HOUR"),
            Map.entry("hrs", "HOUR"), Map.entry("h", "HOUR"), Map.entry("std", "HOUR"), Map.entry("stunde", "HOUR"),
            Map.entry("heure", "HOUR"), Map.entry("month", "MONTH"), Map.entry("months", "MONTH"), Map.entry("mo", "MONTH"),
            Map.entry("mth", "MONTH"), Map.entry("monat", "MONTH"), Map.entry("mois", "MONTH"), Map.entry("week", "WEEK"),
            Map.entry("weeks", "WEEK"), Map.entry("wk", "WEEK"), Map.entry("woche", "WEEK"), Map.entry("semaine", "WEEK"),
            Map.entry("day", "DAY"), Map.entry("days", "DAY"), Map.entry("tag", "DAY"), Map.entry("jour", "DAY"));
    private static final Set<String> CONNECTORS = Set.of("per", "a", "an", "each", "every", "pro", "im", "je", "par");
    /** Words between an amount and its period that do not change it ("$50,000 gross per year"). */
    private static final Set<String> FILLERS = Set.of("gross", "brutto", "brut", "bruts", "base", "ote", "before", "tax",
            "pre-tax", "salary", "dollars", "euros", "euro");
    /**
     * Words before an amount that give its period ("per annum: €…", "Stundenlohn: 14 €", "salaire mensuel"): the
     * pay word and its period in one, so "Jahresurlaub" (annual leave) is not one of them.
     */
    private static final Map<String, String> PERIOD_PHRASES = Map.ofEntries(Map.entry("per year", "YEAR"),
            Map.entry("per annum", "YEAR"), Map.entry("jahresgehalt", "YEAR"), Map.entry("jahresbrutto", "YEAR"),
            Map.entry("jahreseinkommen", "YEAR"), Map.entry("jahresvergütung", "YEAR"), Map.entry("jahreslohn", "YEAR"),
            Map.entry("annuel", "YEAR"), Map.entry("par an", "YEAR"), Map.entry("per hour", "HOUR"), Map.entry("stundenlohn", "HOUR"),
            Map.entry("stundensatz", "HOUR"), Map.entry("horaire", "HOUR"), Map.entry("par heure", "HOUR"),
            Map.entry("per month", "MONTH"), Map.entry("monatsgehalt", "MONTH"), Map.entry("monatsbrutto", "MONTH"),
            Map.entry("monatslohn", "MONTH"), Map.entry("mensuel", "MONTH"), Map.entry("par mois", "MONTH"),
            Map.entry("per week", "WEEK"), Map.entry("wochenlohn", "WEEK"), Map.entry("hebdomadaire", "WEEK"),
            Map.entry("per day", "DAY"), Map.entry("day rate", "DAY"), Map.entry("tagessatz", "DAY"), Map.entry("journalier", "DAY"));
    /** English period adjectives, which give a period only before a pay word: "annual salary", not "annual leave". */
    private static final Map<String, String> PERIOD_ADJECTIVES = Map.of("annual", "YEAR", "yearly", "YEAR", "hourly", "HOUR",
            "monthly", "MONTH", "weekly", "WEEK", "daily", "DAY");
    private static final List<String> PAY_WORDS = List.of("salary", "base", "pay", "compensation", "rate", "wage", "income",
            "gross", "earnings", "ote", "range", "package", "remuneration");
    /** Word starts that make an amount something other than pay, before it or in the words after its period. */
    private static final List<String> NOT_PAY = List.of("bonus", "budget", "stipend", "allowance", "reimburs", "revenue",
            "turnover", "funding", "raised", "valuation", "sign-on", "signing", "referral", "relocation", "discount",
            "deductible", "save", "saving", "prize", "zuschuss", "prämie", "umsatz", "prime", "indemnit", "chiffre d", "rembours");
    /** More such words, only trusted right after the amount ("$50 per month gym membership"): before it they may be a job title. */
    private static final List<String> NOT_PAY_AFTER = List.of("fee", "fees", "credit", "gym", "wellness", "grant", "spend",
            "invest", "donat", "equipment", "learning", "membership");
    /** Words that end what an amount's trailing words can say about it ("… per year plus bonus"). */
    private static final Set<String> CLAUSE_ENDS = Set.of("plus", "and", "with", "und", "et", "inkl", "including", "incl", "+");
    private static final List<String> UP_TO = List.of("up to", "upto", "bis zu", "jusqu'à", "jusqu’à", "maximum", "max");
    private static final List<String> FROM = List.of("from", "starting at", "starts at", "at least", "minimum", "min", "ab",
            "à partir de", "a partir de", "mindestens", "dès");
    private static final Map<Locale, String> LOCAL_DOLLAR = new ConcurrentHashMap<>();

    private SalaryText() {}

    /** The first salary stated in the text, in US usage ($ is USD), or null when it states none. */
    public static Salary find(String text) {
        return find(text, Locale.US);
    }

    /**
     * The first salary stated in the text, or null. {@code locale} (null: en-US) names the currency of a bare "$"
     * (CAD for en-CA) and of "¥" (CNY for zh, else JPY).
     */
    public static Salary find(String text, Locale locale) {
        if (text == null || text.isEmpty()) return null;
        Locale where = locale == null ? Locale.US : locale;
        int n = text.length();
        int marker = nextCurrency(text, 0, where);
        for (int i = Math.max(0, marker - REACH); marker >= 0 && i < n; i++) {
            if (i > marker) {
                marker = nextCurrency(text, i, where);
                if (marker < 0) break;
                if (marker - REACH > i) i = marker - REACH;
            }
            if (!startsAmount(text, i, where)) continue;
            Read read = readAt(text, i, where);
            if (read == null) continue;
            if (read.salary != null) return read.salary;
            i = Math.max(i, read.end - 1); // a money expression that is not pay: go on after it, not inside it
        }
        return null;
    }

    /** A currency marker or the first digit of a number (not one inside a word or another number). */
    private static boolean startsAmount(String t, int i, Locale locale) {
        char c = t.charAt(i);
        if (c >= '0' && c <= '9') {
            if (i == 0) return true;
            char before = t.charAt(i - 1);
            return !Character.isLetterOrDigit(before) && before != '.' && before != ',' && before != '\'';
        }
        return currencyAt(t, i, locale) != null;
    }

    /** Where the next currency marker starts at or after {@code from}, or -1. */
    private static int nextCurrency(String t, int from, Locale locale) {
        for (int i = from; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 'A') {
                if (c == '$') return i;
            } else if (c <= 'Z' || (c | 0x20) == 'e' || (c | 0x20) == 'd') {
                if (mayBeCurrencyWord(t, i, c) && currencyAt(t, i, locale) != null) return i;
            } else if (c > 0x7f && (c == '£' || c == '€' || c == '¥' || c == '₹')) {
                return i;
            }
        }
        return -1;
    }

    /** A cheap look at two characters before a currency code or word is read: "US", "CA$", "eu…", "do…" at a word start. */
    private static boolean mayBeCurrencyWord(String t, int i, char c) {
        if (i + 1 >= t.length()) return false;
        char next = t.charAt(i + 1);
        boolean may;
        if (c >= 'A' && c <= 'Z') may = (next >= 'A' && next <= 'Z') || next == '$';
        else if (c == 'e' || c == 'E') may = next == 'u' || next == 'U';
        else if (c == 'd' || c == 'D') may = next == 'o' || next == 'O';
        else return false;
        return may && (i == 0 || !Character.isLetter(t.charAt(i - 1)));
    }

    /** A currency at {@code i}: its ISO code and where it ends. */
    private record Marker(String code, int end, boolean iso) {}

    private static Marker currencyAt(String t, int i, Locale locale) {
        char c = t.charAt(i);
        switch (c) {
            case '$': return new Marker(localDollar(locale), i + 1, false);
            case '£': return new Marker("GBP", i + 1, false);
            case '€': return new Marker("EUR", i + 1, false);
            case '₹': return new Marker("INR", i + 1, false);
            case '¥': return new Marker(locale.getLanguage().equals("zh") ? "CNY" : "JPY", i + 1, false);
            default: break;
        }
        if (!mayBeCurrencyWord(t, i, c)) return null;
        if (c >= 'A' && c <= 'Z') {
            int end = i;
            while (end < t.length() && end - i < 3 && t.charAt(end) >= 'A' && t.charAt(end) <= 'Z') end++;
            if (end < t.length() && t.charAt(end) == '$') {
                String dollar = DOLLARS.get(t.substring(i, end + 1));
                return dollar == null ? null : new Marker(dollar, end + 1, true);
            }
            if (end - i == 3 && (end == t.length() || !Character.isLetter(t.charAt(end))) && CODES.contains(t.substring(i, end)))
                return new Marker(t.substring(i, end), end, true);
            return null;
        }
        if (c == 'e' || c == 'E') return word(t, i, "euros", "EUR", "euro");
        if (c == 'd' || c == 'D') return word(t, i, "dollars", localDollar(locale), "dollar");
        return null;
    }

    private static Marker word(String t, int i, String plural, String code, String singular) {
        Marker whole = wholeWord(t, i, plural, code);
        return whole != null ? whole : wholeWord(t, i, singular, code);
    }

    private static Marker wholeWord(String t, int i, String w, String code) {
        int end = i + w.length();
        return t.regionMatches(true, i, w, 0, w.length()) && (end == t.length() || !Character.isLetter(t.charAt(end)))
                ? new Marker(code, end, false) : null;
    }

    /** The currency of a bare "$" where the source is: CAD in Canada, AUD in Australia … USD elsewhere. */
    private static String localDollar(Locale locale) {
        return LOCAL_DOLLAR.computeIfAbsent(locale, l -> {
            try {
                if (l.getCountry().isEmpty()) return "USD";
                Currency local = Currency.getInstance(l);
                return local.getSymbol(l).contains("$") ? local.getCurrencyCode() : "USD";
            } catch (IllegalArgumentException e) {
                return "USD";
            }
        });
    }

    /** One money expression: the salary it states (null when it is not pay) and where it ends. */
    private record Read(Salary salary, int end) {}

    /** A number: its value, where it ends, whether "k" followed it, a "+" after it, and whether it is in millions. */
    private record Amount(double value, int end, boolean thousands, boolean plus, boolean huge) {}

    private static Read readAt(String t, int start, Locale locale) {
        int p = start;
        Marker c1 = currencyAt(t, p, locale);
        if (c1 != null) p = skipSpaces(t, c1.end, 1);
        Amount a1 = amountAt(t, p);
        if (a1 == null) return null;
        p = a1.end;
        Marker c2 = currencyAfter(t, p, locale);
        if (c2 != null) p = c2.end;
        Amount a2 = null;
        Marker c3 = null;
        Marker c4 = null;
        int afterSeparator = rangeSeparator(t, p);
        if (afterSeparator >= 0 && !a1.plus) {
            c3 = currencyAt(t, afterSeparator, locale);
            Amount second = amountAt(t, c3 == null ? afterSeparator : skipSpaces(t, c3.end, 1));
            if (second != null) {
                a2 = second;
                p = second.end;
                c4 = currencyAfter(t, p, locale);
                if (c4 != null) p = c4.end;
            } else {
                c3 = null;
            }
        }
        Marker currency = pick(c1, c2, c3, c4);
        if (currency == null) return null;
        Read notPay = new Read(null, p);
        if (a1.huge || (a2 != null && a2.huge)) return notPay;
        double low = a1.value;
        if (a1.thousands || (a2 != null && a2.thousands && low < 1000)) low *= 1000; // "$120-150K"
        double high = low;
        if (a2 != null) high = a2.thousands || (a1.thousands && a2.value < 1000) ? a2.value * 1000 : a2.value;
        Trail trail = periodAfter(t, p);
        String period = trail == null ? null : trail.period;
        int end = trail == null ? p : trail.end;
        String before = clauseBefore(t, start);
        if (period == null) period = periodIn(before);
        if (period == null) return notPay;
        if (containsWordStart(before, NOT_PAY) || (trail != null && trailsNotPay(t, trail.end))) return new Read(null, end);
        Double min = low;
        Double max = high;
        if (a2 == null) {
            if (a1.plus || endsWithAny(before, FROM)) max = null;
            else if (endsWithAny(before, UP_TO)) min = null;
        }
        if (!plausible(min, max, period, currency.code)) return new Read(null, end);
        return new Read(new Salary(min, max, currency.code, period, true), end);
    }

    /** A currency written after an amount: "45k€", "45 €", "120,000 USD". */
    private static Marker currencyAfter(String t, int p, Locale locale) {
        int i = skipSpaces(t, p, 1);
        return i < t.length() ? currencyAt(t, i, locale) : null;
    }

    /** An ISO code wins over a symbol ("$180,000 USD"); else the first currency written. */
    private static Marker pick(Marker... markers) {
        Marker first = null;
        for (Marker m : markers) {
            if (m == null) continue;
            if (m.iso) return m;
            if (first == null) first = m;
        }
        return first;
    }

    /**
     * A number with thousands separators (, . ' or a space before exactly three digits) and up to two decimals, then
     * an optional "k" and "+"; null when no digit is at {@code i}.
     */
    private static Amount amountAt(String t, int i) {
        int n = t.length();
        int p = i;
        while (p < n && isDigit(t.charAt(p))) p++;
        int firstGroup = p - i;
        if (firstGroup == 0 || firstGroup > 9) return null;
        double value = Long.parseLong(t, i, p, 10);
        char grouping = 0;
        while (p < n && firstGroup <= 3) {
            char c = t.charAt(p);
            boolean separator = c == ',' || c == '.' || c == '\'' || c == '’' || isSpace(c);
            if (!separator || (grouping != 0 && c != grouping) || !threeDigits(t, p + 1)) break;
            grouping = c;
            value = value * 1000 + Long.parseLong(t, p + 1, p + 4, 10);
            p += 4;
        }
        if (p + 1 < n && (t.charAt(p) == '.' || t.charAt(p) == ',') && t.charAt(p) != grouping && isDigit(t.charAt(p + 1))) {
            int q = p + 1;
            while (q < n && isDigit(t.charAt(q))) q++;
            if (q - p - 1 > 2) return null; // "1.2345": not an amount of money
            value += Double.parseDouble("0." + t.substring(p + 1, q));
            p = q;
        }
        boolean thousands = false;
        boolean huge = false;
        int q = skipSpaces(t, p, 1);
        if (q < n && (t.charAt(q) == 'k' || t.charAt(q) == 'K') && !letterAt(t, q + 1)) {
            thousands = true;
            p = q + 1;
        } else {
            huge = scaleWordAt(t, q);
        }
        boolean plus = p < n && t.charAt(p) == '+';
        if (plus) p++;
        return new Amount(value, p, thousands, plus, huge);
    }

    /** "M", "m", "mn", "million", "billion", "bn", "B", "Mio", "Mrd" right after a number. */
    private static boolean scaleWordAt(String t, int q) {
        if (q >= t.length()) return false;
        int end = q;
        while (end < t.length() && Character.isLetter(t.charAt(end))) end++;
        String word = t.substring(q, end).toLowerCase(Locale.ROOT);
        return switch (word) {
            case "m", "mn", "mm", "million", "millions", "billion", "billions", "bn", "b", "mio", "mrd", "milliarden", "milliards" -> true;
            default -> false;
        };
    }

    private static boolean threeDigits(String t, int i) {
        if (i + 3 > t.length()) return false;
        for (int k = i; k < i + 3; k++) if (!isDigit(t.charAt(k))) return false;
        return i + 3 == t.length() || !isDigit(t.charAt(i + 3));
    }

    /** After an amount: "-", "–", "—", "~", "to", "bis", "à", "and", "und", "et" between spaces; where the next amount may start, else -1. */
    private static int rangeSeparator(String t, int p) {
        int q = skipSpaces(t, p, 3);
        if (q >= t.length()) return -1;
        char c = t.charAt(q);
        if (c == '-' || c == '–' || c == '—' || c == '‒' || c == '~') return skipSpaces(t, q + 1, 3);
        for (String w : List.of("to", "bis", "à", "and", "und", "et")) {
            int end = q + w.length();
            if (q > p && t.regionMatches(true, q, w, 0, w.length()) && end < t.length() && isSpace(t.charAt(end)))
                return skipSpaces(t, end, 3);
        }
        return -1;
    }

    /** The period and where its words end. */
    private record Trail(String period, int end) {}

    /**
     * The period stated right after an amount: "/year", "/hr.", "per annum", "a year", "an hour", "pro Monat", "im
     * Jahr", "par an", "annually", "p.a.", with fillers such as "gross", "brutto" or a currency code before it.
     */
    private static Trail periodAfter(String t, int p) {
        int q = p;
        for (int words = 0; words < 4; words++) {
            q = skipSpaces(t, q, 2);
            if (q >= t.length()) return null;
            char c = t.charAt(q);
            if (c == '(' || c == ')') {
                q++;
                continue;
            }
            if (c == '/') {
                Word unit = wordAt(t, skipSpaces(t, q + 1, 1));
                String period = unit == null ? null : UNITS.get(unit.text);
                return period == null ? null : new Trail(period, unit.end);
            }
            Word w = wordAt(t, q);
            if (w == null) return null;
            String adverb = ADVERBS.get(w.text);
            if (adverb != null) return new Trail(adverb, w.end);
            if (CONNECTORS.contains(w.text)) {
                Word unit = wordAt(t, skipSpaces(t, w.end, 1));
                String period = unit == null ? null : UNITS.get(unit.text);
                // "an" is a year only in French ("par an"); in English it is the article of "an hour".
                return period != null && (!unit.text.equals("an") || w.text.equals("par")) ? new Trail(period, unit.end) : null;
            }
            if (!FILLERS.contains(w.text) && !(w.text.length() == 3 && CODES.contains(w.text.toUpperCase(Locale.ROOT)))) return null;
            q = w.end;
        }
        return null;
    }

    /** A lower-cased word of letters (and inner dots, "p.a.") at {@code i}, or null. */
    private record Word(String text, int end) {}

    private static Word wordAt(String t, int i) {
        int end = i;
        while (end < t.length() && (Character.isLetter(t.charAt(end)) || t.charAt(end) == '-'
                || (t.charAt(end) == '.' && end > i && end + 1 < t.length() && Character.isLetter(t.charAt(end + 1))))) end++;
        if (end == i) return null;
        if (end < t.length() && t.charAt(end) == '.' && end - i <= 3) end++; // "p.a.", "yr.", "Std."
        String word = t.substring(i, end).toLowerCase(Locale.ROOT);
        String bare = word.endsWith(".") && !word.equals("p.a.") ? word.substring(0, word.length() - 1) : word;
        return new Word(bare, end);
    }

    /**
     * The words of the same clause before an amount, lower-cased: back to a line break, a sentence end, another
     * number or {@link #LOOK_BACK} characters.
     */
    private static String clauseBefore(String t, int start) {
        int from = start;
        while (from > 0 && start - from < LOOK_BACK) {
            char c = t.charAt(from - 1);
            if (c == '\n' || c == ';' || isDigit(c) || ((c == '.' || c == '!' || c == '?') && from < t.length() && isSpace(t.charAt(from)))) break;
            from--;
        }
        return t.substring(from, start).toLowerCase(Locale.ROOT);
    }

    private static String periodIn(String before) {
        for (Map.Entry<String, String> phrase : PERIOD_PHRASES.entrySet()) if (before.contains(phrase.getKey())) return phrase.getValue();
        for (Map.Entry<String, String> adjective : PERIOD_ADJECTIVES.entrySet()) {
            int at = before.indexOf(adjective.getKey());
            if (at < 0) continue;
            Word next = wordAt(before, skipSpaces(before, at + adjective.getKey().length(), 2));
            if (next != null && PAY_WORDS.stream().anyMatch(next.text::startsWith)) return adjective.getValue();
        }
        return null;
    }

    /** Whether the next few words after a period make the amount something else: "per year learning budget". */
    private static boolean trailsNotPay(String t, int end) {
        int q = end;
        for (int words = 0; words < 3; words++) {
            q = skipSpaces(t, q, 2);
            if (q < t.length() && t.charAt(q) == '+') return false;
            Word w = wordAt(t, q);
            if (w == null || CLAUSE_ENDS.contains(w.text)) return false;
            for (String not : NOT_PAY) if (w.text.startsWith(not)) return true;
            for (String not : NOT_PAY_AFTER) if (w.text.startsWith(not)) return true;
            q = w.end;
        }
        return false;
    }

    private static boolean containsWordStart(String text, List<String> starts) {
        for (String s : starts) {
            for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1))
                if (at == 0 || !Character.isLetter(text.charAt(at - 1))) return true;
        }
        return false;
    }

    private static boolean endsWithAny(String before, List<String> words) {
        String trimmed = before.strip();
        if (trimmed.endsWith(":")) trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        for (String w : words) {
            if (trimmed.endsWith(w) && (trimmed.length() == w.length() || !Character.isLetter(trimmed.charAt(trimmed.length() - w.length() - 1))))
                return true;
        }
        return false;
    }

    /** Amounts someone is paid for the period, in dollars scaled by {@link #SCALE}; a range at most tenfold. */
    private static boolean plausible(Double min, Double max, String period, String currency) {
        double scale = SCALE.getOrDefault(currency, 1);
        double[] bounds = switch (period) {
            case "HOUR" -> new double[] {5, 1_000};
            case "DAY" -> new double[] {30, 8_000};
            case "WEEK" -> new double[] {100, 40_000};
            case "MONTH" -> new double[] {300, 150_000};
            default -> new double[] {5_000, 5_000_000};
        };
        for (Double v : new Double[] {min, max}) if (v != null && (v < bounds[0] * scale || v > bounds[1] * scale)) return false;
        return min == null || max == null || max <= min * 10;
    }

    private static int skipSpaces(String t, int i, int max) {
        int p = i;
        while (p < t.length() && p - i < max && isSpace(t.charAt(p))) p++;
        return p;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letterAt(String t, int i) {
        return i < t.length() && Character.isLetter(t.charAt(i));
    }
}
