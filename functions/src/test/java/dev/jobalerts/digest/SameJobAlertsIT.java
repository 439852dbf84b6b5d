package dev.jobalerts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.dedupe.Copy;
import dev.jobalerts.dedupe.Fingerprint;
import dev.jobalerts.dedupe.JobIdentity;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.TestClock;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One job, one alert, against DynamoDB Local: postings stored the way the parser stores a job's first copy and its
 * later copies (other boards, reposts), then the matcher and the digest run as the streams and schedule run them.
 */
class SameJobAlertsIT {
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    static final String TEXT = """
            Fault Labs builds the observability platform that more than 2,000 engineering teams use.
            Our payments platform charges customers for the data they send us, and it must never lose or double count an
            event. As a Senior Site Reliability Engineer on the Payments team you will own its availability, its latency
            budget and the on-call rotation that protects it. Run the Kafka and PostgreSQL clusters behind billing.""";
    static final Salary SALARY = new Salary(150_000.0, 180_000.0, "USD", "YEAR");

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

    /** The employer's own posting: no salary, the first copy of the job. */
    StoredPosting employer(String id) {
        Posting posting = new Posting(id, "https://faultlabs.example/jobs/" + id, "Senior Site Reliability Engineer", "Fault Labs",
                "Charlotte, NC", false, null, null, null, TEXT, "jsonld");
        StoredPosting stored = new StoredPosting(posting, "faultlabs", clock.instant(), "Fault Labs careers",
                JobIdentity.of(Fingerprint.of(posting), null, null));
        assertThat(world.postings.putIfAbsent(stored)).isTrue();
        return stored;
    }

    /** The same job on another board, stored as the parser stores a later copy: listed on the first, then put. */
    StoredPosting copy(StoredPosting first, String id, String sourceId, String sourceName, String text) {
        Posting posting = new Posting(id, "https://" + sourceId + ".example/" + id, "Sr. Site Reliability Engineer (Remote-friendly)",
                "Fault Labs, Inc.", "Charlotte, North Carolina", false, "FULL_TIME", null, SALARY, text, "rss");
        StoredPosting stored = new StoredPosting(posting, sourceId, clock.instant(), sourceName,
                JobIdentity.of(Fingerprint.of(posting), first.posting().id(), 0.95));
        world.postings.listCopy(first.posting().id(), Copy.of(posting, sourceId, sourceName, clock.instant(), 0.95));
        assertThat(world.postings.putIfAbsent(stored)).isTrue();
        return stored;
    }

    StoredPosting copy(StoredPosting first, String id, String sourceId, String sourceName) {
        return copy(first, id, sourceId, sourceName, TEXT.replace("\n", " "));
    }

    void match(StoredPosting... batch) {
        world.matcher(mailer, clock).process(List.of(batch), FAR);
    }

    @Test
    void instant_firstCopyAndACopyInOneBatch_oneEmailListingTheJobOnce_withAlsoOnAndTheCopysSalary() {
        Subscriber ana = world.subscriber("ana@example.test", Frequency.INSTANT, "UTC", "reliability");
        StoredPosting first = employer("fl-1");
        StoredPosting aggregated = copy(first, "jh-77", "jobhub", "JobHub");

        match(first, aggregated);

        assertThat(mailer.sent).singleElement().satisfies(email -> {
            assertThat(email.subject()).startsWith("1 new job");
            assertThat(count(email.text(), "Senior Site Reliability Engineer")).isEqualTo(1);
            assertThat(email.text()).contains("also on: JobHub <https://jobhub.example/jh-77>")
                    .contains("https://faultlabs.example/jobs/fl-1").contains("USD 150,000");
            assertThat(email.html()).contains("also on: <a href=\"https://jobhub.example/jh-77\"");
        });
        assertThat(world.deliveries.of(ana.subscriberId())).singleElement()
                .satisfies(d -> assertThat(d.postingId()).isEqualTo("fl-1"));
    }

    @Test
    void instant_aCopyFoundAfterTheAlertWent_sendsNothing() {
        world.subscriber("ana@example.test", Frequency.INSTANT, "UTC", "reliability");
        StoredPosting first = employer("fl-1");
        match(first);
        clock.advance(Duration.ofHours(3));

        match(copy(first, "jh-77", "jobhub", "JobHub"));

        assertThat(mailer.sent).hasSize(1);
        assertThat(mailer.sent.get(0).text()).doesNotContain("also on");
    }

    @Test
    void instant_aRepostWithin30Days_sendsNothing_butOneAMonthOnIsNews() {
        Subscriber ana = world.subscriber("ana@example.test", Frequency.INSTANT, "UTC", "reliability");
        StoredPosting first = employer("fl-1");
        match(first);

        clock.advance(Duration.ofDays(10));
        match(copy(first, "fl-1-reposted", "faultlabs", "Fault Labs careers"));
        assertThat(mailer.sent).hasSize(1);

        clock.advance(Duration.ofDays(25)); // 35 days after the alert, still within the 60 days a repost is recognised
        match(copy(first, "fl-1-again", "faultlabs", "Fault Labs careers"));
        assertThat(mailer.sent).hasSize(2);
        assertThat(world.deliveries.of(ana.subscriberId())).singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT));
    }

    @Test
    void instant_aSubscriberWhoseSearchOnlyTheCopyMatches_getsTheJobOnce_asItsFirstCopyShowsIt() {
        world.subscriber("kai@example.test", Frequency.INSTANT, "UTC", "terraform");
        StoredPosting first = employer("fl-1");
        match(first);
        assertThat(mailer.sent).isEmpty();

        StoredPosting withTerraform = copy(first, "jh-77", "jobhub", "JobHub", TEXT + " You will write Terraform.");
        match(withTerraform);
        match(withTerraform);

        assertThat(mailer.sent).singleElement().satisfies(email ->
                assertThat(email.text()).contains("https://faultlabs.example/jobs/fl-1").contains("also on: JobHub"));
    }

    @Test
    void digest_aCopyFoundBeforeTheDigest_fillsInTheSalary_andIsListedAsAlsoOn() {
        Subscriber dee = world.subscriber("dee@example.test", Frequency.DAILY, "UTC", "reliability");
        StoredPosting first = employer("fl-1");
        match(first);
        clock.advance(Duration.ofHours(2));
        StoredPosting aggregated = copy(first, "jh-77", "jobhub", "JobHub");
        match(aggregated);
        assertThat(world.deliveries.of(dee.subscriberId())).singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(DeliveryState.QUEUED));

        clock.set(Instant.parse("2026-11-23T08:00:30Z"));
        world.digestRun(mailer, clock).run(FAR);

        assertThat(mailer.sent).singleElement().satisfies(email -> {
            assertThat(count(email.text(), "Senior Site Reliability Engineer")).isEqualTo(1);
            assertThat(email.text()).contains("USD 150,000").contains("also on: JobHub");
        });
    }

    @Test
    void instant_throttledThenSweptAfterACopyArrived_showsTheCopyToo() {
        world.subscriber("ana@example.test", Frequency.INSTANT, "UTC", "reliability");
        StoredPosting first = employer("fl-1");
        mailer.answer = email -> new SendOutcome.Throttled("TooManyRequestsException");
        match(first);
        mailer.answer = email -> new SendOutcome.Sent("m-1");
        copy(first, "jh-77", "jobhub", "JobHub");

        clock.advance(Duration.ofMinutes(20)); // past the lease
        world.digestRun(mailer, clock).run(FAR);

        assertThat(mailer.sent).singleElement().satisfies(email -> assertThat(email.text()).contains("also on: JobHub"));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }
}
