package dev.jobalerts.dedupe;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored posting with the same job key as a new one, as the {@code byJobKey} index projects it.
 *
 * @param duplicateOf the first copy's id when this one is itself a copy, else null
 * @param signature   its description's signature; null when unreadable (then it is no candidate)
 * @param splitFrom   postings an operator said are not the same job as this one
 */
public record Candidate(String postingId, Instant firstSeen, String duplicateOf, Signature signature, Set<String> splitFrom) {
    public Candidate {
        Objects.requireNonNull(postingId, "postingId");
        Objects.requireNonNull(firstSeen, "firstSeen");
        splitFrom = splitFrom == null ? Set.of() : Set.copyOf(splitFrom);
    }

    boolean isFirstCopy() {
        return duplicateOf == null;
    }
}
