package dev.jobalerts.dedupe;

import dev.jobalerts.posting.Posting;

/**
 * What the judgement reads of a posting: its job key (null without a company or a place) and the signature of its
 * description (null when too short to compare). A posting without both is never merged with anything.
 */
public record Fingerprint(JobKey key, Signature signature) {
    public static Fingerprint of(Posting posting) {
        return new Fingerprint(JobKey.of(posting).orElse(null), Signature.of(posting.description()).orElse(null));
    }

    /** True when the posting can be compared with others at all. */
    public boolean comparable() {
        return key != null && signature != null;
    }
}
