package dev.jobalerts.digest;

import dev.jobalerts.store.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import dev.jobalerts.json.Json;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DigestRun against DynamoDB Local with a recording mailer: due hours, catch-up, the pending sweep, settling. */
class DigestRunIT {
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    DigestFixture world;
    RecordingMailer mailer;
    TestClock clock;


    @BeforeEach
    void freshWorld() {
        world = new DigestFixture(dynamo);
        mailer = new RecordingMailer();
        clock = new TestClock(Instant.parse("2026-11-22T15:00:00Z"));
    }

    private DigestRun.Summary runAt(String instant) {
        clock.set(Instant.parse(instant));
        return world.digestRun(mailer, clock).run(FAR);
    }

    @Test
    void run_withTwoHundredQueuedMatches_sendsOneDigestListingTheFiftyNewest() throws Exception {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "America/New_York", "backend", "platform");
        Instant queued = Instant.parse("2026-11-22T15:00:00Z");
        for (int n = 0; n < 200; n++) {
            world.posting(n, n < 120 ? "backend" : "platform", queued.plus(Duration.ofMinutes(n)));
            world.queue(ada, "p-" + n, n < 120 ? "s0" : "s1", queued.plus(Duration.ofMinutes(n)));
        }

        DigestRun.Summary summary = runAt("2026-11-23T13:00:30Z"); // 08:00 in New York

