package dev.jobalerts.posting;

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

    public Posting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        if (title.isBlank()) throw new IllegalArgumentException("title must not be blank");
        if (datePosted != null && !PostingDates.isIsoDate(datePosted))
            throw new IllegalArgumentException("datePosted must be YYYY-MM-DD, was " + datePosted);
        url = url == null ? "" : url;
        company = company == null ? "" : company;
        location = location == null ? "" : location;
        description = description == null ? "" : description;
        source = source == null ? "" : source;
    }
}
