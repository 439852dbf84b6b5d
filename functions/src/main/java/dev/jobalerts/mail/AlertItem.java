package dev.jobalerts.mail;

import dev.jobalerts.posting.Posting;
import java.util.List;
import java.util.Objects;

/**
 * One posting in an alert, with the matcher's explanation.
 *
 * @param matchedTerms the query terms the posting matched, shown as "matched: python, django"; may be empty
 * @param alsoOn       other boards carrying the same job; may be empty
 */
public record AlertItem(Posting posting, List<String> matchedTerms, List<AlsoOn> alsoOn) {

    public AlertItem {
        Objects.requireNonNull(posting, "posting");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        alsoOn = alsoOn == null ? List.of() : List.copyOf(alsoOn);
    }

    public AlertItem(Posting posting, List<String> matchedTerms) {
        this(posting, matchedTerms, List.of());
    }
}
