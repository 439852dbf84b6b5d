package dev.jobalerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The emulator's default: no account, so GetAccount fails and SesMailer paces at the 1/s fallback. */
class SesEmulatorFallbackIT {
    @RegisterExtension
    static final SesEmulator SES = SesEmulator.withoutAccount();

    @Test
    void sesMailer_whenGetAccountFails_sendsAtOnePerSecond() {
        try (SesV2Client client = SesEmulator.client(SES.endpoint())) {
            SesMailer mailer = new SesMailer(client, null);
            assertThat(mailer.sendRate()).isEqualTo(1.0);

            OutgoingEmail email = new OutgoingEmail("a@example.test", "b@example.test", "s", "<p>h</p>", "h", null);
            long start = System.nanoTime();
            assertThat(mailer.send(email)).isInstanceOf(SendOutcome.Sent.class);
            assertThat(mailer.send(email)).isInstanceOf(SendOutcome.Sent.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(mailer.send(email, Instant.now().plusMillis(200))).isInstanceOf(SendOutcome.Throttled.class);
        }
        assertThat(SES.emails()).hasSize(2);
    }
}
