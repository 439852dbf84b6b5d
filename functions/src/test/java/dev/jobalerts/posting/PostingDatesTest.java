package dev.jobalerts.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostingDatesTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            2026-04-01                          | 2026-04-01
            2026-04-01T23:30:00-07:00           | 2026-04-01
            2026-04-01T08:00:00Z                | 2026-04-01
            2026-04-01 08:00                    | 2026-04-01
            Wed, 08 Apr 2026 14:12:09 +0000     | 2026-04-08
            Tue, 7 Apr 26 09:00:00 EST          | 2026-04-07
            8 Apr 2026                          | 2026-04-08
            1775433600000                       | 2026-04-06
            1775433600                          | 2026-04-06
            April 1, 2026                       | 2026-04-01
            Apr 1st, 2026                       | 2026-04-01
            1st April 2026                      | 2026-04-01
            Sept. 3, 2026                       | 2026-09-03
            2026/4/1                            | 2026-04-01
            Posted on April 1, 2026             | 2026-04-01
            Posted: 28 March 2026               | 2026-03-28
            today                               | 2026-04-10
            Posted today                        | 2026-04-10
            yesterday                           | 2026-04-09
            2 days ago                          | 2026-04-08
            Posted 30+ days ago                 | 2026-03-11
            an hour ago                         | 2026-04-10
            13 hours ago                        | 2026-04-09
            1 week ago                          | 2026-04-03
            2 months ago                        | 2026-02-10
            2026-02-30                          | NULL
            not a date                          | NULL
            ''                                  | NULL
            April 2026                          | NULL
            15. März 2026                       | 2026-03-15
            Mittwoch, 1. April 2026             | 2026-04-01
            3 avril 2026                        | 2026-04-03
            1er avril 2026                      | 2026-04-01
            le 12 févr. 2026                    | 2026-02-12
            14 juil. 2025                       | 2025-07-14
            Veröffentlicht am 02.04.2026        | 2026-04-02
            Publié le 03/04/2026                | 2026-03-04
            heute                               | 2026-04-10
            gestern                             | 2026-04-09
            vor 3 Tagen                         | 2026-04-07
            vor einem Monat                     | 2026-03-10
            vor über 30 Tagen                   | 2026-03-11
            aujourd'hui                         | 2026-04-10
            hier                                | 2026-04-09
            il y a 2 jours                      | 2026-04-08
            il y a plus de 30 jours             | 2026-03-11
            il y a une semaine                  | 2026-04-03
            Maintenance 3, 2026                 | NULL
            3 jui 2026                          | NULL
            """)
    void normalise_readsTheFormsJobSourcesUse(String raw, String expected) {
        assertThat(PostingDates.normalise(raw, FETCHED)).isEqualTo(expected);
    }

    /** Numeric dates: the locale's order unless a number over 12 can only be the day; dots are always day first. */
    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            11/03/2025                | en-US | 2025-11-03
            11/03/2025                | en-GB | 2025-03-11
            11/03/2025                | fr-FR | 2025-03-11
            11/03/2025                | de-DE | 2025-03-11
            11/03/2025                | en    | 2025-11-03
            4/9/2025                  | en-US | 2025-04-09
            posted 4/9/2025           | en-US | 2025-04-09
            Posted on: 4/9/2025       | en-GB | 2025-09-04
            13/02/2026                | en-US | 2026-02-13
            02/13/2026                | en-GB | 2026-02-13
            11.03.2025                | en-US | 2025-03-11
            11.03.2025                | de-DE | 2025-03-11
            3.4.2026                  | de-DE | 2026-04-03
            11-03-2025                | nl-NL | 2025-03-11
            11-03-2025                | en-US | 2025-11-03
            03/04/26                  | en-US | 2026-03-04
            03.04.26                  | de-CH | 2026-04-03
            11/03/2025 10:30 AM       | en-US | 2025-11-03
            13/13/2026                | en-US | NULL
            31/02/2026                | en-GB | NULL
            1.2.3                     | de-DE | NULL
            12/31/9999                | en-US | NULL
            1/2/1850                  | en-US | NULL
            10.5.2026.1               | de-DE | NULL
            """)
    void normalise_readsNumericDatesInTheSourcesOrder(String raw, String locale, String expected) {
        assertThat(PostingDates.normalise(raw, FETCHED, java.util.Locale.forLanguageTag(locale))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void normalise_whenRelativeWithoutFetchTime_returnsNull() {
        assertThat(PostingDates.normalise("2 days ago", null)).isNull();
        assertThat(PostingDates.normalise(null, FETCHED)).isNull();
    }

    /** The hand check replaced this pattern; it must accept exactly what the pattern matched. */
    @ParameterizedTest(name = "[{index}]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "2026-04-01", "2026-04-01t08:00:00z", "2026-04-01 08:00", "2026-04-011", "2026-04-0", "2026-4-01",
            "2026-04-01\n08:00", "2026-04-01\r", "2026-04-01 \u2028x", "2026-04-01\u0085", "2026-04-01x\u2029",
            "2026/04/01", "x2026-04-01", "٢٠٢٦-٠٤-٠١", "2026-04-01\t", "2026-04-01é", ""})
    void startsWithIsoDate_acceptsWhatTheIsoPatternMatched(String text) {
        boolean pattern = java.util.regex.Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:$|\\D).*").matcher(text).matches();
        assertThat(PostingDates.startsWithIsoDate(text)).isEqualTo(pattern);
    }
}
