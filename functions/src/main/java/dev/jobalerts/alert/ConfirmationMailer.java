package dev.jobalerts.alert;

import dev.jobalerts.log.Log;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.subscribe.ConfirmationSender;

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
    public Result send(String subscriberId, String email, SavedSearch search, String confirmUrl) {
        SendOutcome outcome = mailer.send(renderer.confirmation(email, senderAddress, SearchLabels.describe(search), confirmUrl));
        Result result = outcome instanceof SendOutcome.Sent ? Result.SENT
                : outcome instanceof SendOutcome.Rejected ? Result.REJECTED : Result.RETRY;
        if (result == Result.SENT) Log.info("confirmation sent", "subscriberId", subscriberId);
        else Log.warn("confirmation not sent", "subscriberId", subscriberId, "outcome", outcome.toString());
        return result;
    }
}
