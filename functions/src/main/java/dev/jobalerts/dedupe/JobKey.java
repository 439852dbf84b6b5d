package dev.jobalerts.dedupe;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.PostingIds;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes two postings candidates for being the same job: the same company, title and place after each is
 * normalised ({@link CompanyKey}, {@link TitleKey}, {@link PlaceKey}). Candidates are confirmed by their
 * descriptions ({@link SameJob}); the key alone never merges anything.
 *
 * @param company folded company without legal forms, e.g. {@code fault labs}
 * @param title   folded title without decorations, abbreviations spelled out, e.g. {@code senior site reliability engineer}
 * @param place   city and state code, {@code remote}, or several places joined by {@code +}, e.g. {@code charlotte nc}
 */
public record JobKey(String company, String title, String place) {
    public JobKey {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(place, "place");
    }

    /** The key of a posting; empty when it names no company or no place, so it is never merged with anything. */
    public static Optional<JobKey> of(Posting posting) {
        String company = CompanyKey.of(posting.company());
        String place = PlaceKey.of(posting.location(), posting.remote());
        if (company.isEmpty() || place == null) return Optional.empty();
        return Optional.of(new JobKey(company, TitleKey.of(posting.title(), posting.company(), posting.location()), place));
    }

    /**
     * The key as the Postings table's {@code byJobKey} index holds it: the three parts joined, or, when that would
     * be longer than a key should be (titles and companies may be 1,000 characters each), {@code sha256:} and its
     * hash — bounded the same way posting ids are.
     */
    public String value() {
        return PostingIds.bounded(company + "|" + title + "|" + place);
    }

    @Override
    public String toString() {
        return "company \"" + company + "\", title \"" + title + "\", place \"" + place + "\"";
    }
}
