package dev.jobalerts.local.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.local.cloud.StartupException;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP mailer against real servers on loopback: start-up checks (down, login refused, sender refused, an
 * untrusted certificate), implicit TLS, and what each refusal means for the ledger: 4xx try later, 5xx to RCPT a hard
 * bounce. GreenMail plays a well-behaved server; {@link ScriptedSmtpServer} the refusals GreenMail cannot be told to make.
 */
class SmtpMailerIT {
    static final String FROM = "alerts@example.org";
    final List<String> bounces = new CopyOnWriteArrayList<>();
    GreenMail greenMail;
    ScriptedSmtpServer scripted;

    @AfterEach
    void stop() throws Exception {
        if (greenMail != null) greenMail.stop();
        if (scripted != null) scripted.close();
    }

    static OutgoingEmail email(String to) {
        return new OutgoingEmail(to, FROM, "3 new jobs", "<p>jobs</p>", "jobs",
                Map.of("List-Unsubscribe", "<https://alerts.example.org/unsubscribe?token=t>", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    @Test
    void connect_whenNothingListens_failsWithExitOneAndNamesTheServer() {
        SmtpServer down = SmtpServer.parse("smtp://127.0.0.1:" + LocalDynamo.freePort(), Map.of());

        assertThatThrownBy(() -> SmtpMailer.connect(down, FROM, bounces::add))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessageContaining("cannot reach the SMTP server smtp://127.0.0.1:").hasMessageContaining("--smtp");
    }

    @Test
    void connect_whenLoginRefused_failsWithExitOneWithoutShowingThePassword() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.setUser(FROM, "alerts", "right-password");
        greenMail.start();
        SmtpServer server = SmtpServer.parse("smtp://alerts:wrong-password@127.0.0.1:" + greenMail.getSmtp().getPort(), Map.of());

        assertThatThrownBy(() -> SmtpMailer.connect(server, FROM, bounces::add))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessageContaining("refused the login of alerts").hasMessageNotContaining("wrong-password");
    }

    @Test
    void connect_whenSenderRefused_failsWithExitTwoNamingFrom() throws Exception {
        scripted = new ScriptedSmtpServer();
        scripted.mailFromReply = "550 5.7.1 not allowed to send as that address";
        SmtpServer server = SmtpServer.parse("smtp://127.0.0.1:" + scripted.port(), Map.of());

        assertThatThrownBy(() -> SmtpMailer.connect(server, FROM, bounces::add))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("refuses " + FROM).hasMessageContaining("--from");
    }

    @Test
    void smtps_checksTheCertificate_andSendsOverTlsOnceTrusted() throws Exception {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
        greenMail.start();
        SmtpServer server = SmtpServer.parse("smtps://127.0.0.1:" + greenMail.getSmtps().getPort(), Map.of());

        // GreenMail's self-signed certificate is in no trust store: refused, as a man in the middle's would be.
        assertThatThrownBy(() -> SmtpMailer.connect(server, FROM, bounces::add))
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessageContaining("TLS").hasMessageContaining("javax.net.ssl.trustStore");

        // Trusted for this test only: its certificate names no host (an operator adds their CA to the JVM's trust store).
        Properties trust = new Properties();
        trust.setProperty("mail.smtps.ssl.trust", "127.0.0.1");
        trust.setProperty("mail.smtps.ssl.checkserveridentity", "false");
        try (SmtpMailer mailer = SmtpMailer.connect(server, trust, FROM, bounces::add)) {
            assertThat(mailer.send(email("tls@example.com"))).isInstanceOf(SendOutcome.Sent.class);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void send_mapsEachReplyToTheLedgersOutcome_andReportsOnlyPermanentRecipientRefusalsAsBounces() throws Exception {
        scripted = new ScriptedSmtpServer();
        scripted.rcptReplies.put("busy@example.com", "451 4.3.2 try again later");
        scripted.rcptReplies.put("full@example.com", "552 5.2.2 mailbox full");
        scripted.rcptReplies.put("gone@example.com", "550 5.1.1 no such user");
        SmtpServer server = SmtpServer.parse("smtp://127.0.0.1:" + scripted.port(), Map.of());

        try (SmtpMailer mailer = SmtpMailer.connect(server, FROM, bounces::add)) {
            assertThat(mailer.send(email("ok@example.com"))).isInstanceOf(SendOutcome.Sent.class);
            assertThat(mailer.send(email("busy@example.com"))).isInstanceOfSatisfying(SendOutcome.Throttled.class,
                    t -> assertThat(t.reason()).contains("451"));
            assertThat(mailer.send(email("full@example.com"))).isInstanceOf(SendOutcome.Throttled.class);
            assertThat(mailer.send(email("gone@example.com"))).isInstanceOfSatisfying(SendOutcome.Rejected.class,
                    r -> assertThat(r.reason()).contains("550"));
            // The connection was dropped after each refusal; the next send reconnects.
            assertThat(mailer.send(email("ok@example.com"))).isInstanceOf(SendOutcome.Sent.class);
        }

        assertThat(bounces).containsExactly("gone@example.com");
        assertThat(scripted.accepted).extracting(ScriptedSmtpServer.Accepted::recipient).containsExactly("ok@example.com", "ok@example.com");
    }

    @Test
    void send_whenTheServerGoesAway_isSafeToTryLater() throws Exception {
        scripted = new ScriptedSmtpServer();
        SmtpServer server = SmtpServer.parse("smtp://127.0.0.1:" + scripted.port(), Map.of());
        try (SmtpMailer mailer = SmtpMailer.connect(server, FROM, bounces::add)) {
            scripted.hangUpOnEveryone();

            assertThat(mailer.send(email("ok@example.com"))).isInstanceOf(SendOutcome.Throttled.class);
        }
        assertThat(bounces).isEmpty();
    }
}
