package dev.jobalerts.source;

import java.time.Instant;

/**
 * What the last runs of one source looked like. Kept with the source, shown by {@code jobalerts.jar sources},
 * never mailed to subscribers.
 *
 * @param lastStatus          how the last run ended
 * @param detail              a short human reason for the status (HTTP status, robots, error)
 * @param consecutiveFailures failed runs in a row; reset by any success
 * @param postingsLastRun     postings on the listing the last time it was read whole (-1 before the first time)
 * @param postingsHighWater   the most postings ever found in one run, to notice a source that went silent
 * @param broken              too many failures in a row, or no postings where there used to be many
 */
public record SourceHealth(
        Instant lastRunAt,
        FetchStatus lastStatus,
        String detail,
        int consecutiveFailures,
        int postingsLastRun,
        int postingsHighWater,
        boolean broken) {

    /** Failed runs in a row after which a source is flagged broken. */
    public static final int FAILURES_BEFORE_BROKEN = 5;
    /** A source that used to yield at least this many postings and now yields none is flagged broken. */
    public static final int MANY_POSTINGS = 5;

    public static SourceHealth unknown() {
        return new SourceHealth(null, FetchStatus.NEVER, "", 0, -1, 0, false);
    }

    public SourceHealth afterFetch(Instant at, FetchStatus status, String why) {
        int failures = status.isFailure() ? consecutiveFailures + 1 : 0;
        return new SourceHealth(at, status, why, failures, postingsLastRun, postingsHighWater,
                failures >= FAILURES_BEFORE_BROKEN || wentSilent(postingsLastRun, postingsHighWater));
    }

    /** After the whole listing was read: how many postings it held. */
    public SourceHealth afterListing(int postingsFound) {
        int highWater = Math.max(postingsHighWater, postingsFound);
        return new SourceHealth(lastRunAt, lastStatus, detail, consecutiveFailures, postingsFound, highWater,
                consecutiveFailures >= FAILURES_BEFORE_BROKEN || wentSilent(postingsFound, highWater));
    }

    private static boolean wentSilent(int found, int highWater) {
        return found == 0 && highWater >= MANY_POSTINGS;
    }
}
