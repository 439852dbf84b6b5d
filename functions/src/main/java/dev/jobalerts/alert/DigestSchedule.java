package dev.jobalerts.alert;

import dev.jobalerts.subscribe.Frequency;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When digests go out: at {@link #LOCAL_HOUR}:00 in the subscriber's time zone, daily or on Mondays. A queued
 * match is filed under the UTC hour that local hour falls on ({@code daily#13}), so the hourly digest run finds
 * exactly the subscribers due with one Query.
 */
public final class DigestSchedule {
    public static final int LOCAL_HOUR = 8;
    public static final String INSTANT = "instant";

    private DigestSchedule() {}

    /** The pending list a match for this subscriber goes on. */
    public static String pendingKey(Frequency frequency, String timeZone, LocalDate today) {
        if (frequency == Frequency.INSTANT) return INSTANT;
        return frequency.wireName() + "#" + String.format("%02d", utcHour(timeZone, today));
    }

    /** The UTC hour at which LOCAL_HOUR:00 falls in the zone on that day (DST-aware); unknown zones count as UTC. */
    static int utcHour(String timeZone, LocalDate day) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            zone = ZoneOffset.UTC;
        }
        return ZonedDateTime.of(day, LocalTime.of(LOCAL_HOUR, 0), zone).withZoneSameInstant(ZoneOffset.UTC).getHour();
    }
}
