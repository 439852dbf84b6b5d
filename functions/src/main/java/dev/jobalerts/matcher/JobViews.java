package dev.jobalerts.matcher;

import dev.jobalerts.dedupe.Copy;
import dev.jobalerts.dedupe.JobView;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs of one matcher batch as an instant alert shows them, each built once: the first copy with the copies
 * known so far — those it lists, and those in this very batch (stored after it, so not in its stream image). A job
 * whose first copy is not in the batch (a later copy matched on its own) is read from the Postings table.
 */
final class JobViews {
    private final Map<String, StoredPosting> inBatch = new HashMap<>();
    private final Map<String, List<StoredPosting>> copiesInBatch = new HashMap<>();
    private final Map<String, JobView> built = new HashMap<>();
    private final PostingStore postings;

    JobViews(List<StoredPosting> batch, PostingStore postings) {
        this.postings = postings;
        for (StoredPosting posting : batch) {
            inBatch.put(posting.posting().id(), posting);
            if (posting.identity().isCopy()) copiesInBatch.computeIfAbsent(posting.jobId(), id -> new ArrayList<>()).add(posting);
        }
    }

    /** The job {@code jobId}, matched through {@code hit} (shown alone if its first copy has expired). */
    JobView of(String jobId, StoredPosting hit) {
        return built.computeIfAbsent(jobId, id -> {
            StoredPosting first = inBatch.containsKey(id) ? inBatch.get(id) : postings.find(id).orElse(null);
            if (first == null) return JobView.alone(hit.posting());
            Map<String, Copy> copies = new LinkedHashMap<>(first.identity().copies());
            for (StoredPosting copy : copiesInBatch.getOrDefault(id, List.of())) {
                Double similarity = copy.identity().similarity();
                copies.putIfAbsent(copy.posting().id(), Copy.of(copy.posting(), copy.sourceId(), copy.sourceName(), copy.firstSeen(),
                        similarity == null ? 0 : similarity));
            }
            return JobView.of(first.posting(), first.sourceId(), copies.values());
        });
    }
}
