package dev.jobalerts.local;

import dev.jobalerts.mail.Mailer;
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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local cloud's mail service: writes each email to a directory as a real MIME message,
 * {@code <timestamp>-<n>-<to>.eml} (multipart/alternative, text then HTML, custom headers once each), plus
 * {@code <same name>.html} to preview in a browser. Open the .eml in any mail client to see what a subscriber
 * would. Thread-safe: names are unique by a counter and each file appears whole (written aside, then moved).
 */
public final class OutboxMailer implements Mailer {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_NAME_CHARS = 80;

    private final Path directory;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicLong counter = new AtomicLong();

    public OutboxMailer(Path directory) {
        this(directory, Clock.systemUTC());
    }

    OutboxMailer(Path directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes the email; {@link SendOutcome.Rejected} for an address that does not parse (as SES would refuse it),
     * {@link SendOutcome.Failed} when the directory cannot be written.
     */
    @Override
    public SendOutcome send(OutgoingEmail email) {
        Objects.requireNonNull(email, "email");
        String messageId = UUID.randomUUID() + "@jobalerts.local";
        MimeMessage message;
        try {
            message = mime(email, messageId);
        } catch (AddressException e) {
            return new SendOutcome.Rejected("bad address: " + e.getMessage());
        } catch (MessagingException e) {
            return new SendOutcome.Failed("cannot build MIME message: " + e.getMessage());
        }
        String base = STAMP.format(clock.instant()) + "-" + counter.incrementAndGet() + "-" + fileSafe(email.to());
        try {
            Files.createDirectories(directory);
            writeAtomically(directory.resolve(base + ".eml"), out -> message.writeTo(out));
            writeAtomically(directory.resolve(base + ".html"), out -> out.write(email.html().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | MessagingException e) {
            return new SendOutcome.Failed("cannot write outbox " + directory + ": " + e.getMessage());
        }
        return new SendOutcome.Sent(messageId);
    }

    private MimeMessage mime(OutgoingEmail email, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        message.setFrom(new InternetAddress(email.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        // RFC 2046 §5.1.4: alternatives go from plainest to richest, so clients that can show HTML pick the last.
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        for (Map.Entry<String, String> header : email.headers().entrySet())
            message.setHeader(header.getKey(), header.getValue()); // set, not add: each header exactly once
        message.saveChanges();
        return message;
    }

    /** Keeps letters, digits and {@code @._+-} so an address becomes a portable file name. */
    static String fileSafe(String address) {
        String safe = address.strip().replaceAll("[^A-Za-z0-9@._+-]", "_");
        return safe.length() > MAX_NAME_CHARS ? safe.substring(0, MAX_NAME_CHARS) : safe;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException, MessagingException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException, MessagingException {
        Path temp = Files.createTempFile(target.getParent(), ".outbox-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
