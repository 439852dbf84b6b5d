package dev.jobalerts.preview;

import java.util.List;
import java.util.Objects;

/**
 * What a search would have matched among the recent postings: the answer of {@code POST /subscriptions/preview}.
 * It says nothing about anyone's saved searches; it is computed from public postings and the search sent.
 *
 * @param matches  how many of the window's postings the search matches
 * @param of       how many postings the window holds: those first seen in the last {@code days} days, at most the
 *                 newest {@link PreviewSettings#maxPostings()}
 * @param days     how far back the window reaches
 * @param examples the newest matches, at most {@link PreviewSettings#examples()}, each with why it matched
 */
public record Preview(int matches, int of, int days, List<Example> examples) {
    public Preview {
        examples = List.copyOf(examples);
    }

    /**
     * One matching posting as a person sees it before subscribing.
     *
     * @param url        the posting's http(s) link, or null when it has none
     * @param datePosted {@code YYYY-MM-DD}, or null when the board does not say
     * @param matched    the query's words and phrases found in it (empty for a search with only filters), as the
     *                   alert email's "matched" line lists them
     */
    public record Example(String title, String company, String location, String url, String datePosted, List<String> matched) {
        public Example {
            Objects.requireNonNull(title, "title");
            matched = List.copyOf(matched);
        }
    }
}
