package dev.jobalerts.posting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.CpuTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalaryTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            $58,000 - $91,000/year                                              | 58000  | 91000  | USD | YEAR
            $41.10/hour                                                         | 41.1   | 41.1   | USD | HOUR
            Annual Salary: $180,000—$240,000 USD                                | 180000 | 240000 | USD | YEAR
            £45k–£55k per annum                                                 | 45000  | 55000  | GBP | YEAR
            €60.000 – €70.000 brutto/Jahr                                       | 60000  | 70000  | EUR | YEAR
            $120K+ a year                                                       | 120000 | -      | USD | YEAR
            The pay range for this role is $95,000 to $120,000 per year.        | 95000  | 120000 | USD | YEAR
            Pay: $18 - $22 an hour                                              | 18     | 22     | USD | HOUR
            $22.50 per hour plus tips                                           | 22.5   | 22.5   | USD | HOUR
            USD 130,000 - 150,000 annually                                      | 130000 | 150000 | USD | YEAR
            130,000 - 150,000 USD per year                                      | 130000 | 150000 | USD | YEAR
            Salary: £32,000 per annum                                           | 32000  | 32000  | GBP | YEAR
            £32,000 p.a. plus benefits                                          | 32000  | 32000  | GBP | YEAR
            £28k pa                                                             | 28000  | 28000  | GBP | YEAR
            £450 per day outside IR35                                           | 450    | 450    | GBP | DAY
            Day rate: £500 - £600                                               | 500    | 600    | GBP | DAY
            £12.50/hr                                                           | 12.5   | 12.5   | GBP | HOUR
            Hourly rate: $35                                                    | 35     | 35     | USD | HOUR
            Hourly pay $19.75                                                   | 19.75  | 19.75  | USD | HOUR
            Up to $85,000 a year                                                | -      | 85000  | USD | YEAR
            Starting at $60,000 per year                                        | 60000  | -      | USD | YEAR
            from £40,000 a year                                                 | 40000  | -      | GBP | YEAR
            between $50,000 and $65,000 per year                                | 50000  | 65000  | USD | YEAR
            $4,500/month                                                        | 4500   | 4500   | USD | MONTH
            $1,200 per week                                                     | 1200   | 1200   | USD | WEEK
            $95k-$110k/yr                                                       | 95000  | 110000 | USD | YEAR
            $120-150K per year                                                  | 120000 | 150000 | USD | YEAR
            US$ 70,000 - 80,000 yearly                                          | 70000  | 80000  | USD | YEAR
            CA$85,000–CA$100,000 per year                                       | 85000  | 100000 | CAD | YEAR
            C$28/hour                                                           | 28     | 28     | CAD | HOUR
            AU$120,000 per annum                                                | 120000 | 120000 | AUD | YEAR
            CHF 110'000 - 130'000 p.a.                                          | 110000 | 130000 | CHF | YEAR
            Gehalt: 55.000 € – 65.000 € brutto im Jahr                          | 55000  | 65000  | EUR | YEAR
            Jahresgehalt: 62.000–74.000 €                                       | 62000  | 74000  | EUR | YEAR
            Stundenlohn: 14,50 €                                                | 14.5   | 14.5   | EUR | HOUR
            3.800 € brutto pro Monat                                            | 3800   | 3800   | EUR | MONTH
            ab 48.000 EUR jährlich                                              | 48000  | -      | EUR | YEAR
            Vergütung: 4.200 € monatlich                                        | 4200   | 4200   | EUR | MONTH
            Salaire : 45 000 € – 55 000 € brut par an                           | 45000  | 55000  | EUR | YEAR
            45 k€ brut/an                                                       | 45000  | 45000  | EUR | YEAR
            Rémunération annuelle : de 38 000 à 42 000 euros                    | 38000  | 42000  | EUR | YEAR
            Salaire mensuel : 2 400 €                                           | 2400   | 2400   | EUR | MONTH
            Taux horaire : 12,80 €                                              | 12.8   | 12.8   | EUR | HOUR
            2 100 € par mois                                                    | 2100   | 2100   | EUR | MONTH
            €55,000 - €65,000 per annum DOE                                     | 55000  | 65000  | EUR | YEAR
            $150,000 (base) per year                                            | 150000 | 150000 | USD | YEAR
            Compensation: $200K - $250K USD annually + equity                   | 200000 | 250000 | USD | YEAR
            ₹12,00,000 per annum                                                | -      | -      | -   | -
            ¥6,000,000 per year                                                 | 6000000 | 6000000 | JPY | YEAR
            Warehouse Associate - $18/hr - Night Shift                          | 18     | 18     | USD | HOUR
            50 dollars an hour                                                  | 50     | 50     | USD | HOUR
            $1,234.56 a week                                                    | 1234.56 | 1234.56 | USD | WEEK
            """)
    void find_readsTheMoneyStatedWithItsPeriod(String text, Double min, Double max, String currency, String period) {
        Salary salary = SalaryText.find(text);
        if (period == null) {
            assertThat(salary).isNull();
            return;
        }
        assertThat(salary).isNotNull();
        assertThat(salary.min()).isEqualTo(min);
        assertThat(salary.max()).isEqualTo(max);
        assertThat(salary.currency()).isEqualTo(currency);
        assertThat(salary.period()).isEqualTo(period);
        assertThat(salary.fromText()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "5+ years of experience with Python",
            "Join a team of 12 engineers",
            "We match your 401k up to 4%",
            "401(k) with a 6% match",
            "$5M in annual revenue",
            "We raised $40 million in our Series B",
            "Our customers process $2 billion a year",
            "Salary: competitive",
            "Gehalt: 62.000–74.000 €",
            "$58,000 - $91,000 depending on experience",
            "£500 joining bonus",
            "25 days holiday per year",
            "Annual bonus of $5,000",
            "$5,000 annual bonus",
            "A $1,000 per year learning budget",
            "€30 per month gym membership",
            "$50/month phone stipend",
            "Annual leave: 25 days; salary £30,000",
            "Work 40 hours per week",
            "Lift up to 50 pounds per day",
            "Sign-on bonus: $10,000 paid per year of service",
            "Version 2.1.2024 per year",
            "In 2026 we grew 300% per year",
            "Call 555-0100 per day",
            "$0 deductible health plan per month",
            "Revenue of €3,5 Mrd per year",
            "Save $100,000 a year on cloud costs",
            "Referral fee $2,000 per hire",
            "$5,000 an hour",
            "$3 per hour",
            "30 Tage Jahresurlaub, Gehalt 50.000 €",
            "Prime annuelle de 3 000 €",
            "5 ans d'expérience, 35 heures par semaine",
            "A4 paper, 80 g per sheet",
            ""})
    void find_leavesNumbersThatAreNotPayAlone(String text) {
        assertThat(SalaryText.find(text)).isNull();
    }

    @Test
    void find_whenTheSourceIsCanadian_readsABareDollarAsCad() {
        assertThat(SalaryText.find("$72,000 - $80,000 per year", Locale.forLanguageTag("en-CA")).currency()).isEqualTo("CAD");
        assertThat(SalaryText.find("$72,000 - $80,000 per year", Locale.UK).currency()).isEqualTo("USD");
    }

    @Test
    void find_takesTheFirstSalaryInTheText() {
        Salary salary = SalaryText.find("We are 40 people.\n\nPay: $30 - $34/hour for the day shift, $36/hour for nights.");
        assertThat(salary.min()).isEqualTo(30.0);
        assertThat(salary.max()).isEqualTo(34.0);
    }

    @Test
    void json_marksOnlyASalaryReadFromText_andReadsOldPostings() throws Exception {
        var mapper = dev.jobalerts.json.Json.mapper();
        assertThat(mapper.writeValueAsString(new Salary(1.0, 2.0, "USD", "HOUR"))).doesNotContain("fromText");
        assertThat(mapper.writeValueAsString(new Salary(1.0, 2.0, "USD", "HOUR", true))).contains("\"fromText\":true");
        Salary old = mapper.readValue("{\"min\":1.0,\"max\":2.0,\"currency\":\"USD\",\"period\":\"HOUR\"}", Salary.class);
        assertThat(old).isEqualTo(new Salary(1.0, 2.0, "USD", "HOUR"));
    }

    @Test
    void find_onALongTextWithoutMoney_costsTimeInProportionToTheText() {
        String sentence = "Numbers 1, 2, 3 and words without any currency. ";
        String quarter = sentence.repeat(25_000);
        String whole = sentence.repeat(100_000); // 5 MB
        assertThat(SalaryText.find(whole)).isNull();

        // Four times the text costs about four times the CPU; a scan that went back over the text for each number
        // would cost sixteen times. (CPU time of this thread, not the wall clock, which a busy machine stretches.)
        long quarterCost = CpuTime.leastOf(5, () -> SalaryText.find(quarter));
        long wholeCost = CpuTime.leastOf(5, () -> SalaryText.find(whole));
        assertThat((double) wholeCost / quarterCost).as("CPU for 4x the text, in multiples").isLessThan(8.0);
    }
}
