package dev.jobalerts.posting;

import dev.jobalerts.url.HttpUrls;
import java.util.Objects;

/**
 * A normalised job posting: the one shape used by the parser, the store, the matcher, the {@code parse} and
 * {@code match} commands and the tests.
 *
 * @param id           stable identity across runs and sources: the ATS id where there is one, else the canonical URL
 * @param url          where a person applies or reads more
 * @param employmentType schema.org employment type such as {@code FULL_TIME}, or null when unknown
 * @param datePosted   {@code YYYY-MM-DD}, or null when the source does not say
 * @param salary       null when the source does not say (never guessed)
 * @param description  plain text, paragraphs separated by blank lines
 * @param source       which extractor produced it ({@code greenhouse}, {@code jsonld}, {@code rss} …)
 */
public record Posting(
        String id,
        String url,
        String title,
        String company,
        String location,
        boolean remote,
        String employmentType,
        String datePosted,
        Salary salary,
        String description,
        String source) {

    /** Longest one-line field kept whole (title, company, location); boards do send megabytes in a title. */
    public static final int MAX_LINE = 1_000;
    /** Longest description kept: far above any real posting, well inside a DynamoDB item (400 KB) in any script. */
    public static final int MAX_DESCRIPTION = 50_000;

    public Posting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        if (title.isBlank()) throw new IllegalArgumentException("title must not be blank");
        if (datePosted != null && !PostingDates.isIsoDate(datePosted))
            throw new IllegalArgumentException("datePosted must be YYYY-MM-DD, was " + datePosted);
        // What comes from outside is bounded here, once, so no store or email meets a field it cannot hold.
        id = PostingIds.bounded(id);
        url = HttpUrls.safeLink(url);
        title = cut(title, MAX_LINE);
        company = cut(company == null ? "" : company, MAX_LINE);
        location = cut(location == null ? "" : location, MAX_LINE);
        description = cut(description == null ? "" : description, MAX_DESCRIPTION);
        source = source == null ? "" : source;
    }

    /** The text up to {@code max} characters, with a marker saying it was cut; unchanged when it fits (so cutting twice is cutting once). */
    static String cut(String text, int max) {
        if (text.length() <= max || (text.length() == max + CUT_MARKER.length() && text.endsWith(CUT_MARKER))) return text;
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + CUT_MARKER;
    }

    static final String CUT_MARKER = " […cut]";
}
