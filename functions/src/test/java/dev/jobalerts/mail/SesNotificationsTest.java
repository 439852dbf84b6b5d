package dev.jobalerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SesNotificationsTest {

    /** The sample events under functions/events, read the way the Lambda runtime reads an SNS event. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ses-bounce.json           | gone.away@example.org",
            "ses-complaint.json        | annoyed@example.net",
            "ses-transient-bounce.json | ''"})
    void addressesToSuppress_fromSampleSnsEvents(String file, String expected) throws IOException {
        SNSEvent event;
        try (InputStream in = Files.newInputStream(Path.of("events", file))) {
            event = LambdaEventSerializers.serializerFor(SNSEvent.class, getClass().getClassLoader()).fromJson(in);
        }
        List<String> suppressed = event.getRecords().stream()
                .flatMap(r -> SesNotifications.addressesToSuppress(r.getSNS().getMessage()).stream()).toList();

        assertThat(suppressed).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // event publishing format (configuration set)
            "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"a@x.test\"},{\"emailAddress\":\"B@X.test\"}]}} | a@x.test,b@x.test",
            "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bouncedRecipients\":[{\"emailAddress\":\"a@x.test\"}]}} | ''",
            "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Undetermined\",\"bouncedRecipients\":[{\"emailAddress\":\"a@x.test\"}]}} | ''",
            "{\"eventType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"c@x.test\"}]}} | c@x.test",
            "{\"eventType\":\"Delivery\",\"delivery\":{\"recipients\":[\"d@x.test\"]}} | ''",
            // older identity notification format
            "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"\\\"Ada\\\" <ada@x.test>\"}]}} | ada@x.test",
            "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"e@x.test\"},{\"emailAddress\":\"e@x.test\"}]}} | e@x.test",
            // the SNS envelope itself, with the notification as its Message string
            "{\"Type\":\"Notification\",\"Message\":\"{\\\"eventType\\\":\\\"Complaint\\\",\\\"complaint\\\":{\\\"complainedRecipients\\\":[{\\\"emailAddress\\\":\\\"f@x.test\\\"}]}}\"} | f@x.test",
            "{\"Type\":\"SubscriptionConfirmation\",\"SubscribeURL\":\"https://sns.example.test/confirm\"} | ''"})
    void addressesToSuppress_suppressesHardBouncesAndComplaintsOnly(String json, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertThat(SesNotifications.addressesToSuppress(json)).isEqualTo(want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[1,2]", "{\"eventType\":42}", "{\"eventType\":\"Bounce\"}",
            "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":\"nope\"}}",
            "{\"eventType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"no-at-sign\"}]}}",
            "{\"Message\":\"{truncated\"}"})
    void addressesToSuppress_whenInputIsBad_returnsEmpty(String json) {
        assertThat(SesNotifications.addressesToSuppress(json)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void addressesToSuppress_whenNull_returnsEmpty() {
        assertThat(SesNotifications.addressesToSuppress(null)).isEmpty();
    }
}
