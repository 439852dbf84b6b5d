package dev.jobalerts.store;

import java.util.Arrays;

/**
 * Where one delivery-ledger entry stands. The stored form is {@link #stored()}: it appears in the Deliveries table's
 * {@code state} attribute and in its condition expressions, so it never changes once written.
 */
public enum DeliveryState {
    /** An instant alert is being sent; the claim protects it for {@link DeliveryStore#LEASE}. */
    CLAIMED("claimed"),
    /** Waits on a pending list for a digest. */
    QUEUED("queued"),
    SENT("sent"),
    /** SES refused the address for good. */
    REJECTED("rejected"),
    /** Never to be sent: the subscriber left or was suppressed, the posting expired, the search was deleted. */
    SKIPPED("skipped");

    private final String stored;

    DeliveryState(String stored) {
        this.stored = stored;
    }

    /** The value of the {@code state} attribute. */
    public String stored() {
        return stored;
    }

    /** The state a stored {@code state} attribute names. */
    public static DeliveryState fromStored(String value) {
        for (DeliveryState state : values()) if (state.stored.equals(value)) return state;
        throw new IllegalArgumentException("state must be one of " + Arrays.stream(values()).map(DeliveryState::stored).toList()
                + ", was \"" + value + "\"");
    }

    @Override
    public String toString() {
        return stored;
    }
}
