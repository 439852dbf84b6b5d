package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.json.Json;
import dev.jobalerts.local.mail.ScriptedSmtpServer;
import dev.jobalerts.local.mail.SmtpServer;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriptionService;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What SMTP refusals do to the delivery ledger on the local cloud, with a real (scripted) SMTP server on loopback: a
 * 4xx leaves the alert claimed and the sweep after the lease sends it once; a 5xx to RCPT TO marks the deliveries
 * rejected and suppresses the subscriber, as an SES hard bounce does. Nothing is sent twice.
 */
class SmtpRefusalsIT {
    static final String BUSY = "busy@example.com";
    static final String GONE = "gone@example.com";

    @TempDir
    static Path outbox;
    static ScriptedSmtpServer smtp;
    static LocalCloud cloud;

    @BeforeAll
    static void start() throws Exception {
        smtp = new ScriptedSmtpServer();
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outbox, null, null, null, null, null, "alerts@example.org",
                SmtpServer.parse("smtp://127.0.0.1:" + smtp.port(), Map.of())));
        var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
        SampleBoard.sources(cloud.boardUrl()).forEach(sources::saveDefinition);
        signUpAndConfirm(BUSY);
        signUpAndConfirm(GONE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cloud != null) cloud.close();
        if (smtp != null) smtp.close();
    }

    @Test
    void tryLaterIsSentOnceAfterTheLease_andPermanentRefusalSuppressesTheSubscriber() {
        smtp.rcptReplies.put(BUSY, "451 4.7.1 greylisted, try again later");
        smtp.rcptReplies.put(GONE, "550 5.1.1 mailbox unavailable");

        cloud.fetch(Set.of(), line -> { });
        cloud.drainStreams();

        assertThat(states(BUSY)).isEqualTo(Map.of("claimed", 7));
        assertThat(states(GONE)).isEqualTo(Map.of("rejected", 7));
        assertThat(cloud.subscriptions().findByEmail(GONE).orElseThrow().status()).isEqualTo(SubscriberStatus.SUPPRESSED);
        assertThat(cloud.subscriptions().findByEmail(BUSY).orElseThrow().status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(smtp.acceptedFor(BUSY)).hasSize(1); // its confirmation only
        assertThat(smtp.acceptedFor(GONE)).hasSize(1);

        // The server takes mail again; the hourly run after the claim's lease sends the alert, and only once.
        smtp.rcptReplies.clear();
        Instant afterLease = Instant.now().plus(dev.jobalerts.store.DeliveryStore.LEASE).plus(Duration.ofMinutes(1));
        cloud.runDigestAt(afterLease);
        cloud.runDigestAt(afterLease.plus(Duration.ofHours(1)));
        cloud.replayStreams();

        assertThat(states(BUSY)).isEqualTo(Map.of("sent", 7));
        assertThat(smtp.acceptedFor(BUSY)).hasSize(2);
        assertThat(smtp.acceptedFor(GONE)).as("a suppressed address gets nothing more").hasSize(1);
    }

    private static void signUpAndConfirm(String email) throws Exception {
        SavedSearch search = Json.mapper().readValue(Demo.DEMO_SEARCH, SavedSearch.class);
        assertThat(cloud.subscriptions().signUp(email, search, Frequency.INSTANT, cloud.apiUrl()))
                .isInstanceOf(SubscriptionService.SignUp.Accepted.class);
        cloud.drainStreams();
        MimeMessage confirmation = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(smtp.acceptedFor(email).get(0).data().getBytes(StandardCharsets.UTF_8)));
        String text = (String) ((MimeMultipart) confirmation.getContent()).getBodyPart(0).getContent();
        Matcher link = SmtpDeliveryIT.CONFIRM.matcher(text);
        assertThat(link.find()).isTrue();
        String token = URLDecoder.decode(link.group(1).substring(link.group(1).indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertThat(cloud.subscriptions().confirm(token)).isInstanceOf(SubscriptionService.Confirmation.Confirmed.class);
    }

    /** How many of the subscriber's deliveries are in each ledger state. */
    private static Map<String, Integer> states(String email) {
        String subscriberId = cloud.subscriptions().findByEmail(email).orElseThrow().subscriberId();
        Map<String, Integer> counts = new TreeMap<>();
        cloud.dynamo().scanPaginator(b -> b.tableName(cloud.tables().deliveries())).items().forEach(item -> {
            if (item.get("subscriberId").s().equals(subscriberId)) counts.merge(item.get("state").s(), 1, Integer::sum);
        });
        return counts;
    }
}
