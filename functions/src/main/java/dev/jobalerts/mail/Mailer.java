package dev.jobalerts.mail;

import java.time.Instant;

/** Sends one rendered email. Implementations are thread-safe: SES in Lambda, a directory outbox locally. */
public interface Mailer {

    SendOutcome send(OutgoingEmail email);

    /**
     * Sends unless that would mean waiting past {@code deadline} (for a rate-limit slot or a back-off), in which
     * case the result is {@link SendOutcome.Throttled} and nothing was sent. Lets a Lambda stop cleanly before its
     * timeout. Mailers that never wait ignore the deadline.
     */
    default SendOutcome send(OutgoingEmail email, Instant deadline) {
        return send(email);
    }
}
