package dev.jobalerts.mail;

import dev.jobalerts.posting.Posting;
import java.util.List;
import java.util.Objects;

/**
 * One posting in an alert, with the matcher's explanation.
 *
 * @param matchedTerms the query terms the posting matched, shown as "matched: python, django"; may be empty
 */
public record AlertItem(Posting posting, List<String> matchedTerms) {

    public AlertItem {
        Objects.requireNonNull(posting, "posting");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }
}
