package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;

/** Sends the double opt-in email; the API wires it to the email renderer and SES (or the local outbox). */
@FunctionalInterface
public interface ConfirmationSender {
    /** @return true when the mail was accepted for delivery */
    boolean send(Subscriber subscriber, SavedSearch search, String confirmToken);
}
