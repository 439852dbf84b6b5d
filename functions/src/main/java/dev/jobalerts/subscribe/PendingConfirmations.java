package dev.jobalerts.subscribe;

import dev.jobalerts.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the confirmation email of a pending search, off the sign-up's request path: the Subscribers stream brings
 * each new pending search here (in AWS through ConfirmationsFunction, locally through its stream poller). At most
 * {@link #MAX_PER_WINDOW} confirmation emails go to one address per {@link #WINDOW}, so the sign-up form cannot be
 * used to flood an inbox; a pending search over that limit gets no email and expires. Here, off the sign-up's path,
 * the number of pending searches per address is held to {@link SubscriptionService#MAX_PENDING}.
 */
public final class PendingConfirmations {
    public static final int MAX_PER_WINDOW = 3;
    public static final Duration WINDOW = Duration.ofHours(1);

    /** What became of one pending search's email. */
    public enum Outcome { SENT, ALREADY_HANDLED, GONE, LIMITED, REJECTED, RETRY }

    private final SubscriberStore store;
    private final TokenService tokens;
    private final ConfirmationSender sender;
    private final Clock clock;

    public PendingConfirmations(SubscriberStore store, TokenService tokens, ConfirmationSender sender, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * Mails the confirmation link of one pending search once. {@link Outcome#RETRY} means a transient fault (SES
     * throttling): the caller tries again later; every other outcome is final.
     */
    public Outcome send(String subscriberId, String pendingId) {
        trim(subscriberId);
        Optional<PendingSearch> found = store.findPending(subscriberId, pendingId);
        if (found.isEmpty()) return Outcome.GONE;
        PendingSearch pending = found.get();
        if (pending.mailed()) return Outcome.ALREADY_HANDLED;
        Instant now = Instant.now(clock);
        if (!store.tryCountConfirmationEmail(subscriberId, now, MAX_PER_WINDOW, WINDOW)) {
            store.markPendingMailed(subscriberId, pendingId);
            Log.warn("confirmation not sent: per-address limit", "subscriberId", subscriberId, "pendingId", pendingId);
            return Outcome.LIMITED;
        }
        String link = TokenService.link(pending.linkBase(), "/subscriptions/confirm", tokens.issueConfirmation(pending));
        ConfirmationSender.Result result = sender.send(subscriberId, pending.email(), pending.search(), link);
        if (result == ConfirmationSender.Result.RETRY) return Outcome.RETRY;
        // Marked after the send: a crash in between mails the link twice, never not at all.
        store.markPendingMailed(subscriberId, pendingId);
        return result == ConfirmationSender.Result.SENT ? Outcome.SENT : Outcome.REJECTED;
    }

    /** Keeps the newest {@link SubscriptionService#MAX_PENDING} pending searches of the address; older ones go. */
    private void trim(String subscriberId) {
        var slots = store.pendingSlots(subscriberId);
        for (int i = 0; i < slots.size() - SubscriptionService.MAX_PENDING; i++) store.deletePending(subscriberId, slots.get(i).pendingId());
    }
}
