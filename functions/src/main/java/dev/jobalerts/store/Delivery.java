package dev.jobalerts.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the delivery ledger: "job P goes to subscriber S because of search Q". A job is keyed by its first
 * copy's posting id, so the same job found on another board or posted again is the same entry, and is not sent twice.
 *
 * @param state      where the entry stands: being sent, waiting for a digest, or settled
 * @param pendingKey which pending list it is on until sent: {@code instant} or {@code daily#HH} / {@code weekly#HH}
 *                   (the UTC hour its digest is due); null once sent
 */
public record Delivery(String subscriberId, String postingId, String searchId, List<String> matchedTerms,
                       DeliveryState state, Instant claimedAt, String pendingKey) {

    public Delivery {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(postingId, "postingId");
        Objects.requireNonNull(state, "state");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        searchId = searchId == null ? "" : searchId;
    }
}
