package dev.jobalerts.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Salary fields some APIs give as free text (BambooHR's {@code compensation}, Remotive's {@code salary}) are read by
 * the same reader as salaries stated in a description: an amount with a currency and its period, never guessed.
 */
class SalaryFieldTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            $68,000 - $74,000 per year      | 68000   | 74000  | USD | YEAR
            $85,000-$95,000/year            | 85000   | 95000  | USD | YEAR
            $50 per hour                    | 50 | 50 | USD | HOUR
            $24.50/hr                       | 24.5 | 24.5 | USD | HOUR
            $25 - $35/hr                    | 25      | 35     | USD | HOUR
            $20 an hour                     | 20 | 20 | USD | HOUR
            $70K - $90K annually            | 70000   | 90000  | USD | YEAR
            $120k per annum                 | 120000 | 120000 | USD | YEAR
            USD 60,000 - 70,000 per year    | 60000   | 70000  | USD | YEAR
            60,000 - 70,000 USD per year    | 60000   | 70000  | USD | YEAR
            CAD 21.50 - 24 per hour         | 21.5    | 24     | CAD | HOUR
            € 4.000 - € 5.000 per month     | 4000    | 5000   | EUR | MONTH
            £32,000 – £38,000 per annum     | 32000   | 38000  | GBP | YEAR
            £450 per week                   | 450 | 450 | GBP | WEEK
            $300/day                        | 300 | 300 | USD | DAY
            $90,000 - $120,000 per year     | 90000   | 120000 | USD | YEAR
            €45k–55k/yr                     | 45000   | 55000  | EUR | YEAR
            $25 - $32 / hour                | 25      | 32     | USD | HOUR
            £4,000 per month                | 4000 | 4000 | GBP | MONTH
            $41.10/hr                       | 41.1 | 41.1 | USD | HOUR
            """)
    void find_whenTheFieldIsMoneyWithAPeriod_readsIt(String text, Double min, Double max, String currency, String period) {
        // A single amount is both ends of its range.
        Salary salary = SalaryText.find(text);
        assertThat(salary).isNotNull();
        assertThat(salary.min()).isEqualTo(min);
        assertThat(salary.max()).isEqualTo(max);
        assertThat(salary.currency()).isEqualTo(currency);
        assertThat(salary.period()).isEqualTo(period);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Competitive", "Competitive, depending on experience", "DOE", "$68,000 - $74,000", "$40,000 - $50,000",
            "$90k DOE", "60,000 - 70,000 per year", "401k per year", "$0 per hour", "Up to 20 hours per week", "3 days per week",
            "up to $5k bonus per year", "$", "", "   "})
    void find_whenTheFieldIsNotMoneyWithAPeriod_readsNothing(String text) {
        assertThat(SalaryText.find(text)).isNull();
    }
}
