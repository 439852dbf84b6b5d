package dev.jobalerts.extract;

import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.PostingDates;
import dev.jobalerts.posting.PostingIds;
import dev.jobalerts.posting.PostingText;
import dev.jobalerts.posting.Salary;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The raw fields an extractor found for one posting. {@link #build} is the one place where they are normalised,
 * so every extractor produces the same shapes: one-line title/company/location, plain-text description,
 * {@code YYYY-MM-DD} date, schema.org employment type and a stable id.
 */
final class PostingDraft {
    String atsId;
    String url;
    String title;
    String company;
    String location;
    boolean remote;
    String employmentType;
    String datePosted;
    Salary salary;
    /** HTML or plain text as the source gave it; {@link PostingText#plain} tells them apart. */
    String description;
    /** Plain text already made from the page's own elements; when set it wins over {@link #description}. */
    String descriptionText;

    /** Sets the salary when the source states bounds and a period we know; an unknown period drops it rather than guess. */
    void salary(Double min, Double max, String currency, String period) {
        String unit = period(period);
        if ((min == null && max == null) || unit == null) return;
        if ((min != null && (min <= 0 || min.isNaN())) || (max != null && (max <= 0 || max.isNaN()))) return;
        salary = new Salary(min, max, currency, unit);
    }

    /**
     * HOUR|DAY|WEEK|MONTH|YEAR from schema.org unitText, Lever intervals ("per-hour-wage") or Ashby intervals
     * ("1 YEAR"); null for anything else (one-time payments, missing units).
     */
    static String period(String raw) {
        if (raw == null) return null;
        String text = raw.toLowerCase(Locale.ROOT);
        if (text.contains("hour")) return "HOUR";
        if (text.contains("day") || text.contains("daily")) return "DAY";
        if (text.contains("week")) return "WEEK";
        if (text.contains("month")) return "MONTH";
        if (text.contains("year") || text.contains("annual") || text.equals("yr") || text.contains("annum")) return "YEAR";
        return null;
    }

    /** The normalised posting, or empty when it has no title. */
    Optional<Posting> build(String source, String pageUrl, Instant fetchedAt) {
        String cleanTitle = PostingText.line(title);
        if (cleanTitle.isEmpty()) return Optional.empty();
        String cleanLocation = PostingText.line(location);
        String link = url == null || url.isBlank() ? pageUrl : url.trim();
        String id = atsId != null ? atsId : PostingIds.canonicalUrl(link);
        if (id.isBlank()) return Optional.empty();
        return Optional.of(new Posting(
                id,
                link,
                cleanTitle,
                PostingText.line(company),
                cleanLocation,
                remote || PostingText.mentionsRemote(cleanLocation),
                EmploymentTypes.normalise(employmentType),
                PostingDates.normalise(datePosted, fetchedAt),
                salary,
                descriptionText != null ? descriptionText : PostingText.plain(description),
                source));
    }
}
