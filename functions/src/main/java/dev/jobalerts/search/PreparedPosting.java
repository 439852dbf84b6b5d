package dev.jobalerts.search;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Everything the filters and the query need from one posting, worked out once for all searches. */
final class PreparedPosting {
    final Posting posting;
    final PostingWords text;
    final List<String> locationWords;
    final String companyName;
    final String employmentType;
    /** datePosted, else the day we first saw it, else null. */
    final LocalDate date;

    private PreparedPosting(Posting posting, LocalDate firstSeen, java.util.Map<String, String> sharedWords) {
        this.posting = posting;
        this.text = PostingWords.of(posting.title(), posting.company(), posting.description(), sharedWords);
        this.locationWords = Tokenizer.words(posting.location());
        this.companyName = CompanyNames.normalize(posting.company());
        this.employmentType = posting.employmentType() == null || posting.employmentType().isBlank()
                ? null : employmentType(posting.employmentType());
        LocalDate posted = parseDate(posting.datePosted());
        this.date = posted != null ? posted : firstSeen;
    }

    static PreparedPosting of(Posting posting, LocalDate firstSeen) {
        return new PreparedPosting(posting, firstSeen, null);
    }

    /** Prepared to be kept alongside many others: {@code sharedWords} holds each distinct word once for all of them. */
    static PreparedPosting of(Posting posting, LocalDate firstSeen, java.util.Map<String, String> sharedWords) {
        return new PreparedPosting(posting, firstSeen, sharedWords);
    }

    /** The same spelling rules SavedSearch applies to its employmentTypes ("full-time" is FULL_TIME). */
    static String employmentType(String type) {
        return type.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    boolean locationHas(List<String> phrase) {
        outer:
        for (int start = 0; start + phrase.size() <= locationWords.size(); start++) {
            for (int k = 0; k < phrase.size(); k++) {
                if (!locationWords.get(start + k).equals(phrase.get(k))) continue outer;
            }
            return true;
        }
        return false;
    }

    /** Whether this posting emits {@code key}, i.e. whether the index would look {@code key} up for it. */
    boolean emits(IndexKey key) {
        return switch (key.kind()) {
            case TERM_ANY -> text.has(key.text(), Field.ANY.mask);
            case TERM_TITLE -> text.has(key.text(), Field.TITLE.mask);
            case TERM_COMPANY -> text.has(key.text(), Field.COMPANY.mask);
            case PREFIX_ANY -> text.hasPrefix(key.text(), Field.ANY.mask);
            case PREFIX_TITLE -> text.hasPrefix(key.text(), Field.TITLE.mask);
            case PREFIX_COMPANY -> text.hasPrefix(key.text(), Field.COMPANY.mask);
            case LOCATION -> locationWords.contains(key.text());
            case COMPANY_NAME -> companyName.equals(key.text());
            case REMOTE -> posting.remote();
        };
    }

    /** Posting validates the YYYY-MM-DD shape, not the calendar ("2024-02-30"); such a date counts as unknown. */
    private static LocalDate parseDate(String date) {
        if (date == null) return null;
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
