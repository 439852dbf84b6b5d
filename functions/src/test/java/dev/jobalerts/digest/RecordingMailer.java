package dev.jobalerts.digest;

import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Keeps every email it is given and answers with a chosen outcome (accepted, unless told otherwise). */
public final class RecordingMailer implements Mailer {
    public final List<OutgoingEmail> sent = new CopyOnWriteArrayList<>();
    public volatile Function<OutgoingEmail, SendOutcome> answer = email -> new SendOutcome.Sent("msg-" + email.to().hashCode());
    public int calls;

    @Override
    public synchronized SendOutcome send(OutgoingEmail email) {
        calls++;
        SendOutcome outcome = answer.apply(email);
        if (outcome instanceof SendOutcome.Sent) sent.add(email);
        return outcome;
    }
}
