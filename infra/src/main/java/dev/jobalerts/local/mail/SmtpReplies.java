package dev.jobalerts.local.mail;

import dev.jobalerts.mail.SendOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What an SMTP server's refusal means for the delivery ledger, by the reply code and the command it answered
 * (RFC 5321 §4.2.1: 4yz is a transient failure, 5yz a permanent one):
 *
 * <ul>
 *   <li>4yz to anything: not accepted, try later → {@link SendOutcome.Throttled}, like SES throttling: the delivery
 *       stays claimed and the pending sweep sends it after its lease.</li>
 *   <li>5yz to {@code RCPT TO}: the server refuses the recipient for good → {@link SendOutcome.Rejected} and a hard
 *       bounce, which suppresses the subscriber as an SES Permanent bounce does. 552 there is treated as 452, as
 *       RFC 5321 §4.5.3.1.10 asks of clients.</li>
 *   <li>5yz to {@code DATA} or the message: this message is refused (content, size) → {@link SendOutcome.Rejected},
 *       the address stays.</li>
 *   <li>5yz to {@code MAIL FROM}, or a login refused: our settings are wrong, not the message → {@link SendOutcome.Failed},
 *       so the delivery waits for the operator's fix instead of being dropped.</li>
 *   <li>No reply at all (connection lost, timeout): {@link SendOutcome.Failed}; the server may have taken the message,
 *       so only the ledger's lease decides about a second attempt.</li>
 * </ul>
 */
final class SmtpReplies {
    /** The outcome, and whether it is a hard bounce of the recipient. */
    record Verdict(SendOutcome outcome, boolean hardBounce) {}

    private SmtpReplies() {}

    static Verdict of(MessagingException failure) {
        if (failure instanceof AuthenticationFailedException)
            return new Verdict(new SendOutcome.Failed("SMTP login refused: " + message(failure)), false);
        for (Exception e = failure; e != null; e = next(e)) {
            if (e instanceof SMTPAddressFailedException address) return recipient(address.getReturnCode(), address.getMessage());
            if (e instanceof SMTPSenderFailedException sender)
                return sender.getReturnCode() / 100 == 4 ? tryLater(sender.getReturnCode(), sender.getMessage())
                        : new Verdict(new SendOutcome.Failed("sender refused (" + sender.getReturnCode() + "): " + oneLine(sender.getMessage())
                        + "; check --from and the account's allowed senders"), false);
            if (e instanceof SMTPSendFailedException sent && sent.getReturnCode() > 0)
                return sent.getReturnCode() / 100 == 4 ? tryLater(sent.getReturnCode(), sent.getMessage())
                        : new Verdict(new SendOutcome.Rejected("message refused (" + sent.getReturnCode() + "): " + oneLine(sent.getMessage())), false);
        }
        if (failure instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0)
            return new Verdict(new SendOutcome.Rejected("invalid address: " + message(failure)), false);
        return new Verdict(new SendOutcome.Failed("SMTP: " + message(failure)), false);
    }

    private static Verdict recipient(int code, String reply) {
        if (code / 100 == 4 || code == 552) return tryLater(code, reply);
        if (code / 100 == 5) return new Verdict(new SendOutcome.Rejected("recipient refused (" + code + "): " + oneLine(reply)), true);
        return new Verdict(new SendOutcome.Failed("unexpected reply " + code + " to RCPT: " + oneLine(reply)), false);
    }

    private static Verdict tryLater(int code, String reply) {
        return new Verdict(new SendOutcome.Throttled("SMTP " + code + ", try later: " + oneLine(reply)), false);
    }

    private static Exception next(Exception e) {
        if (e instanceof MessagingException m && m.getNextException() != null && m.getNextException() != e) return m.getNextException();
        return null;
    }

    /** The innermost cause's message: "Connection refused", not the wrapper's story. */
    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return oneLine(root == e ? text : e.getClass().getSimpleName().equals(root.getClass().getSimpleName()) ? text
                : oneLine(e.getMessage()) + " (" + text + ")");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
