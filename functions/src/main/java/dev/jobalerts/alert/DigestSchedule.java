package dev.jobalerts.alert;

import dev.jobalerts.subscribe.Frequency;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When digests go out: at {@link #LOCAL_HOUR}:00 in the subscriber's time zone, daily, or weekly on the
 * subscriber's {@link #WEEKLY_DAY}. A queued match is filed under the UTC hour that local hour falls on
 * ({@code daily#13}), so the hourly digest run finds the subscribers due with a few Queries; whether an entry on
 * such a list is due is decided by {@link #lastDue}, in the subscriber's zone, so DST changes and missed runs
 * never send early or strand an entry.
 */
public final class DigestSchedule {
    public static final int LOCAL_HOUR = 8;
    public static final DayOfWeek WEEKLY_DAY = DayOfWeek.MONDAY;
    public static final String INSTANT = "instant";

    private DigestSchedule() {}

    /** The pending list a match for this subscriber goes on. */
    public static String pendingKey(Frequency frequency, String timeZone, LocalDate today) {
        if (frequency == Frequency.INSTANT) return INSTANT;
        return listKey(frequency, utcHour(timeZone, today));
    }

    /** {@code daily#07}: the pending list of digests due at that UTC hour. */
    public static String listKey(Frequency frequency, int utcHour) {
        return frequency.wireName() + "#" + String.format("%02d", utcHour);
    }

    /** The frequency a pending list belongs to: {@code daily#07} → DAILY, {@code instant} → INSTANT. */
    public static Frequency frequencyOf(String pendingKey) {
        int hash = pendingKey.indexOf('#');
        return Frequency.fromWire(hash < 0 ? pendingKey : pendingKey.substring(0, hash));
    }

    /**
     * The latest digest time at or before {@code now} for a subscriber in this zone: today's (or yesterday's)
     * {@link #LOCAL_HOUR}:00 for daily, the latest {@link #WEEKLY_DAY} {@link #LOCAL_HOUR}:00 for weekly, {@code now}
     * itself for instant. A queued match is due once it was queued before this instant, so a match found after
     * today's digest went out waits for tomorrow's.
     */
    public static Instant lastDue(Frequency frequency, String timeZone, Instant now) {
        if (frequency == Frequency.INSTANT) return now;
        ZoneId zone = zone(timeZone);
        LocalDate day = now.atZone(zone).toLocalDate();
        if (frequency == Frequency.WEEKLY) day = day.with(TemporalAdjusters.previousOrSame(WEEKLY_DAY));
        ZonedDateTime due = at(day, zone);
        if (due.toInstant().isAfter(now)) due = at(frequency == Frequency.WEEKLY ? day.minusWeeks(1) : day.minusDays(1), zone);
        return due.toInstant();
    }

    /** The UTC hour at which LOCAL_HOUR:00 falls in the zone on that day (DST-aware); unknown zones count as UTC. */
    static int utcHour(String timeZone, LocalDate day) {
        return at(day, zone(timeZone)).withZoneSameInstant(ZoneOffset.UTC).getHour();
    }

    private static ZonedDateTime at(LocalDate day, ZoneId zone) {
        // 08:00 is never inside a DST gap in today's zone rules; if it were, ZonedDateTime.of moves it forward.
        return ZonedDateTime.of(day, LocalTime.of(LOCAL_HOUR, 0), zone);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
