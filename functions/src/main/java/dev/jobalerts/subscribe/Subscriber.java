package dev.jobalerts.subscribe;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's profile.
 *
 * @param nonce              mixed into every token's MAC; rotating it revokes all manage, unsubscribe and feed links
 * @param confirmationSentAt when the last confirmation email went out (rate limit: one per 10 minutes)
 * @param timeZone           IANA zone for digest delivery hours
 */
public record Subscriber(String subscriberId, String email, SubscriberStatus status, Frequency frequency,
                         String timeZone, String nonce, Instant createdAt, Instant confirmationSentAt) {
    public Subscriber {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        frequency = frequency == null ? Frequency.INSTANT : frequency;
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        Objects.requireNonNull(nonce, "nonce");
    }

    public boolean receivesAlerts() {
        return status == SubscriberStatus.ACTIVE;
    }
}
