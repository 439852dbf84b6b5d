package dev.jobalerts.local.mail;

import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * An {@link OutgoingEmail} as the MIME message a subscriber receives: multipart/alternative with the text part first
 * and the HTML part last, UTF-8, and the custom headers (RFC 8058 {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post}) once each. The outbox writes it to a file and the SMTP mailer sends it, so what an
 * operator previews in the outbox is what their SMTP server delivers; SES builds the same structure from the same
 * parts.
 */
public final class MimeEmails {
    private MimeEmails() {}

    /**
     * @param messageId the Message-ID without angle brackets, e.g. {@code 1b9d…@jobalerts.local}
     * @throws jakarta.mail.internet.AddressException when {@code to} or {@code from} is not an address
     */
    public static MimeMessage build(Session session, OutgoingEmail email, String messageId, Instant sentAt) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        message.setFrom(new InternetAddress(email.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(Date.from(sentAt));
        // RFC 2046 §5.1.4: alternatives go from plainest to richest, so clients that can show HTML pick the last.
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        for (Map.Entry<String, String> header : email.headers().entrySet())
            message.setHeader(header.getKey(), header.getValue()); // set, not add: each header exactly once
        message.saveChanges();
        return message;
    }

    /**
     * What a mailer answers for a message that could not be built: an address that does not parse is refused for
     * good (as SES refuses it), anything else is a failure of ours.
     */
    public static SendOutcome notBuilt(MessagingException e) {
        return e instanceof AddressException ? new SendOutcome.Rejected("bad address: " + e.getMessage())
                : new SendOutcome.Failed("cannot build MIME message: " + e.getMessage());
    }

    /** The domain part of an address, for Message-IDs that name the sender's domain (RFC 5322 §3.6.4). */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "jobalerts.local" : domain;
    }
}
