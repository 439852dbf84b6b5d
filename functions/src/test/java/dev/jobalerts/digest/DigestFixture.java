package dev.jobalerts.digest;

import dev.jobalerts.store.TestClock;
import dev.jobalerts.alert.DigestSchedule;
import dev.jobalerts.wiring.FunctionConfig;
import dev.jobalerts.mail.Mailer;
import dev.jobalerts.matcher.AlertMatcher;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.wiring.Services;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One test's world: fresh tables in a shared DynamoDB Local, the stores over them, and helpers that make up
 * subscribers, postings and queued matches. Every name and address is invented.
 */
public final class DigestFixture {
    public static final String BASE_URL = "https://alerts.example.test";
    public static final String POSTING_URL = "https://jobs.example.test/p/";
    private static final List<String> COMPANIES = List.of("Northwind Labs", "Bluefin Analytics", "Quarry Systems", "Tandem Health");
    private static final List<String> PLACES = List.of("Berlin, Germany", "Lisbon, Portugal", "Toronto, Canada", "Austin, TX");

    public final LocalDynamoDb dynamo;
    public final TableNames tables;
    public final FunctionConfig config;
    public final SubscriberStore subscribers;
    public final PostingStore postings;
    public final DeliveryStore deliveries;

    public DigestFixture(LocalDynamoDb dynamo) {
        this.dynamo = dynamo;
        this.tables = dynamo.freshTables();
        this.config = new FunctionConfig(tables, "Job Alerts <alerts@example.test>", BASE_URL,
                "a-test-secret-of-enough-length".getBytes(StandardCharsets.UTF_8), null);
        this.subscribers = new SubscriberStore(dynamo.client(), tables.subscribers());
        this.postings = new PostingStore(dynamo.client(), tables.postings());
        this.deliveries = new DeliveryStore(dynamo.client(), tables.deliveries());
    }

    public DigestRun digestRun(Mailer mailer, TestClock clock) {
        return new Services(config, dynamo.client(), clock).digestRun(mailer);
    }

    public AlertMatcher matcher(Mailer mailer, TestClock clock) {
        return new Services(config, dynamo.client(), clock).alertMatcher(mailer);
    }

    /** An active, confirmed subscriber with these searches (ids {@code s0}, {@code s1} …). */
    public Subscriber subscriber(String email, Frequency frequency, String timeZone, String... queries) {
        Subscriber subscriber = new Subscriber(SubscriberIds.legacy(email), email, SubscriberStatus.ACTIVE,
                frequency, timeZone, "nonce-" + email.hashCode(), Instant.parse("2026-01-01T00:00:00Z"), null);
        subscribers.saveProfile(subscriber, Instant.now());
        for (int i = 0; i < queries.length; i++)
            subscribers.saveSearch(new SubscriberSearch(subscriber.subscriberId(), SavedSearch.ofQuery("s" + i, queries[i]),
                    false, true, false, SubscriberStatus.ACTIVE, frequency, System.currentTimeMillis()));
        return subscriber;
    }

    /** Posting {@code n}, stored, first seen at {@code firstSeen}; {@code word} goes in its title so a search can match it. */
    public StoredPosting posting(int n, String word, Instant firstSeen) {
        Posting posting = new Posting("p-" + n, POSTING_URL + n, "Backend Engineer (" + word + ") " + n,
                COMPANIES.get(n % COMPANIES.size()), PLACES.get(n % PLACES.size()), n % 3 == 0, "FULL_TIME",
                LocalDate.ofInstant(firstSeen, ZoneOffset.UTC).toString(),
                n % 2 == 0 ? new Salary(60000.0 + 1000 * (n % 10), 80000.0 + 1000 * (n % 10), "EUR", "YEAR") : null,
                "You will build and run services for " + word + " customers, review code and mentor. Posting " + n + ".",
                "test");
        StoredPosting stored = new StoredPosting(posting, "src-test", firstSeen);
        postings.putIfAbsent(stored);
        return stored;
    }

    /** Queues a match for the subscriber's digest the way the matcher does, at {@code queuedAt}. */
    public Delivery queue(Subscriber subscriber, String postingId, String searchId, Instant queuedAt) {
        String key = DigestSchedule.pendingKey(subscriber.frequency(), subscriber.timeZone(), LocalDate.ofInstant(queuedAt, ZoneOffset.UTC));
        DeliveryState state = subscriber.frequency() == Frequency.INSTANT ? DeliveryState.CLAIMED : DeliveryState.QUEUED;
        Delivery delivery = new Delivery(subscriber.subscriberId(), postingId, searchId, List.of("backend"), state, queuedAt, key);
        if (!deliveries.claim(delivery, queuedAt)) throw new IllegalStateException("already claimed: " + postingId);
        return delivery;
    }

    public Delivery ledger(Subscriber subscriber, String postingId) {
        return deliveries.of(subscriber.subscriberId()).stream().filter(d -> d.postingId().equals(postingId)).findFirst().orElseThrow();
    }
}
