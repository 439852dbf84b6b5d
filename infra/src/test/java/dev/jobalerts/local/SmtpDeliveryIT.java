package dev.jobalerts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.jobalerts.json.Json;
import dev.jobalerts.local.mail.SmtpServer;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriptionService;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cloud sending through a real SMTP server (GreenMail on loopback, with a login): the confirmation email and
 * an alert arrive as multipart/alternative text + HTML with From, Subject and the RFC 8058 one-click unsubscribe
 * headers, and those links work. The outbox is not used at all.
 */
class SmtpDeliveryIT {
    static final String SENDER = "alerts@example.org";
    static final Pattern CONFIRM = Pattern.compile("(https?://\\S+/subscriptions/confirm\\?token=[A-Za-z0-9._%-]+)");

    @TempDir
    static Path outbox;
    static GreenMail smtp;
    static LocalCloud cloud;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.setUser(SENDER, "alerts", "s3cret");
        smtp.start();
        SmtpServer server = SmtpServer.parse("smtp://alerts@127.0.0.1:" + smtp.getSmtp().getPort(),
                Map.of(SmtpServer.PASSWORD_VARIABLE, "s3cret"));
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outbox, null, null, null, null, null, SENDER, server));
        var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
        SampleBoard.sources(cloud.boardUrl()).forEach(sources::saveDefinition);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
        if (smtp != null) smtp.stop();
    }

    @Test
    void signUpConfirmationAndAlert_arriveOverSmtp_asTextAndHtmlWithOneClickUnsubscribe() throws Exception {
        SavedSearch search = Json.mapper().readValue(Demo.DEMO_SEARCH, SavedSearch.class);
        assertThat(cloud.subscriptions().signUp(Demo.DEMO_EMAIL, search, Frequency.INSTANT, cloud.apiUrl()))
                .isInstanceOf(SubscriptionService.SignUp.Accepted.class);
        cloud.drainStreams();

        MimeMessage confirmation = only(Demo.DEMO_EMAIL);
        assertThat(confirmation.getFrom()).containsExactly(new InternetAddress(SENDER));
        assertThat(confirmation.getSubject()).isNotBlank();
        assertThat(confirmation.getHeader("List-Unsubscribe")).as("a confirmation is not a list message").isNull();
        Map<String, String> parts = alternatives(confirmation);
        Matcher link = CONFIRM.matcher(parts.get("text/plain"));
        assertThat(link.find()).isTrue();
        assertThat(get(link.group(1)).statusCode()).isEqualTo(200);

        cloud.fetch(Set.of(), line -> { });
        cloud.drainStreams();

        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(all).hasSize(2);
        MimeMessage alert = all[1];
        assertThat(alert.getFrom()).containsExactly(new InternetAddress(SENDER));
        assertThat(alert.getRecipients(jakarta.mail.Message.RecipientType.TO)).containsExactly(new InternetAddress(Demo.DEMO_EMAIL));
        assertThat(alert.getSubject()).contains("7");
        assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String listUnsubscribe = alert.getHeader("List-Unsubscribe")[0];
        assertThat(listUnsubscribe).matches("<http://127\\.0\\.0\\.1:\\d+/unsubscribe\\?token=[^>]+>");
        assertThat(alert.getMessageID()).endsWith("@example.org>");
        Map<String, String> alertParts = alternatives(alert);
        assertThat(alertParts.get("text/plain")).contains("Senior Python Engineer");
        assertThat(alertParts.get("text/html")).contains("Senior Python Engineer").contains("<a ");

        // RFC 8058: a POST of List-Unsubscribe=One-Click to the header's URL unsubscribes, with no page in between.
        String url = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
        var unsubscribed = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(cloud.subscriptions().findByEmail(Demo.DEMO_EMAIL).orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(new Outbox(outbox).emails()).as("nothing went to the outbox").isEmpty();
    }

    private static MimeMessage only(String recipient) throws Exception {
        List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(recipient)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts of a multipart/alternative message by content type, asserting text/plain comes before text/html. */
    static Map<String, String> alternatives(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        BodyPart text = multipart.getBodyPart(0), html = multipart.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        return Map.of("text/plain", (String) text.getContent(), "text/html", (String) html.getContent());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String decode(String token) {
        return URLDecoder.decode(token, StandardCharsets.UTF_8);
    }
}
