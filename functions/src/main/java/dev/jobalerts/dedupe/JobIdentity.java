package dev.jobalerts.dedupe;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the Postings table keeps about which job a posting is.
 *
 * @param key         the {@link JobKey#value() job key}; null when the posting cannot be compared (no company, place
 *                    or description of some length), which keeps it out of the {@code byJobKey} index
 * @param signature   its description's signature; null with the key
 * @param duplicateOf the first copy's id when this posting is a later copy of that job, else null
 * @param similarity  for a copy, how similar its description was to the first copy's when judged
 * @param copies      on a first copy: its later copies by id, in the order they were found
 * @param splitFrom   postings an operator said are not the same job as this one ({@code postings split})
 */
public record JobIdentity(String key, Signature signature, String duplicateOf, Double similarity,
                          Map<String, Copy> copies, Set<String> splitFrom) {
    public static final JobIdentity NONE = new JobIdentity(null, null, null, null, Map.of(), Set.of());

    public JobIdentity {
        copies = copies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(copies));
        splitFrom = splitFrom == null ? Set.of() : Set.copyOf(splitFrom);
    }

    /** A new posting's identity: its fingerprint, and whose copy it is ({@code duplicateOf} null for a first copy). */
    public static JobIdentity of(Fingerprint fingerprint, String duplicateOf, Double similarity) {
        if (!fingerprint.comparable()) return NONE;
        return new JobIdentity(fingerprint.key().value(), fingerprint.signature(), duplicateOf, similarity, Map.of(), Set.of());
    }

    public boolean isCopy() {
        return duplicateOf != null;
    }

    /** The id of the job this posting belongs to: its first copy's id, or its own. */
    public String jobId(String postingId) {
        return duplicateOf == null ? postingId : duplicateOf;
    }

    /** The same identity as a first copy that an operator split from {@code from}. */
    public JobIdentity splitFrom(String from) {
        Set<String> split = new HashSet<>(splitFrom);
        split.add(from);
        return new JobIdentity(key, signature, null, null, Map.of(), split);
    }
}
