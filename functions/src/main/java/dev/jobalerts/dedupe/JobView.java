package dev.jobalerts.dedupe;

import dev.jobalerts.posting.Posting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as an alert shows it: its first copy, with what the first copy lacks filled in from later copies found before
 * the alert went out (a salary, an employment type, a posting date, a longer description), and the other boards that
 * carry it.
 *
 * @param shown  the posting to show; its id stays the first copy's
 * @param alsoOn the later copies on other boards, first found first (copies on the first copy's own board — a repost
 *               — are not "elsewhere" and are left out)
 */
public record JobView(Posting shown, List<Copy> alsoOn) {
    public JobView {
        alsoOn = List.copyOf(alsoOn);
    }

    /** The view of a job whose first copy is {@code first} (from board {@code firstSourceId}) with these copies. */
    public static JobView of(Posting first, String firstSourceId, Collection<Copy> copies) {
        List<Copy> ordered = new ArrayList<>(copies);
        ordered.sort(Comparator.comparing(Copy::firstSeen).thenComparing(Copy::postingId));
        Posting shown = first;
        for (Copy copy : ordered) shown = filledFrom(shown, copy);
        Map<String, Copy> elsewhere = new LinkedHashMap<>();
        for (Copy copy : ordered) {
            if (copy.sourceId().equals(firstSourceId) || copy.postingId().equals(first.id())) continue;
            elsewhere.putIfAbsent(copy.sourceName() + " " + copy.url(), copy);
        }
        return new JobView(shown, List.copyOf(elsewhere.values()));
    }

    /** A job with no copies known. */
    public static JobView alone(Posting posting) {
        return new JobView(posting, List.of());
    }

    private static Posting filledFrom(Posting p, Copy copy) {
        boolean longer = p.description().length() < Copy.HEAD && copy.descriptionLength() > p.description().length();
        return new Posting(p.id(), p.url(), p.title(), p.company(), p.location(), p.remote(),
                p.employmentType() != null ? p.employmentType() : copy.employmentType(),
                p.datePosted() != null ? p.datePosted() : copy.datePosted(),
                p.salary() != null ? p.salary() : copy.salary(),
                longer ? copy.descriptionHead() : p.description(), p.source());
    }
}
