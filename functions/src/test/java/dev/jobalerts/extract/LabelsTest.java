package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.Labels.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

    /** A text node's label and the value after it ("-" when the text is only the label). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Company: Contoso                    | COMPANY  | Contoso
            company:Contoso                     | COMPANY  | Contoso
            '  Location :  Raleigh, NC'         | LOCATION | Raleigh, NC
            Job Title: Senior Nurse             | TITLE    | Senior Nurse
            Date Posted                         | DATE     | -
            Date posted:                        | DATE     | ''
            Posted on: March 3, 2026            | DATE     | March 3, 2026
            Posted on April 1, 2026             | DATE     | April 1, 2026
            posted 4/9/2025                     | DATE     | 4/9/2025
            Employment Type                     | TYPE     | -
            Schedule: Full-time                 | TYPE     | Full-time
            Annual Salary: $90,000              | SALARY   | $90,000
            Hiring Organization                 | COMPANY  | -
            Work location*                      | LOCATION | -
            Standort                            | LOCATION | -
            Arbeitgeber: Stadtwerke Auenfeld    | COMPANY  | Stadtwerke Auenfeld
            Veröffentlicht am 02.04.2026        | DATE     | 02.04.2026
            Anstellungsart: Vollzeit            | TYPE     | Vollzeit
            Gehalt: 3.600 €                     | SALARY   | 3.600 €
            Lieu : Lyon                         | LOCATION | Lyon
            Date de publication                 | DATE     | -
            Publié le 12 mars 2026              | DATE     | 12 mars 2026
            Type d’emploi : CDI                 | TYPE     | CDI
            Rémunération                        | SALARY   | -
            ENTREPRISE                          | COMPANY  | -
            """)
    void at_findsTheLabelAndWhereItsValueStarts(String text, Field field, String value) {
        Labels.Hit hit = Labels.at(text);
        assertThat(hit).isNotNull();
        assertThat(hit.field()).isEqualTo(field);
        if (value.equals("-")) assertThat(hit.valueStart()).isEqualTo(-1);
        else assertThat(text.substring(hit.valueStart()).trim()).isEqualTo(value);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Locations are listed below", "Company culture matters to us", "Our location in Berlin",
            "Note: bring a CV", "10:30", "Closing date", "Start date: May 1", "Updated: yesterday", "Department",
            "The position is based in Leeds", "Posted", "Contact", "Careers", "", "   "})
    void at_readsNoLabelIntoProse(String text) {
        Labels.Hit hit = Labels.at(text);
        // "Posted" alone is a label; the rest is prose or a field this reader does not take
        if (text.equals("Posted")) assertThat(hit).isNotNull();
        else assertThat(hit).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Company: X        | true
            Location          | true
            Lieu :            | true
            Raleigh, NC       | false
            Posted by Jane    | false
            Full-time         | false
            """)
    void isLabel_tellsLabelsFromValues(String text, boolean label) {
        assertThat(Labels.isLabel(text)).isEqualTo(label);
    }
}
