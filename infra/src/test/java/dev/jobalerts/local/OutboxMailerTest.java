package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.mail.AlertEmail;
import dev.jobalerts.mail.AlertItem;
import dev.jobalerts.mail.AlertSection;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.subscribe.Frequency;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {
    private static final String UNSUBSCRIBE = "https://alerts.example.test/unsubscribe?token=u-1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T20:15:30.250Z"), ZoneOffset.UTC);

    @TempDir
    Path outbox;

    private static OutgoingEmail alert() {
        Posting posting = new Posting("p1", "https://jobs.example.test/1", "Backend Engineer <script>", "Nielsen",
                "Remote — Europe", true, null, "2026-11-20", null, "Python and Django.", "test");
        return new EmailRenderer().alert(new AlertEmail("Ada Lovelace <ada@example.test>", "Job Alerts <alerts@example.test>",
                List.of(new AlertSection("python backend", List.of(new AlertItem(posting, List.of("python"))))),
                "https://alerts.example.test/manage?token=m-1", UNSUBSCRIBE, "https://alerts.example.test/feeds/f-1.atom", Frequency.INSTANT));
    }

    @Test
    void send_writesMultipartAlternativeEmlWithHeadersOnceEach() throws Exception {
        OutgoingEmail email = alert();

        SendOutcome outcome = new OutboxMailer(outbox, CLOCK).send(email);

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        Path eml = outbox.resolve("20261122T201530.250Z-1-Ada_Lovelace__ada@example.test_.eml");
        assertThat(eml).exists();
        MimeMessage message = parse(eml);
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + UNSUBSCRIBE + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        for (String once : List.of("From", "To", "Subject", "Message-ID", "Date", "MIME-Version"))
            assertThat(message.getHeader(once)).as(once).hasSize(1);
        assertThat(message.getMessageID()).isEqualTo("<" + ((SendOutcome.Sent) outcome).messageId() + ">");
        assertThat(message.getSubject()).isEqualTo(email.subject()).contains("—", "\"python backend\"");
        assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString()).contains("ada@example.test");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").contains("UTF-8");
        // MIME text travels with CRLF line ends (RFC 5322 §2.1); the content is otherwise unchanged.
        assertThat(lf(parts.getBodyPart(0).getContent())).isEqualTo(email.text());
        assertThat(lf(parts.getBodyPart(1).getContent())).isEqualTo(email.html());
        assertThat(outbox.resolve("20261122T201530.250Z-1-Ada_Lovelace__ada@example.test_.html"))
                .hasContent(email.html());
    }

    @Test
    void send_whenAddressDoesNotParse_returnsRejectedAndWritesNothing() throws Exception {
        OutgoingEmail email = new OutgoingEmail("not an address@@", "alerts@example.test", "s", "<p>h</p>", "h", Map.of());

        assertThat(new OutboxMailer(outbox, CLOCK).send(email)).isInstanceOf(SendOutcome.Rejected.class);
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void send_fromManyThreads_writesEveryEmailOnceWithDistinctIds() throws Exception {
        OutboxMailer mailer = new OutboxMailer(outbox.resolve("created-on-demand"), CLOCK);
        OutgoingEmail email = alert();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<SendOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 100; i++) outcomes.add(pool.submit(() -> mailer.send(email)));
        List<String> ids = new ArrayList<>();
        for (Future<SendOutcome> outcome : outcomes) ids.add(((SendOutcome.Sent) outcome.get()).messageId());
        pool.shutdown();

        assertThat(ids).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(mailer.directory())) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names.stream().filter(n -> n.endsWith(".eml"))).hasSize(100);
            assertThat(names.stream().filter(n -> n.endsWith(".html"))).hasSize(100);
            assertThat(names).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static String lf(Object content) {
        return content.toString().replace("\r\n", "\n");
    }

    private static MimeMessage parse(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
