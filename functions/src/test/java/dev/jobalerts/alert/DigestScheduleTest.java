package dev.jobalerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.subscribe.Frequency;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestScheduleTest {

    @ParameterizedTest(name = "{0} in {1} at {2} → last due {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # frequency | zone                | now                  | last due
            DAILY       | UTC                 | 2026-11-23T08:00:00Z | 2026-11-23T08:00:00Z
            DAILY       | UTC                 | 2026-11-23T07:59:59Z | 2026-11-22T08:00:00Z
            DAILY       | America/New_York    | 2026-11-23T13:05:00Z | 2026-11-23T13:00:00Z
            DAILY       | America/New_York    | 2026-11-23T12:59:00Z | 2026-11-22T13:00:00Z
            DAILY       | Asia/Kolkata        | 2026-11-23T02:30:00Z | 2026-11-23T02:30:00Z
            DAILY       | Asia/Kolkata        | 2026-11-23T02:29:00Z | 2026-11-22T02:30:00Z
            # Berlin leaves summer time on 2026-10-25: 08:00 is 06:00Z on the Saturday, 07:00Z on the Sunday
            DAILY       | Europe/Berlin       | 2026-10-25T06:30:00Z | 2026-10-24T06:00:00Z
            DAILY       | Europe/Berlin       | 2026-10-25T07:00:00Z | 2026-10-25T07:00:00Z
            # New York enters summer time on 2026-03-08: 08:00 is 13:00Z on the Saturday, 12:00Z on the Sunday
            DAILY       | America/New_York    | 2026-03-08T12:00:00Z | 2026-03-08T12:00:00Z
            DAILY       | America/New_York    | 2026-03-08T11:59:00Z | 2026-03-07T13:00:00Z
            # 2026-11-23 is a Monday
            WEEKLY      | Europe/Berlin       | 2026-11-23T07:00:00Z | 2026-11-23T07:00:00Z
            WEEKLY      | Europe/Berlin       | 2026-11-23T06:59:00Z | 2026-11-16T07:00:00Z
            WEEKLY      | Europe/Berlin       | 2026-11-28T12:00:00Z | 2026-11-23T07:00:00Z
            WEEKLY      | America/Los_Angeles | 2026-11-23T16:00:00Z | 2026-11-23T16:00:00Z
            # Monday 08:00 in Auckland (UTC+13 in November) is Sunday 19:00Z
            WEEKLY      | Pacific/Auckland    | 2026-11-22T19:00:00Z | 2026-11-22T19:00:00Z
            WEEKLY      | Pacific/Auckland    | 2026-11-22T18:59:00Z | 2026-11-15T19:00:00Z
            # the Monday after Berlin leaves summer time: 08:00 CET is 07:00Z
            WEEKLY      | Europe/Berlin       | 2026-10-26T07:00:00Z | 2026-10-26T07:00:00Z
            DAILY       | Not/AZone           | 2026-11-23T08:00:00Z | 2026-11-23T08:00:00Z
            INSTANT     | Europe/Berlin       | 2026-11-23T03:17:00Z | 2026-11-23T03:17:00Z
            """)
    void lastDue_isTheLatestLocalEightOClockAtOrBeforeNow(Frequency frequency, String zone, Instant now, Instant expected) {
        assertThat(DigestSchedule.lastDue(frequency, zone, now)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1} on {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DAILY   | UTC              | 2026-11-23 | daily#08
            DAILY   | America/New_York | 2026-11-23 | daily#13
            DAILY   | America/New_York | 2026-07-01 | daily#12
            WEEKLY  | Pacific/Auckland | 2026-11-23 | weekly#19
            INSTANT | Europe/Berlin    | 2026-11-23 | instant
            """)
    void pendingKey_namesTheUtcHourOfLocalEight(Frequency frequency, String zone, LocalDate day, String expected) {
        assertThat(DigestSchedule.pendingKey(frequency, zone, day)).isEqualTo(expected);
        assertThat(DigestSchedule.frequencyOf(expected)).isEqualTo(frequency);
    }
}
