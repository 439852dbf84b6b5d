package dev.jobalerts.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the delivery ledger: "job P goes to subscriber S because of search Q". A job is keyed by its first
 * copy's posting id, so the same job found on another board or posted again is the same entry, and is not sent twice.
 *
 * @param state      {@code claimed} (an instant alert is being sent), {@code queued} (waits for a digest),
 *                   {@code sent}, {@code rejected} (SES refused the address for good), or {@code skipped} (never to
 *                   be sent: the subscriber left or was suppressed, the posting expired, the search was deleted)
 * @param pendingKey which pending list it is on until sent: {@code instant} or {@code daily#HH} / {@code weekly#HH}
 *                   (the UTC hour its digest is due); null once sent
 */
public record Delivery(String subscriberId, String postingId, String searchId, List<String> matchedTerms,
                       String state, Instant claimedAt, String pendingKey) {
    public static final String CLAIMED = "claimed";
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String REJECTED = "rejected";
    public static final String SKIPPED = "skipped";

    public Delivery {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(postingId, "postingId");
        Objects.requireNonNull(state, "state");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        searchId = searchId == null ? "" : searchId;
    }
}
