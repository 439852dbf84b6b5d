package dev.jobalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.feed.FeedService;
import dev.jobalerts.json.Json;
import dev.jobalerts.preview.PreviewService;
import dev.jobalerts.preview.PreviewSettings;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.TableNames;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.store.TestClock;
import dev.jobalerts.subscribe.ConfirmationSender;
import dev.jobalerts.subscribe.ManageService;
import dev.jobalerts.subscribe.PendingConfirmations;
import dev.jobalerts.subscribe.PendingSearch;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB Local with the Subscribers table, the real services, a capturing confirmation sender and a settable clock.
 * What the Subscribers stream does in AWS (hand each new pending search to {@link PendingConfirmations}) the fixture
 * does when a test asks for the mail sent to an address.
 */
final class ApiFixture implements AutoCloseable {
    /** A confirmation email as the sender received it. */
    record Sent(String email, String searchId, String token) {}

    static final ApiConfig.RateLimit GENEROUS = new ApiConfig.RateLimit(100_000, Duration.ofMillis(1));

    final LocalDynamoDb dynamo = LocalDynamoDb.start();
    final TestClock clock = new TestClock(Instant.now());
    final SubscriberStore store;
    static final byte[] SECRET = "test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    final TokenService tokens = new TokenService(SECRET, clock);
    final SubscriberIds ids = new SubscriberIds(SECRET);
    final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    final SubscriptionService subscriptions;
    final PendingConfirmations confirmations;
    final ManageService manage;

    final TableNames tables = dynamo.freshTables();
    final PostingStore postings = new PostingStore(dynamo.client(), tables.postings());
    final DeliveryStore deliveries = new DeliveryStore(dynamo.client(), tables.deliveries());

    ApiFixture() {
        store = new SubscriberStore(dynamo.client(), tables.subscribers());
        subscriptions = new SubscriptionService(store, tokens, ids, clock);
        confirmations = new PendingConfirmations(store, tokens, (id, email, search, url) -> {
            sent.add(new Sent(email, search.id(), tokenOf(url)));
            return ConfirmationSender.Result.SENT;
        }, clock);
        manage = new ManageService(store, clock);
    }

    String idOf(String email) {
        return ids.of(email);
    }

    Optional<Subscriber> findByEmail(String email) {
        return store.findByEmail(email, ids);
    }

    /** Sends what the stream would: the confirmation email of every pending search of the address not mailed yet. */
    void mailPending(String email) {
        for (PendingSearch pending : store.pendingOf(idOf(email)))
            if (!pending.mailed()) confirmations.send(pending.subscriberId(), pending.pendingId());
    }

    ApiHandler handler() {
        return handler(new ApiConfig(null, GENEROUS, GENEROUS, GENEROUS, clock));
    }

    ApiHandler handler(ApiConfig config) {
        return handler(config, PreviewSettings.DEFAULTS);
    }

    /** A handler with its own preview window (each handler reads the postings afresh). */
    ApiHandler handler(ApiConfig config, PreviewSettings previewSettings) {
        return handler(config, previewSettings, postings);
    }

    /** A handler whose previews and feeds read {@code postingsFrom} (e.g. a table of a test's own). */
    ApiHandler handler(ApiConfig config, PreviewSettings previewSettings, PostingStore postingsFrom) {
        return new ApiHandler(new ApiServices(subscriptions, manage, new PreviewService(postingsFrom, previewSettings, clock),
                new FeedService(subscriptions, store, deliveries, postingsFrom, clock)), config);
    }

    List<Sent> sentTo(String email) {
        mailPending(email);
        synchronized (sent) {
            return sent.stream().filter(s -> s.email().equals(email)).toList();
        }
    }

    String lastTokenFor(String email) {
        List<Sent> mails = sentTo(email);
        if (mails.isEmpty()) throw new AssertionError("no confirmation sent to " + email);
        return mails.get(mails.size() - 1).token();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }

    /** The token of a confirmation link, as the page reading the link would see it. */
    static String tokenOf(String confirmUrl) {
        String token = confirmUrl.substring(confirmUrl.indexOf("token=") + "token=".length());
        return java.net.URLDecoder.decode(token, StandardCharsets.UTF_8);
    }
}
