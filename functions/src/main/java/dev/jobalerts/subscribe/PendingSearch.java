package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved search waiting for its own confirmation link to be followed. Anyone can sign any address up, so until then
 * it is nothing the address's owner sees or has to clean up: not among their searches, not in their ten slots, not
 * matched. It expires with its link (48 h); an address has at most {@link SubscriptionService#MAX_PENDING} of them.
 *
 * @param nonce    mixed into the confirmation link's MAC: the link confirms this search and nothing else
 * @param linkBase the public base URL the sign-up came through, for the link in the confirmation email
 * @param mailed   whether its confirmation email was handled (sent, or refused by the per-address limit)
 */
public record PendingSearch(String subscriberId, String pendingId, String email, SavedSearch search, Frequency frequency,
                            String nonce, String linkBase, Instant createdAt, Instant expiresAt, boolean mailed) {
    public PendingSearch {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(pendingId, "pendingId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(search, "search");
        frequency = frequency == null ? Frequency.INSTANT : frequency;
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
