package dev.jobalerts.store;

import dev.jobalerts.posting.Posting;
import java.time.Instant;
import java.util.Objects;

/** A posting as the Postings table holds it: the posting, the source it came from, and when we first saw it. */
public record StoredPosting(Posting posting, String sourceId, Instant firstSeen) {
    public StoredPosting {
        Objects.requireNonNull(posting, "posting");
        Objects.requireNonNull(firstSeen, "firstSeen");
        sourceId = sourceId == null ? "" : sourceId;
    }
}
