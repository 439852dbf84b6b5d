package dev.jobalerts.posting;

import java.util.Locale;
import java.util.Set;

/**
 * A pay range as the source stated it: bounds, ISO 4217 currency and period. Either bound may be null,
 * not both.
 */
public record Salary(Double min, Double max, String currency, String period) {

    /** Periods we keep; {@code period} is one of these. */
    public static final Set<String> PERIODS = Set.of("HOUR", "DAY", "WEEK", "MONTH", "YEAR");

    public Salary {
        if (min == null && max == null) throw new IllegalArgumentException("salary needs min or max");
        if (min != null && max != null && min > max) {
            double swap = min;
            min = max;
            max = swap;
        }
        currency = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
        period = period == null ? "YEAR" : period.trim().toUpperCase(Locale.ROOT);
        if (!PERIODS.contains(period)) throw new IllegalArgumentException("period must be one of " + PERIODS + ", was " + period);
    }

    /** Top of the range, scaled to a year the way job boards do (2080 working hours, 260 days, 52 weeks, 12 months). */
    public double annualTop() {
        double top = max != null ? max : min;
        return top * switch (period) {
            case "HOUR" -> 2080;
            case "DAY" -> 260;
            case "WEEK" -> 52;
            case "MONTH" -> 12;
            default -> 1;
        };
    }
}
