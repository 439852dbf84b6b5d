package dev.jobalerts.alert;

import dev.jobalerts.log.Log;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.subscribe.ConfirmationSender;
import dev.jobalerts.subscribe.Subscriber;

/** The double opt-in email: rendered by the mail module, sent through SES (or the local outbox). */
public final class ConfirmationMailer implements ConfirmationSender {
    private final EmailRenderer renderer;
    private final Mailer mailer;
    private final String senderAddress;

    public ConfirmationMailer(EmailRenderer renderer, Mailer mailer, String senderAddress) {
        this.renderer = renderer;
        this.mailer = mailer;
        this.senderAddress = senderAddress;
    }

    @Override
    public boolean send(Subscriber subscriber, SavedSearch search, String confirmUrl) {
        SendOutcome outcome = mailer.send(renderer.confirmation(subscriber.email(), senderAddress, SearchLabels.describe(search), confirmUrl));
        boolean sent = outcome instanceof SendOutcome.Sent;
        if (sent) Log.info("confirmation sent", "subscriberId", subscriber.subscriberId());
        else Log.warn("confirmation not sent", "subscriberId", subscriber.subscriberId(), "outcome", outcome.toString());
        return sent;
    }
}
