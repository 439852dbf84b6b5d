package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;

/** Sends the double opt-in email; wired to the email renderer and SES (or the local outbox or an SMTP server). */
@FunctionalInterface
public interface ConfirmationSender {
    /** What became of one confirmation email. */
    enum Result {
        SENT,
        /** Throttled or a transient fault: try again later. */
        RETRY,
        /** The address cannot be mailed (SES refused it): trying again would fail the same way. */
        REJECTED
    }

    /** @param confirmUrl the link that confirms this one search (its token expires with the pending search) */
    Result send(String subscriberId, String email, SavedSearch search, String confirmUrl);
}
