package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;

/** Sends the double opt-in email; the API wires it to the email renderer and SES (or the local outbox). */
@FunctionalInterface
public interface ConfirmationSender {
    /**
     * @param confirmUrl the link that activates the subscription (its token expires in 48 hours)
     * @return true when the mail was accepted for delivery
     */
    boolean send(Subscriber subscriber, SavedSearch search, String confirmUrl);
}
