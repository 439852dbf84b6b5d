package dev.jobalerts.local;

import dev.jobalerts.local.cloud.AtomicFiles;
import dev.jobalerts.local.mail.MimeEmails;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
            message = MimeEmails.build(session, email, messageId, clock.instant());
        } catch (MessagingException e) {
            return MimeEmails.notBuilt(e);
        }
        String base = STAMP.format(clock.instant()) + "-" + counter.incrementAndGet() + "-" + fileSafe(email.to());
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(directory.resolve(base + ".eml"), message::writeTo, null);
            AtomicFiles.write(directory.resolve(base + ".html"), email.html().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new SendOutcome.Failed("cannot write outbox " + directory + ": " + e.getMessage());
        }
        return new SendOutcome.Sent(messageId);
    }

    /** Keeps letters, digits and {@code @._+-} so an address becomes a portable file name. */
    static String fileSafe(String address) {
        String safe = address.strip().replaceAll("[^A-Za-z0-9@._+-]", "_");
        return safe.length() > MAX_NAME_CHARS ? safe.substring(0, MAX_NAME_CHARS) : safe;
    }

}
