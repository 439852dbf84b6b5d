package dev.jobalerts.parser;

import dev.jobalerts.dedupe.Candidate;
import dev.jobalerts.dedupe.Copy;
import dev.jobalerts.dedupe.Fingerprint;
import dev.jobalerts.dedupe.JobIdentity;
import dev.jobalerts.dedupe.SameJob;
import dev.jobalerts.log.Log;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.store.Faults;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores each posting the parser reads once, and a later copy of a job already stored as that: one Query on the
 * {@code byJobKey} index for the posting's key-mates, the judgement ({@link SameJob#decide}), then the conditional
 * put. A copy is listed on its first copy before it is stored, so a retry after a crash between the two lists it
 * again (harmlessly) rather than never. A posting that cannot be compared (no company, place or description) skips
 * the Query and is stored as its own job.
 */
final class PostingIntake {
    /**
     * How long this parser remembers what it stored itself. The index is eventually consistent — usually well under a
     * second behind — so two copies of a job on two pages of one batch would otherwise both look like first copies.
     */
    static final Duration REMEMBERED = Duration.ofMinutes(5);
    /** Job keys remembered at most; the oldest are forgotten first (a warm container keeps this between batches). */
    static final int REMEMBERED_KEYS = 10_000;

    private final PostingStore postings;
    private final Map<String, List<Candidate>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Candidate>> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    };

    PostingIntake(PostingStore postings) {
        this.postings = postings;
    }

    /** What became of one posting. */
    record Result(boolean stored, String copyOf, Double similarity) {
        static final Result ALREADY_STORED = new Result(false, null, null);
    }

    Result store(Posting posting, String sourceId, String sourceName, Instant now) {
        Fingerprint fingerprint = Fingerprint.of(posting);
        if (!fingerprint.comparable()) {
            boolean stored = postings.putIfAbsent(new StoredPosting(posting, sourceId, now, sourceName, JobIdentity.NONE));
            return stored ? new Result(true, null, null) : Result.ALREADY_STORED;
        }
        String key = fingerprint.key().value();
        SameJob.Decision decision = SameJob.decide(posting.id(), fingerprint.signature(), keyMates(key, now), now);
        if (decision instanceof SameJob.Decision.AlreadyStored) return Result.ALREADY_STORED;
        String copyOf = null;
        Double similarity = null;
        if (decision instanceof SameJob.Decision.CopyOf copy) {
            copyOf = copy.firstCopyId();
            similarity = copy.similarity();
            listOnFirstCopy(copyOf, Copy.of(posting, sourceId, sourceName, now, similarity));
        }
        StoredPosting stored = new StoredPosting(posting, sourceId, now, sourceName, JobIdentity.of(fingerprint, copyOf, similarity));
        if (!postings.putIfAbsent(stored)) return Result.ALREADY_STORED;
        remember(key, new Candidate(posting.id(), now, copyOf, fingerprint.signature(), null));
        return new Result(true, copyOf, similarity);
    }

    /**
     * Lists a copy on its first copy. A listing that can never succeed (a first copy grown too large by a hostile
     * board's huge links) costs only the "also on" line: the copy is still stored, marked as the job's copy.
     */
    private void listOnFirstCopy(String firstCopyId, Copy copy) {
        try {
            postings.listCopy(firstCopyId, copy);
        } catch (RuntimeException e) {
            if (Faults.isTransient(e)) throw e;
            Log.warn("copy not listed on its first copy", "postingId", copy.postingId(), "firstCopy", firstCopyId, "problem", e.toString());
        }
    }

    /** The index's key-mates and those this parser stored lately that the index may not show yet. */
    private List<Candidate> keyMates(String key, Instant now) {
        List<Candidate> mates = new ArrayList<>(postings.withJobKey(key));
        List<Candidate> remembered = recent.get(key);
        if (remembered != null) {
            remembered.removeIf(c -> c.firstSeen().isBefore(now.minus(REMEMBERED)));
            for (Candidate c : remembered)
                if (mates.stream().noneMatch(m -> m.postingId().equals(c.postingId()))) mates.add(c);
        }
        return mates;
    }

    private void remember(String key, Candidate candidate) {
        recent.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
    }
}
