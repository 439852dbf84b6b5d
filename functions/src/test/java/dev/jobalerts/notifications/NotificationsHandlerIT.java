package dev.jobalerts.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.jobalerts.digest.DigestFixture;
import dev.jobalerts.digest.RecordingMailer;
import dev.jobalerts.store.TestClock;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.wiring.Services;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sample SNS events of functions/events through NotificationsHandler, and what suppression then stops. */
class NotificationsHandlerIT {
    private static final PojoSerializer<SNSEvent> SNS =
            LambdaEventSerializers.serializerFor(SNSEvent.class, NotificationsHandlerIT.class.getClassLoader());
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    DigestFixture world;
    TestClock clock;
    NotificationsHandler handler;


    @BeforeEach
    void freshWorld() {
        world = new DigestFixture(dynamo);
        clock = new TestClock(Instant.now());
        handler = new NotificationsHandler(new Services(world.config, dynamo.client(), clock).subscriptions());
    }

    @Test
    void hardBounceEvent_suppressesTheAddressAndItsSearches() throws IOException {
        Subscriber gone = world.subscriber("gone.away@example.org", Frequency.INSTANT, "UTC", "backend");

        Map<String, Object> result = handler.handleRequest(event("ses-bounce.json"), null);

        assertThat(result).containsEntry("suppressed", 1).containsEntry("records", 1);
        assertThat(status(gone)).isEqualTo(SubscriberStatus.SUPPRESSED);
        assertThat(world.subscribers.searchesOf(gone.subscriberId())).extracting(SubscriberSearch::subscriberStatus)
                .containsOnly(SubscriberStatus.SUPPRESSED);
    }

    @Test
    void complaintEvent_suppressesTheAddress() throws IOException {
        Subscriber annoyed = world.subscriber("annoyed@example.net", Frequency.DAILY, "UTC", "backend");

        assertThat(handler.handleRequest(event("ses-complaint.json"), null)).containsEntry("suppressed", 1);
        assertThat(status(annoyed)).isEqualTo(SubscriberStatus.SUPPRESSED);
    }

    @Test
    void transientBounceEvent_leavesTheAddressActive() throws IOException {
        Subscriber full = world.subscriber("full.inbox@example.com", Frequency.INSTANT, "UTC", "backend");

        assertThat(handler.handleRequest(event("ses-transient-bounce.json"), null)).containsEntry("suppressed", 0);
        assertThat(status(full)).isEqualTo(SubscriberStatus.ACTIVE);
    }

    @Test
    void bounceForAnUnknownAddress_isCountedNotThrown() throws IOException {
        assertThat(handler.handleRequest(event("ses-bounce.json"), null))
                .containsEntry("suppressed", 0).containsEntry("unknownAddresses", 1);
    }

    @Test
    void malformedOrEmptyEvents_changeNothingAndDoNotThrow() {
        SNSEvent.SNS garbage = new SNSEvent.SNS().withMessage("{not json").withMessageId("m-1");
        SNSEvent event = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(garbage), new SNSEvent.SNSRecord()));

        assertThat(handler.handleRequest(event, null)).containsEntry("records", 2).containsEntry("suppressed", 0);
        assertThat(handler.handleRequest(new SNSEvent(), null)).containsEntry("records", 0);
        assertThat(handler.handleRequest(null, null)).containsEntry("records", 0);
    }

    @Test
    void afterAHardBounce_theMatcherSendsNothingToTheAddress() throws IOException {
        Subscriber gone = world.subscriber("gone.away@example.org", Frequency.INSTANT, "UTC", "backend");
        handler.handleRequest(event("ses-bounce.json"), null);
        RecordingMailer mailer = new RecordingMailer();

        world.matcher(mailer, clock).process(List.of(world.posting(1, "backend", clock.instant())), clock.instant().plusSeconds(60));

        assertThat(mailer.sent).isEmpty();
        assertThat(world.deliveries.of(gone.subscriberId())).isEmpty();
    }

    @Test
    void whenOnlyTheProfileSaysSuppressed_theMatcherStillSendsNothing() {
        // The searches still read "active" (as in a matcher index that has not caught up): the profile decides.
        Subscriber ivy = world.subscriber("ivy@example.test", Frequency.INSTANT, "UTC", "backend");
        Subscriber other = world.subscriber("other@example.test", Frequency.INSTANT, "UTC", "backend");
        world.subscribers.saveProfile(new Subscriber(ivy.subscriberId(), ivy.email(), SubscriberStatus.SUPPRESSED,
                ivy.frequency(), ivy.timeZone(), ivy.nonce(), ivy.createdAt(), null), Instant.now());
        RecordingMailer mailer = new RecordingMailer();
        StoredPosting posting = world.posting(1, "backend", clock.instant());

        world.matcher(mailer, clock).process(List.of(posting), clock.instant().plusSeconds(60));

        assertThat(mailer.sent).extracting(email -> email.to()).containsExactly("other@example.test");
        assertThat(world.deliveries.of(ivy.subscriberId())).isEmpty();
    }

    @Test
    void afterAComplaint_theQueuedDigestIsSkippedNotSent() throws IOException {
        Subscriber annoyed = world.subscriber("annoyed@example.net", Frequency.DAILY, "UTC", "backend");
        clock.set(Instant.parse("2026-11-22T15:00:00Z"));
        world.posting(1, "backend", clock.instant());
        world.queue(annoyed, "p-1", "s0", clock.instant());
        handler.handleRequest(event("ses-complaint.json"), null);
        RecordingMailer mailer = new RecordingMailer();

        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        world.digestRun(mailer, clock).run(clock.instant().plusSeconds(60));

        assertThat(mailer.sent).isEmpty();
        assertThat(world.ledger(annoyed, "p-1").state()).isEqualTo(DeliveryState.SKIPPED);
    }

    private SubscriberStatus status(Subscriber subscriber) {
        return world.subscribers.find(subscriber.subscriberId()).orElseThrow().status();
    }

    /** A sample event file, read by the Lambda runtime's own serializer as a deployed function would. */
    private static SNSEvent event(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("events", name))) {
            return SNS.fromJson(in);
        }
    }
}
