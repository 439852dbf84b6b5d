package dev.jobalerts.local.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.dedupe.Copy;
import dev.jobalerts.dedupe.JobKey;
import dev.jobalerts.dedupe.SameJob;
import dev.jobalerts.local.cli.Table;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code postings show} says about a posting's job: its key parts, whether it is the first copy or a later
 * one, the other copies, and for each pair why it was judged one job — the same judgement the parser made, run again
 * on the stored postings, beside the similarity recorded when the copy was stored.
 */
final class SameJobReport {
    private final StoredPosting posting;
    private final StoredPosting first;
    /** The job's later copies (all of them when showing the first copy; this one when showing a copy), with the copy posting when still stored. */
    private final Map<Copy, Optional<StoredPosting>> copies;

    private SameJobReport(StoredPosting posting, StoredPosting first, Map<Copy, Optional<StoredPosting>> copies) {
        this.posting = posting;
        this.first = first;
        this.copies = copies;
    }

    static SameJobReport of(StoredPosting posting, PostingStore store) {
        Map<Copy, Optional<StoredPosting>> copies = new LinkedHashMap<>();
        if (posting.identity().isCopy()) {
            StoredPosting first = store.find(posting.identity().duplicateOf()).orElse(null);
            Double similarity = posting.identity().similarity();
            copies.put(Copy.of(posting.posting(), posting.sourceId(), posting.sourceName(), posting.firstSeen(),
                    similarity == null ? 0 : similarity), Optional.of(posting));
            return new SameJobReport(posting, first, copies);
        }
        for (Copy copy : posting.identity().copies().values()) copies.put(copy, store.find(copy.postingId()));
        return new SameJobReport(posting, posting, copies);
    }

    String keyText() {
        return JobKey.of(posting.posting()).map(JobKey::toString).orElse("none: it names no company or no place, so it is never merged");
    }

    String summary() {
        if (posting.identity().isCopy())
            return "a later copy of " + posting.identity().duplicateOf() + (first == null ? " (no longer stored)" : "") + "; it is alerted as that job";
        String split = posting.identity().splitFrom().isEmpty() ? "" : "; split from " + String.join(", ", posting.identity().splitFrom());
        if (posting.identity().key() == null) return "a job of its own" + split;
        return copies.isEmpty() ? "the first copy of its job, no copies found" + split
                : "the first copy of its job, also on " + copies.size() + " other posting" + (copies.size() == 1 ? "" : "s") + split;
    }

    /** The copies table and, per copy, why it is the same job. */
    void print(PrintStream out) {
        if (copies.isEmpty()) return;
        out.println();
        out.println(posting.identity().isCopy() ? "first copy and why this is the same job:" : "copies and why each is the same job:");
        List<String[]> rows = new ArrayList<>();
        copies.forEach((copy, stored) -> rows.add(new String[] {copy.postingId(), copy.sourceName(), copy.firstSeen().toString(),
                SameJob.score(copy.similarity()), copy.url()}));
        if (posting.identity().isCopy() && first != null)
            rows.add(0, new String[] {first.posting().id() + " (first)", first.sourceName(), first.firstSeen().toString(), "-", first.posting().url()});
        Table.print(new String[] {"ID", "SOURCE", "FIRST SEEN", "SIMILARITY", "URL"}, rows.toArray(String[][]::new), out);
        copies.forEach((copy, stored) -> out.println("  " + copy.postingId() + ": " + why(stored)));
    }

    private String why(Optional<StoredPosting> copy) {
        if (first == null || copy.isEmpty()) return "one of the two is no longer stored; it was judged the same job when the copy was stored";
        return SameJob.judge(first.posting(), first.firstSeen(), copy.get().posting(), copy.get().firstSeen()).explain();
    }

    void addTo(ObjectNode node) {
        JobKey.of(posting.posting()).ifPresent(key -> {
            ObjectNode parts = node.putObject("jobKey");
            parts.put("company", key.company());
            parts.put("title", key.title());
            parts.put("place", key.place());
        });
        if (posting.identity().similarity() != null) node.put("similarity", posting.identity().similarity());
        if (!posting.identity().splitFrom().isEmpty()) {
            ArrayNode split = node.putArray("splitFrom");
            posting.identity().splitFrom().forEach(split::add);
        }
        if (copies.isEmpty() || posting.identity().isCopy()) {
            if (posting.identity().isCopy()) node.put("why", why(copies.values().iterator().next()));
            return;
        }
        ArrayNode list = node.putArray("copies");
        copies.forEach((copy, stored) -> {
            ObjectNode entry = list.addObject();
            entry.put("id", copy.postingId());
            entry.put("source", copy.sourceName());
            entry.put("url", copy.url());
            entry.put("firstSeen", copy.firstSeen().toString());
            entry.put("similarity", copy.similarity());
            entry.put("why", why(stored));
        });
    }
}
