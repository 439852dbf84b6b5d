package dev.jobalerts.source;

import java.util.Arrays;

/**
 * How a source's last fetch ended. The stored form ({@link #stored()}) is the Sources table's {@code lastStatus}
 * attribute and what {@code sources} and {@code fetch} print, so it never changes once written.
 */
public enum FetchStatus {
    /** Not fetched yet. */
    NEVER("never"),
    /** The listing changed and was read whole. */
    OK("ok"),
    /** Read whole, same content as last time. */
    UNCHANGED("unchanged"),
    /** The server answered 304 to the conditional GET. */
    NOT_MODIFIED("not-modified"),
    /** Not reached before the run's deadline; it keeps its due time and goes first next run. */
    DEFERRED("deferred"),
    /** robots.txt forbids the listing (RFC 9309). */
    DISALLOWED("disallowed"),
    FAILED("failed");

    private final String stored;

    FetchStatus(String stored) {
        this.stored = stored;
    }

    /** The value of the {@code lastStatus} attribute, and the word shown to the operator. */
    public String stored() {
        return stored;
    }

    /** Whether this run counts towards the source's failures in a row (and so towards being flagged broken). */
    public boolean isFailure() {
        return this == FAILED || this == DISALLOWED;
    }

    /** The status a stored {@code lastStatus} attribute names. */
    public static FetchStatus fromStored(String value) {
        for (FetchStatus status : values()) if (status.stored.equals(value)) return status;
        throw new IllegalArgumentException("lastStatus must be one of " + Arrays.stream(values()).map(FetchStatus::stored).toList()
                + ", was \"" + value + "\"");
    }

    @Override
    public String toString() {
        return stored;
    }
}
