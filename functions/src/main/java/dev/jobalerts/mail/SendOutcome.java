package dev.jobalerts.mail;

/**
 * What became of one send. Every expected result is a value here, so callers switch over it instead of
 * catching exceptions; only bugs escape as exceptions.
 */
public sealed interface SendOutcome {

    /** Accepted by the mail service; {@code messageId} is its id for the message (SES MessageId, or the outbox's). */
    record Sent(String messageId) implements SendOutcome {}

    /** Not sent: the service kept throttling after the bounded retries, or the caller's deadline came first. Safe to try later. */
    record Throttled(String reason) implements SendOutcome {}

    /** Not sent and sending again will not help: a bad address, a rejected message, an unverified or suspended sender. */
    record Rejected(String reason) implements SendOutcome {}

    /**
     * A transient fault (5xx, network, timeout). The message may or may not have been accepted, so it is not
     * retried here: a retry after a timeout could deliver it twice.
     */
    record Failed(String reason) implements SendOutcome {}
}
