package dev.jobalerts.posting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Set;

/**
 * A pay range as the source stated it: bounds, ISO 4217 currency and period. Either bound may be null,
 * not both.
 *
 * @param fromText read from the posting's prose ("$58,000 - $91,000/year" in the description, a "Salary:" line)
 *                 rather than from a structured field, so an email can say where it came from; left out of JSON
 *                 when false, so postings stored before it existed read the same
 */
public record Salary(Double min, Double max, String currency, String period,
                     @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean fromText) {

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

    /** A salary from a structured field (JSON-LD baseSalary, an ATS pay range). */
    public Salary(Double min, Double max, String currency, String period) {
        this(min, max, currency, period, false);
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
