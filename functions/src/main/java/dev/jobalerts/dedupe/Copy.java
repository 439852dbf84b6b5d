package dev.jobalerts.dedupe;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.time.Instant;
import java.util.Objects;

/**
 * A later copy of a job as its first copy lists it: enough to link to it in an alert ("also on: JobHub") and to fill
 * in what the first copy lacks (a salary, a type, a date, a longer description) without reading the copy itself.
 *
 * @param sourceName        the board's name as the operator gave it (else its host), for "also on"
 * @param descriptionHead   the start of its description, enough for an email's excerpt
 * @param descriptionLength the whole description's length, to tell which copy says more
 */
public record Copy(String postingId, String sourceId, String sourceName, String url, Instant firstSeen, double similarity,
                   Salary salary, String employmentType, String datePosted, String descriptionHead, int descriptionLength) {
    /** Characters of a copy's description kept on the first copy: more than an alert's two-line excerpt shows. */
    public static final int HEAD = 300;

    public Copy {
        Objects.requireNonNull(postingId, "postingId");
        Objects.requireNonNull(firstSeen, "firstSeen");
        sourceId = sourceId == null ? "" : sourceId;
        sourceName = sourceName == null || sourceName.isBlank() ? sourceId : sourceName;
        url = url == null ? "" : url;
        descriptionHead = descriptionHead == null ? "" : descriptionHead;
    }

    /** What the first copy keeps of {@code copy}, judged {@code similarity} similar to it. */
    public static Copy of(Posting copy, String sourceId, String sourceName, Instant firstSeen, double similarity) {
        String description = copy.description();
        return new Copy(copy.id(), sourceId, sourceName, copy.url(), firstSeen, similarity, copy.salary(), copy.employmentType(),
                copy.datePosted(), description.length() <= HEAD ? description : description.substring(0, HEAD), description.length());
    }
}
