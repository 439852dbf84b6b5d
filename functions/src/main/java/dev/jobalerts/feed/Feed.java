package dev.jobalerts.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One subscriber's latest matches, ready to be written as an Atom feed.
 *
 * @param subscriberId the stable key the feed's id derives from (never shown)
 * @param title        names the subscriber's searches, not their address: a feed URL goes to feed-reader services
 * @param updated      the newest entry's time, or when the subscriber signed up when there is none
 * @param entries      newest match first, at most {@link FeedService#MAX_ENTRIES}
 */
public record Feed(String subscriberId, String title, Instant updated, List<Entry> entries) {
    public Feed {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(updated, "updated");
        entries = List.copyOf(entries);
    }

    /**
     * One matched posting.
     *
     * @param updated     when we first saw the posting, which is when it was matched; it never changes, so feed
     *                    readers do not show an entry as edited
     * @param url         the posting's http(s) link, or empty
     * @param datePosted  {@code YYYY-MM-DD} or null
     * @param matched     the alert email's "matched" line ({@code python, django}); empty for a filter-only search
     * @param searchLabel the saved search that matched it, or empty when that search was deleted since
     */
    public record Entry(String postingId, String title, String url, Instant updated, String company, String location,
                        boolean remote, String datePosted, String matched, String searchLabel) {
        public Entry {
            Objects.requireNonNull(postingId, "postingId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(updated, "updated");
            url = url == null ? "" : url;
            company = company == null ? "" : company;
            location = location == null ? "" : location;
            matched = matched == null ? "" : matched;
            searchLabel = searchLabel == null ? "" : searchLabel;
        }
    }
}
