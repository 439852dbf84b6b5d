package dev.jobalerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SesMailer against the real SES v2 emulator (aws-ses-v2-local), with faults injected by a loopback proxy. */
class SesMailerIT {
    @RegisterExtension
    static final SesEmulator SES = SesEmulator.withMaxSendRate(50);

    private final EmailRenderer renderer = new EmailRenderer();

    @BeforeEach
    void clearStore() {
        SES.clear();
    }

    @Test
    void send_deliversAlertWithBothPartsAndOneClickHeaders() throws Exception {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(3));

        SendOutcome outcome;
        try (SesV2Client client = SesEmulator.client(SES.endpoint())) {
            outcome = new SesMailer(client, "jobalerts").send(email);
        }

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        String messageId = ((SendOutcome.Sent) outcome).messageId();
        JsonNode stored = single(SES.emails());
        assertThat(stored.path("messageId").asText()).isEqualTo(messageId);
        assertThat(stored.path("subject").asText()).isEqualTo(email.subject());
        assertThat(stored.path("destination").path("to").get(0).asText()).isEqualTo(MailFixtures.TO);
        assertThat(stored.path("body").path("html").asText()).isEqualTo(email.html());
        assertThat(stored.path("body").path("text").asText()).isEqualTo(email.text());
        assertThat(stored.path("headers").findValuesAsText("name"))
                .containsExactly("List-Unsubscribe", "List-Unsubscribe-Post");
        assertThat(stored.path("headers").findValuesAsText("value"))
                .containsExactly("<" + MailFixtures.UNSUBSCRIBE + ">", "List-Unsubscribe=One-Click");

        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(SES.eml(messageId)));
        assertThat(mime.getHeader("List-Unsubscribe")).containsExactly("<" + MailFixtures.UNSUBSCRIBE + ">");
        assertThat(mime.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mime.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mime.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    }

    @Test
    void constructor_readsMaxSendRateFromGetAccount() {
        try (SesV2Client client = SesEmulator.client(SES.endpoint())) {
            assertThat(new SesMailer(client, null).sendRate()).isEqualTo(50.0);
        }
    }

    @Test
    void send_throughThrottlingProxy_deliversEveryEmailExactlyOnce() throws Exception {
        Random dice = new Random(42);
        IntFunction<FaultProxy.Fault> faults = call -> {
            double roll = dice.nextDouble();
            if (roll < 0.25) return FaultProxy.Fault.TOO_MANY_REQUESTS;
            return roll < 0.35 ? FaultProxy.Fault.MAX_RATE : null;
        };
        int count = 30;
        List<SendOutcome> outcomes = new ArrayList<>();
        try (FaultProxy proxy = new FaultProxy(SES.endpoint(), faults);
             SesV2Client client = SesEmulator.client(proxy.endpoint())) {
            SesMailer mailer = new SesMailer(client, null);
            IntStream.range(0, count).forEach(n -> outcomes.add(mailer.send(numbered(n))));

            assertThat(proxy.injected()).as("faults injected").isGreaterThan(5);
            assertThat(proxy.forwarded()).as("sends that reached the emulator").isEqualTo(count);
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(SendOutcome.Sent.class));
        List<JsonNode> stored = SES.emails();
        assertThat(stored.stream().map(e -> e.path("subject").asText()).toList())
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(n -> "Alert " + n).toList());
        assertThat(stored.stream().map(e -> e.path("messageId").asText()).toList())
                .containsExactlyElementsOf(outcomes.stream().map(o -> ((SendOutcome.Sent) o).messageId()).toList());
    }

    @Test
    void send_whenProxyRejects_returnsRejectedAndNothingIsStored() throws Exception {
        try (FaultProxy proxy = new FaultProxy(SES.endpoint(), call -> FaultProxy.Fault.REJECTED);
             SesV2Client client = SesEmulator.client(proxy.endpoint())) {
            SendOutcome outcome = new SesMailer(client, null).send(numbered(1));

            assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
            assertThat(((SendOutcome.Rejected) outcome).reason()).contains("MessageRejected", "not verified");
            assertThat(proxy.injected()).isEqualTo(1);
        }
        assertThat(SES.emails()).isEmpty();
    }

    @Test
    void send_whenServerErrs_returnsFailedWithoutAnyRetry() throws Exception {
        try (FaultProxy proxy = new FaultProxy(SES.endpoint(), call -> FaultProxy.Fault.INTERNAL);
             SesV2Client client = SesEmulator.client(proxy.endpoint())) {
            SendOutcome outcome = new SesMailer(client, null).send(numbered(1));

            assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
            assertThat(proxy.injected()).as("the SDK's own retries are off too").isEqualTo(1);
        }
    }

    @Test
    void send_whenAlwaysThrottled_givesUpWithThrottled() throws Exception {
        try (FaultProxy proxy = new FaultProxy(SES.endpoint(), call -> FaultProxy.Fault.TOO_MANY_REQUESTS);
             SesV2Client client = SesEmulator.client(proxy.endpoint())) {
            SendOutcome outcome = new SesMailer(client, null).send(numbered(1));

            assertThat(outcome).isInstanceOf(SendOutcome.Throttled.class);
            assertThat(proxy.injected()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
            assertThat(proxy.forwarded()).isZero();
        }
        assertThat(SES.emails()).isEmpty();
    }

    private static OutgoingEmail numbered(int n) {
        return new OutgoingEmail("user" + n + "@example.test", MailFixtures.FROM, "Alert " + n, "<p>" + n + "</p>",
                String.valueOf(n), java.util.Map.of("List-Unsubscribe", "<https://alerts.example.test/u?t=" + n + ">"));
    }

    private static JsonNode single(List<JsonNode> emails) {
        assertThat(emails).hasSize(1);
        return emails.get(0);
    }
}