        assertThat(mailer.sent).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo("ada@example.test");
            assertThat(email.subject()).startsWith("200 new jobs for \"platform\" and 1 other search");
            assertThat(postingsListed(email)).isEqualTo(50);
            assertThat(email.text()).contains(DigestFixture.POSTING_URL + "199\n").doesNotContain(DigestFixture.POSTING_URL + "149\n")
                    .contains("This email lists the first 50. See all 200");
        });
        assertThat(summary.emailsSent()).isEqualTo(1);
        assertThat(summary.deliveriesSent()).isEqualTo(200);
        assertThat(world.deliveries.of(ada.subscriberId())).hasSize(200).allMatch(d -> d.state() == DeliveryState.SENT);
        assertThat(world.deliveries.pending("daily#13")).isEmpty();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "digest.html"), mailer.sent.get(0).html());

        assertThat(runAt("2026-11-23T14:00:30Z").emailsSent()).isZero();
        assertThat(mailer.sent).hasSize(1);
    }

    @Test
    void run_onTheDayBerlinLeavesSummerTime_waitsForEightOClockLocal() {
        Subscriber ben = world.subscriber("ben@example.test", Frequency.DAILY, "Europe/Berlin", "backend");
        world.posting(1, "backend", Instant.parse("2026-10-24T10:00:00Z"));
        world.queue(ben, "p-1", "s0", Instant.parse("2026-10-24T10:00:00Z")); // filed under daily#06 (summer time)

        assertThat(runAt("2026-10-25T06:00:00Z").emailsSent()).as("07:00 CET").isZero();
        assertThat(runAt("2026-10-25T07:00:00Z").emailsSent()).as("08:00 CET").isEqualTo(1);
        assertThat(mailer.sent).hasSize(1);
    }

    @Test
    void run_weekly_waitsForTheSubscribersMonday() {
        Subscriber kiri = world.subscriber("kiri@example.test", Frequency.WEEKLY, "Pacific/Auckland", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-18T09:00:00Z"));
        world.queue(kiri, "p-1", "s0", Instant.parse("2026-11-18T09:00:00Z"));

        assertThat(runAt("2026-11-19T19:00:00Z").emailsSent()).as("a Friday morning in Auckland").isZero();
        assertThat(runAt("2026-11-22T18:00:00Z").emailsSent()).as("Monday 07:00 in Auckland").isZero();
        assertThat(runAt("2026-11-22T19:00:00Z").emailsSent()).as("Monday 08:00 in Auckland").isEqualTo(1);
        assertThat(mailer.sent).singleElement().satisfies(email -> assertThat(email.text()).contains("once a week"));
    }

    @Test
    void run_afterMissedHours_stillSendsTheDigest() {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "UTC", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-22T15:00:00Z"));
        world.queue(ada, "p-1", "s0", Instant.parse("2026-11-22T15:00:00Z"));

        assertThat(runAt("2026-11-23T13:00:00Z").emailsSent()).as("five hours late").isEqualTo(1);
    }

    @Test
    void run_matchQueuedAfterTodaysDigest_waitsForTomorrows() {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "UTC", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-23T08:30:00Z"));
        world.queue(ada, "p-1", "s0", Instant.parse("2026-11-23T08:30:00Z"));

        assertThat(runAt("2026-11-23T09:00:00Z").emailsSent()).isZero();
        assertThat(runAt("2026-11-23T14:00:00Z").emailsSent()).isZero();
        assertThat(runAt("2026-11-24T08:00:00Z").emailsSent()).isEqualTo(1);
    }

    @Test
    void run_subscriberNoLongerActive_marksEntriesSkippedSoTheyLeaveTheList() {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "UTC", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-23T08:30:00Z"));
        world.queue(ada, "p-1", "s0", Instant.parse("2026-11-23T08:30:00Z"));
        world.subscribers.saveProfile(new Subscriber(ada.subscriberId(), ada.email(), SubscriberStatus.UNSUBSCRIBED,
                ada.frequency(), ada.timeZone(), ada.nonce(), ada.createdAt(), null), Instant.now());

        DigestRun.Summary summary = runAt("2026-11-23T09:00:00Z");

        assertThat(mailer.sent).isEmpty();
        assertThat(summary.deliveriesSkipped()).isEqualTo(1);
        assertThat(world.ledger(ada, "p-1").state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(world.deliveries.pending("daily#08")).isEmpty();
    }

    @Test
    void run_postingExpiredOrSearchDeleted_skipsThoseAndSendsTheRest() {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "UTC", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-22T15:00:00Z"));
        world.queue(ada, "p-1", "s0", Instant.parse("2026-11-22T15:00:00Z"));
        world.queue(ada, "p-gone", "s0", Instant.parse("2026-11-22T15:00:00Z"));
        world.posting(2, "backend", Instant.parse("2026-11-22T15:00:00Z"));
        world.queue(ada, "p-2", "s-deleted", Instant.parse("2026-11-22T15:00:00Z"));

        DigestRun.Summary summary = runAt("2026-11-23T08:00:00Z");

        assertThat(mailer.sent).singleElement().satisfies(email -> assertThat(postingsListed(email)).isEqualTo(1));
        assertThat(summary.deliveriesSkipped()).isEqualTo(2);
        assertThat(world.ledger(ada, "p-gone").state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(world.ledger(ada, "p-2").state()).isEqualTo(DeliveryState.SKIPPED);
        assertThat(world.ledger(ada, "p-1").state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void sweep_sendsInstantAlertsOnlyOnceTheirClaimIsOlderThanTheLease() {
        Subscriber ivy = world.subscriber("ivy@example.test", Frequency.INSTANT, "UTC", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-23T10:00:00Z"));
        world.queue(ivy, "p-1", "s0", Instant.parse("2026-11-23T10:00:00Z")); // claimed, then the matcher crashed

        assertThat(runAt("2026-11-23T10:10:00Z").emailsSent()).as("claim still fresh").isZero();
        assertThat(runAt("2026-11-23T10:16:00Z").emailsSent()).isEqualTo(1);
        assertThat(world.ledger(ivy, "p-1").state()).isEqualTo(DeliveryState.SENT);
        assertThat(runAt("2026-11-23T11:00:00Z").emailsSent()).isZero();
    }

    @Test
    void run_whenSesThrottles_leavesEntriesClaimed_andALaterRunSendsThemOnce() {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "UTC", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-22T15:00:00Z"));
        world.queue(ada, "p-1", "s0", Instant.parse("2026-11-22T15:00:00Z"));
        mailer.answer = email -> new SendOutcome.Throttled("TooManyRequestsException");

        assertThat(runAt("2026-11-23T08:00:00Z").emailsDeferred()).isEqualTo(1);
        assertThat(world.ledger(ada, "p-1").state()).isEqualTo(DeliveryState.CLAIMED);

        mailer.answer = email -> new SendOutcome.Sent("m-1");
        assertThat(runAt("2026-11-23T08:10:00Z").emailsSent()).as("within the lease").isZero();
        assertThat(runAt("2026-11-23T09:00:00Z").emailsSent()).isEqualTo(1);
        assertThat(runAt("2026-11-23T10:00:00Z").emailsSent()).isZero();
        assertThat(mailer.sent).hasSize(1);
    }

    @Test
    void run_pastItsDeadline_stopsAndLeavesTheDigestQueuedForTheNextRun() {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "UTC", "backend");
        world.posting(1, "backend", Instant.parse("2026-11-22T15:00:00Z"));
        world.queue(ada, "p-1", "s0", Instant.parse("2026-11-22T15:00:00Z"));
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));

        DigestRun.Summary summary = world.digestRun(mailer, clock).run(clock.instant());

        assertThat(summary.stoppedEarly()).isTrue();
        assertThat(world.ledger(ada, "p-1").state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(runAt("2026-11-23T09:00:00Z").emailsSent()).isEqualTo(1);
    }

    @Test
    void handler_withTheSampleScheduleEvent_runsAndAnswersItsSummary() throws Exception {
        Subscriber ada = world.subscriber("ada@example.test", Frequency.INSTANT, "UTC", "backend");
        Instant claimed = Instant.now().minus(Duration.ofHours(1));
        world.posting(1, "backend", claimed);
        world.queue(ada, "p-1", "s0", claimed);
        clock.set(Instant.now());
        @SuppressWarnings("unchecked")
        Map<String, Object> input = Json.mapper().readValue(Files.readString(Path.of("events", "digest-schedule.json")), Map.class);

        Map<String, Object> result = new DigestHandler(world.digestRun(mailer, clock)).handleRequest(input, null);

        assertThat(result).containsEntry("emailsSent", 1).containsEntry("deliveriesSent", 1).containsEntry("stoppedEarly", false);
    }

    /**
     * Renders a two-search digest of 60 matches and screenshots it in headless Chromium (target/digest.png), for a
     * person to look at; skipped where Chromium is not installed.
     */
    @Test
    void screenshot_ofADigestInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "chromium is not installed: no screenshot");
        Subscriber ada = world.subscriber("ada@example.test", Frequency.DAILY, "Europe/Berlin", "backend", "platform engineer");
        Instant queued = Instant.parse("2026-11-22T09:00:00Z");
        for (int n = 0; n < 60; n++) {
            world.posting(n, n % 3 == 0 ? "platform" : "backend", queued.plus(Duration.ofMinutes(n)));
            world.queue(ada, "p-" + n, n % 3 == 0 ? "s1" : "s0", queued.plus(Duration.ofMinutes(n)));
        }
        runAt("2026-11-23T07:00:00Z");
        Path html = Path.of("target", "digest.html").toAbsolutePath();
        Path png = Path.of("target", "digest.png").toAbsolutePath();
        Files.createDirectories(html.getParent());
        Files.writeString(html, mailer.sent.get(0).html());
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory("chromium-digest-");

        Process process = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=800,2000", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        if (!done) process.destroyForcibly();

        assertThat(done).as("chromium finished").isTrue();
        assertThat(png).isNotEmptyFile();
    }

    private static final Pattern LISTED = Pattern.compile(Pattern.quote(DigestFixture.POSTING_URL) + "\\S+");

    /** Postings an email lists, counted by their links in the text part (each item shows its URL once). */
    static int postingsListed(OutgoingEmail email) {
        Matcher m = LISTED.matcher(email.text());
        int count = 0;
        while (m.find()) count++;
        return count;
    }
}
