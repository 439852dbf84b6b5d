package dev.jobalerts.store;

import dev.jobalerts.dedupe.JobIdentity;
import dev.jobalerts.posting.Posting;
import java.time.Instant;
import java.util.Objects;

/**
 * A posting as the Postings table holds it: the posting, the source it came from, when we first saw it, and which job
 * it is (the first copy of a job, or a later copy of another posting's job).
 *
 * @param sourceName the source's name as an operator gave it (else its host), for an alert's "also on"
 */
public record StoredPosting(Posting posting, String sourceId, Instant firstSeen, String sourceName, JobIdentity identity) {
    public StoredPosting {
        Objects.requireNonNull(posting, "posting");
        Objects.requireNonNull(firstSeen, "firstSeen");
        sourceId = sourceId == null ? "" : sourceId;
        sourceName = sourceName == null || sourceName.isBlank() ? sourceId : sourceName;
        identity = identity == null ? JobIdentity.NONE : identity;
    }

    /** A posting that is its own job, from a source known only by its id. */
    public StoredPosting(Posting posting, String sourceId, Instant firstSeen) {
        this(posting, sourceId, firstSeen, null, JobIdentity.NONE);
    }

    /** The id of the job it belongs to: the first copy's. */
    public String jobId() {
        return identity.jobId(posting.id());
    }

    public StoredPosting with(JobIdentity newIdentity) {
        return new StoredPosting(posting, sourceId, firstSeen, sourceName, newIdentity);
    }
}
