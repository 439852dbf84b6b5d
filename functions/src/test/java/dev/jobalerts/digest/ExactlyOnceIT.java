package dev.jobalerts.digest;

import dev.jobalerts.store.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.mail.FaultProxy;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.mail.SesEmulator;
import dev.jobalerts.mail.SesMailer;
import dev.jobalerts.matcher.AlertMatcher;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Exactly-once delivery end to end: the real matcher and digest run, DynamoDB Local, the SES v2 emulator behind a
 * proxy that answers a share of SendEmail calls with 429 or 500, one matcher batch replayed three times (a stream
 * retry), then hourly runs with the clock moved past the lease. Every match must reach the emulator's store exactly
 * once, and each subscriber must get one email for the batch. Prints the SES call counts (the benchmark).
 *
 * <p>Scale with {@code -Dexactlyonce.subscribers=100} (10 matches each: 1,000 matches); 20 by default to keep the
 * suite quick on a shared machine.
 */
class ExactlyOnceIT {
    @RegisterExtension
    static final SesEmulator SES = SesEmulator.withMaxSendRate(200);
    static final int MATCHES_EACH = 10;
    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();


    @Test
    void replayedBatchUnderThrottling_deliversEveryMatchExactlyOnce_inOneEmailPerSubscriber() throws Exception {
        int subscriberCount = Integer.getInteger("exactlyonce.subscribers", 20);
        SES.clear();
        DigestFixture world = new DigestFixture(dynamo);
        TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // Instant subscribers first, then daily ones (in UTC) whose matches wait for tomorrow's 08:00 digest.
        List<Subscriber> subscribers = new ArrayList<>();
        List<StoredPosting> batch = new ArrayList<>();
        for (int i = 0; i < subscriberCount; i++) {
            String word = word(i);
            subscribers.add(world.subscriber("person" + i + "@example.test", i % 5 < 3 ? Frequency.INSTANT : Frequency.DAILY, "UTC", word));
            for (int k = 0; k < MATCHES_EACH; k++) batch.add(world.posting(i * MATCHES_EACH + k, word, clock.instant()));
        }
        Random dice = new Random(7);
        try (FaultProxy proxy = new FaultProxy(SES.endpoint(), call -> {
                 double roll = dice.nextDouble();
                 return roll < 0.30 ? FaultProxy.Fault.TOO_MANY_REQUESTS : roll < 0.40 ? FaultProxy.Fault.INTERNAL : null;
             });
             SesV2Client client = SesEmulator.client(proxy.endpoint())) {
            CountingMailer mailer = new CountingMailer(new SesMailer(client, null));
            AlertMatcher matcher = world.matcher(mailer, clock);

            List<AlertMatcher.Summary> replays = new ArrayList<>();
            for (int replay = 0; replay < 3; replay++) replays.add(matcher.process(batch, clock.instant().plus(Duration.ofMinutes(10))));

            // Hourly runs from tomorrow 08:00 UTC (past the lease, and the daily subscribers' hour) until the ledger is settled.
            clock.set(clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atTime(LocalTime.of(8, 0, 30)).toInstant(ZoneOffset.UTC));
            int runs = 0;
            while (!settled(world.deliveries, subscribers) && runs < 10) {
                world.digestRun(mailer, clock).run(clock.instant().plus(Duration.ofMinutes(10)));
                clock.advance(DeliveryStore.LEASE.plusMinutes(1));
                runs++;
            }

            int matches = subscriberCount * MATCHES_EACH;
            assertThat(replays.get(0).matches()).isEqualTo(matches);
            assertThat(replays.subList(1, 3)).allSatisfy(s -> {
                assertThat(s.emailsSent()).isZero();
                assertThat(s.alreadyClaimed()).isEqualTo(matches);
            });
            assertThat(settled(world.deliveries, subscribers)).as("every ledger entry sent after %d runs", runs).isTrue();
            assertThat(proxy.injected()).as("faults were injected").isPositive();

            List<JsonNode> emails = SES.emails();
            Map<String, Integer> perRecipientAndPosting = new TreeMap<>();
            for (JsonNode email : emails) {
                String to = email.path("destination").path("to").get(0).asText();
                Matcher link = POSTING_LINK.matcher(email.path("body").path("text").asText());
                while (link.find()) perRecipientAndPosting.merge(to + " p-" + link.group(1), 1, Integer::sum);
            }
            assertThat(perRecipientAndPosting).hasSize(matches);
            assertThat(perRecipientAndPosting.values()).allMatch(count -> count == 1);
            for (int i = 0; i < subscriberCount; i++)
                for (int k = 0; k < MATCHES_EACH; k++)
                    assertThat(perRecipientAndPosting).containsKey("person" + i + "@example.test p-" + (i * MATCHES_EACH + k));
            assertThat(emails).as("one email per subscriber for the batch").hasSize(subscriberCount);

            int sendEmailCalls = proxy.injected() + proxy.forwarded();
            double per1000 = 1000.0 / matches;
            System.out.printf("BENCHMARK exactly-once: %d matches, %d subscribers, 3 replays, %d sweep runs; "
                            + "emails accepted %d (%.1f per 1,000 matches, %.2f per subscriber); mailer sends %d (%.1f per 1,000 matches); "
                            + "SendEmail HTTP calls incl. retries %d (%.1f per 1,000 matches), of which %d answered 429/500 by the proxy%n",
                    matches, subscriberCount, runs, proxy.forwarded(), proxy.forwarded() * per1000,
                    (double) proxy.forwarded() / subscriberCount, mailer.calls.get(), mailer.calls.get() * per1000,
                    sendEmailCalls, sendEmailCalls * per1000, proxy.injected());
        }
    }

    private static final Pattern POSTING_LINK = Pattern.compile(Pattern.quote(DigestFixture.POSTING_URL) + "(\\d+)");

    private static boolean settled(DeliveryStore deliveries, List<Subscriber> subscribers) {
        return subscribers.stream().allMatch(s -> deliveries.of(s.subscriberId()).stream().allMatch(d -> d.state() == DeliveryState.SENT));
    }

    /** A made-up word only subscriber {@code i}'s search and postings contain. */
    static String word(int i) {
        return "zq" + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26) + "x";
    }

    /** Counts what the matcher and the digest run hand to the mailer: one call is one email attempted. */
    private static final class CountingMailer implements Mailer {
        final Mailer inner;
        final AtomicInteger calls = new AtomicInteger();

        CountingMailer(Mailer inner) {
            this.inner = inner;
        }

        @Override
        public SendOutcome send(OutgoingEmail email) {
            return send(email, null);
        }

        @Override
        public SendOutcome send(OutgoingEmail email, Instant deadline) {
            calls.incrementAndGet();
            return inner.send(email, deadline);
        }
    }
}
