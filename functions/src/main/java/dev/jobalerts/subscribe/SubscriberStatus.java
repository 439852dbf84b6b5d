package dev.jobalerts.subscribe;

import java.util.Locale;

/** Where a subscriber stands. Only {@link #ACTIVE} subscribers receive alerts. */
public enum SubscriberStatus {
    /** Signed up, confirmation link not yet followed. */
    PENDING,
    ACTIVE,
    /** Chose to stop alerts for now; manage page can resume. */
    PAUSED,
    UNSUBSCRIBED,
    /** Hard bounce or complaint: we must not mail this address again unless they sign up afresh. */
    SUPPRESSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriberStatus fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status must be one of pending, active, paused, unsubscribed, suppressed: " + value);
        }
    }
}
