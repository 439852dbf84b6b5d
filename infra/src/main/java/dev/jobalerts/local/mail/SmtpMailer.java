package dev.jobalerts.local.mail;

import dev.jobalerts.local.cloud.StartupException;
import dev.jobalerts.log.Log;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends the same MIME messages the outbox writes through the operator's SMTP server (Angus Mail, the Jakarta Mail
 * implementation), behind the {@link Mailer} the functions use with SES: the matcher, the digest run and the
 * confirmation mailer settle the delivery ledger from its {@link SendOutcome} exactly as they do for SES.
 * {@link SmtpReplies} maps the server's answers; a recipient the server refuses for good is reported to
 * {@code hardBounces}, which suppresses the subscriber as an SES Permanent bounce does.
 *
 * <p>One connection, opened on the first send and reused while the server keeps it (checked with NOOP), closed after
 * any failure so the next send starts clean. Sends are serialised: the stream pollers and the digest share it.
 * Nothing is retried here: a 4xx leaves the delivery claimed and the ledger's sweep sends it later.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

    private final SmtpServer server;
    private final Session session;
    private final Consumer<String> hardBounces;
    private final Clock clock;
    private SMTPTransport transport;

    /**
     * @param extra       Jakarta Mail properties on top of ours, e.g. a trust store for a server with a private CA (tests)
     * @param hardBounces told the address of each recipient the server refused permanently
     */
    SmtpMailer(SmtpServer server, Properties extra, Consumer<String> hardBounces, Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.hardBounces = Objects.requireNonNull(hardBounces, "hardBounces");
        this.clock = Objects.requireNonNull(clock, "clock");
        Properties properties = properties(server);
        if (extra != null) properties.putAll(extra);
        this.session = Session.getInstance(properties);
    }

    /**
     * Checks that the server answers, takes the login and accepts {@code from} as a sender, so a typo shows at start-up
     * rather than as deferred alerts; then closes the connection (servers drop idle ones; sends reconnect).
     *
     * @throws StartupException exit 1 when the server cannot be reached or refuses the login, 2 when it refuses {@code from}
     */
    public static SmtpMailer connect(SmtpServer server, String from, Consumer<String> hardBounces) {
        return connect(server, null, from, hardBounces);
    }

    static SmtpMailer connect(SmtpServer server, Properties extra, String from, Consumer<String> hardBounces) {
        SmtpMailer mailer = new SmtpMailer(server, extra, hardBounces, Clock.systemUTC());
        mailer.check(from);
        return mailer;
    }

    private void check(String from) {
        try {
            SMTPTransport probe = open();
            try {
                int code = probe.simpleCommand("MAIL FROM:<" + new InternetAddress(from, true).getAddress() + ">");
                String reply = probe.getLastServerResponse();
                probe.simpleCommand("RSET");
                if (code / 100 == 5)
                    throw new StartupException(StartupException.BAD_INPUT, "the SMTP server " + server + " refuses " + from
                            + " as the sender (" + reply.strip() + "); give --from an address this account may send as");
            } finally {
                probe.close();
            }
        } catch (AuthenticationFailedException e) {
            throw new StartupException(StartupException.UNAVAILABLE, "the SMTP server " + server + " refused the login of "
                    + server.user() + ": " + SmtpReplies.message(e) + "; check the user and " + SmtpServer.PASSWORD_VARIABLE);
        } catch (AddressException e) {
            throw new StartupException(StartupException.BAD_INPUT, "--from is not an email address: " + from);
        } catch (MessagingException e) {
            if (causedBy(e, javax.net.ssl.SSLException.class))
                throw new StartupException(StartupException.UNAVAILABLE, "TLS with the SMTP server " + server + " failed: "
                        + SmtpReplies.message(e) + "; its certificate must match the host name and be signed by a CA the JVM "
                        + "trusts (a private CA goes in with -Djavax.net.ssl.trustStore=FILE)");
            throw new StartupException(StartupException.UNAVAILABLE, "cannot reach the SMTP server " + server + ": "
                    + SmtpReplies.message(e) + "; check --smtp and that the server is up");
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    @Override
    public synchronized SendOutcome send(OutgoingEmail email) {
        Objects.requireNonNull(email, "email");
        String messageId = UUID.randomUUID() + "@" + MimeEmails.domainOf(email.from());
        MimeMessage message;
        try {
            message = MimeEmails.build(session, email, messageId, clock.instant());
        } catch (MessagingException e) {
            return MimeEmails.notBuilt(e);
        }
        try {
            if (transport == null || !transport.isConnected()) transport = open();
        } catch (AuthenticationFailedException e) {
            closeTransport();
            return new SendOutcome.Failed("SMTP login refused by " + server + ": " + SmtpReplies.message(e));
        } catch (MessagingException e) {
            // Nothing was handed over: safe to try again later.
            closeTransport();
            return new SendOutcome.Throttled("SMTP server " + server + " unreachable: " + SmtpReplies.message(e));
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return new SendOutcome.Sent(messageId);
        } catch (MessagingException e) {
            closeTransport();
            SmtpReplies.Verdict verdict = SmtpReplies.of(e);
            if (verdict.hardBounce()) {
                Log.warn("smtp recipient refused", "messageId", messageId, "reason", verdict.outcome().toString());
                hardBounces.accept(email.to());
            }
            return verdict.outcome();
        }
    }

    private SMTPTransport open() throws MessagingException {
        SMTPTransport opened = (SMTPTransport) session.getTransport(server.implicitTls() ? "smtps" : "smtp");
        opened.connect(server.host(), server.port(), server.user(), server.password());
        return opened;
    }

    private void closeTransport() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the connection is being dropped anyway
        }
        transport = null;
    }

    @Override
    public synchronized void close() {
        closeTransport();
    }

    /**
     * STARTTLS whenever the server offers it; certificates checked against the JVM's trust store and the host name
     * (a private CA goes into that trust store: {@code -Djavax.net.ssl.trustStore=…}); timeouts so a server that stops
     * answering cannot hold the stream pollers.
     */
    private static Properties properties(SmtpServer server) {
        Properties p = new Properties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String prefix = "mail." + protocol + ".";
            p.setProperty(prefix + "connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
            p.setProperty(prefix + "timeout", Long.toString(IO_TIMEOUT.toMillis()));
            p.setProperty(prefix + "writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
            p.setProperty(prefix + "auth", Boolean.toString(server.user() != null));
        }
        p.setProperty("mail.smtp.starttls.enable", "true");
        return p;
    }
}
