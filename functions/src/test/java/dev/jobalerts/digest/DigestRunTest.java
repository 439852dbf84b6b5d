package dev.jobalerts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestRunTest {

    @Test
    void listsToRead_onMonday_readsInstantAndDailyAndWeeklyFromSixHoursBackToOneAhead() {
        List<String> lists = DigestRun.listsToRead(Instant.parse("2026-11-23T08:10:00Z"));

        assertThat(lists).first().isEqualTo("instant");
        assertThat(lists).filteredOn(l -> l.startsWith("daily#"))
                .containsExactly("daily#09", "daily#08", "daily#07", "daily#06", "daily#05", "daily#04", "daily#03", "daily#02");
        assertThat(lists).filteredOn(l -> l.startsWith("weekly#")).hasSize(8).contains("weekly#08", "weekly#02", "weekly#09");
    }

    @Test
    void listsToRead_onWednesday_skipsWeeklyLists() {
        assertThat(DigestRun.listsToRead(Instant.parse("2026-11-25T08:10:00Z"))).noneMatch(l -> l.startsWith("weekly#"));
    }

    @Test
    void listsToRead_justAfterMidnight_wrapsToYesterdaysHours() {
        assertThat(DigestRun.listsToRead(Instant.parse("2026-11-24T01:00:00Z"))).filteredOn(l -> l.startsWith("daily#"))
                .containsExactly("daily#02", "daily#01", "daily#00", "daily#23", "daily#22", "daily#21", "daily#20", "daily#19");
    }

    @ParameterizedTest(name = "{0} {1} at {2}, subscriber {3} → due {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # state  | list      | claimed/queued at    | subscriber   | due
            queued   | daily#08  | 2026-11-22T15:00:00Z | active       | true
            queued   | daily#08  | 2026-11-23T08:00:00Z | active       | false
            queued   | daily#08  | 2026-11-23T08:00:00Z | unsubscribed | true
            queued   | daily#08  | 2026-11-23T08:00:00Z | gone         | true
            queued   | weekly#08 | 2026-11-22T15:00:00Z | active       | true
            queued   | weekly#08 | 2026-11-23T08:04:00Z | active       | false
            claimed  | instant   | 2026-11-23T07:49:59Z | active       | true
            claimed  | instant   | 2026-11-23T07:50:00Z | active       | false
            claimed  | daily#08  | 2026-11-23T07:49:00Z | active       | true
            sent     | daily#08  | 2026-11-22T15:00:00Z | active       | false
            skipped  | instant   | 2026-11-22T15:00:00Z | active       | false
            """)
    void isDue_atMondayFivePastEight_forUtcSubscriber(String state, String list, Instant at, String subscriber, boolean due) {
        Instant now = Instant.parse("2026-11-23T08:05:00Z");
        Delivery delivery = new Delivery("sub", "p-1", "s0", List.of(), DeliveryState.fromStored(state), at, list);
        Optional<Subscriber> profile = subscriber.equals("gone") ? Optional.empty() : Optional.of(new Subscriber("sub",
                "ada@example.test", SubscriberStatus.fromWire(subscriber), Frequency.DAILY, "UTC", "n", at, null));

        assertThat(DigestRun.isDue(delivery, profile, now)).isEqualTo(due);
    }
}
