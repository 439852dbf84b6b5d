package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.posting.Salary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatedPayTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            $68,000 - $74,000 per year      | 68000   | 74000  | -   | YEAR
            $85,000-$95,000/year            | 85000   | 95000  | -   | YEAR
            $50 per hour                    | 50      | -      | -   | HOUR
            $24.50/hr                       | 24.5    | -      | -   | HOUR
            $25 - $35/hr                    | 25      | 35     | -   | HOUR
            $20 an hour                     | 20      | -      | -   | HOUR
            $70K - $90K annually            | 70000   | 90000  | -   | YEAR
            $120k per annum                 | 120000  | -      | -   | YEAR
            USD 60,000 - 70,000 per year    | 60000   | 70000  | USD | YEAR
            60,000 - 70,000 USD per year    | 60000   | 70000  | USD | YEAR
            $60,000 to $70,000 a year USD   | 60000   | 70000  | USD | YEAR
            CAD 21.50 - 24 per hour         | 21.5    | 24     | CAD | HOUR
            € 4.000 - € 5.000 per month     | 4000    | 5000   | EUR | MONTH
            EUR 4.000 – 5.000 monthly       | 4000    | 5000   | EUR | MONTH
            £32,000 – £38,000 per annum     | 32000   | 38000  | GBP | YEAR
            £450 per week                   | 450     | -      | GBP | WEEK
            $300/day                        | 300     | -      | -   | DAY
            $1,234.56 per month             | 1234.56 | -      | -   | MONTH
            24,50 € per hour                | 24.5    | -      | EUR | HOUR
            $95,000 - $80,000 per year      | 80000   | 95000  | -   | YEAR
            """)
    void read_whenTheTextIsMoneyWithAPeriod_setsTheSalary(String text, Double min, Double max, String currency, String period) {
        PostingDraft d = new PostingDraft();
        StatedPay.read(text, d);
        assertThat(d.salary).isEqualTo(new Salary(min, max, currency, period));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Competitive", "Competitive, depending on experience", "DOE", "$68,000 - $74,000",
            "$90k DOE", "60,000 - 70,000 per year", "From $60,000 per year", "$60k + bonus per year", "401k per year",
            "$0 per hour", "Up to 20 hours per week", "3 days per week", "$", "", "   ",
            "$50 per hour, plus $10,000 signing bonus per year and equity in a company with 200 employees spread over twelve offices"})
    void read_whenTheTextIsNotMoneyWithAPeriod_setsNothing(String text) {
        PostingDraft d = new PostingDraft();
        StatedPay.read(text, d);
        assertThat(d.salary).isNull();
    }
}
