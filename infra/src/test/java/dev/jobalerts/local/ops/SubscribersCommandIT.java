package dev.jobalerts.local.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.json.Json;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code subscribers …} against DynamoDB Local, with subscribers written through the store as the API would. */
class SubscribersCommandIT {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static LocalStore store;
    static SubscriberStore subscribers;
    static DeliveryStore deliveries;

    @BeforeAll
    static void start() throws IOException {
        store = LocalStore.start();
        subscribers = new SubscriberStore(store.client(), store.tables.subscribers());
        deliveries = new DeliveryStore(store.client(), store.tables.deliveries());
        seed("ana@example.com", SubscriberStatus.ACTIVE, 2);
        seed("bo@example.com", SubscriberStatus.PAUSED, 1);
        seed("cy@example.com", SubscriberStatus.ACTIVE, 1);
        seed("forget.me@example.com", SubscriberStatus.ACTIVE, 2);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void list_showsEveryStatusAndFiltersByOne() {
        LocalStore.Run all = store.run("subscribers", "list");
        LocalStore.Run paused = store.run("subscribers", "list", "--status", "paused", "--json");

        assertThat(all.lines().get(0)).contains("EMAIL", "STATUS", "FREQUENCY", "SEARCHES");
        assertThat(all.out()).containsPattern("ana@example.com +active +instant +2");
        assertThat(paused.lines()).singleElement().satisfies(line -> assertThat(line).contains("\"email\":\"bo@example.com\""));
    }

    @Test
    void show_printsProfileSearchesAndDeliveries_andJson() throws IOException {
        LocalStore.Run run = store.run("subscribers", "show", "ANA@example.com");
        LocalStore.Run json = store.run("subscribers", "show", "ana@example.com", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("status +active").contains("2 sent").contains("s0").contains("s1");
        var node = Json.mapper().readTree(json.out());
        assertThat(node.get("searches")).hasSize(2);
        assertThat(node.get("deliveries").get("sent").asInt()).isEqualTo(2);
        assertThat(node.has("nonce")).isFalse();
    }

    @Test
    void suppress_setsTheStatusOnTheProfileAndEverySearch() {
        LocalStore.Run run = store.run("subscribers", "suppress", "cy@example.com");

        assertThat(run.code()).as(run.err()).isZero();
        String id = IDS.of("cy@example.com");
        assertThat(subscribers.find(id).orElseThrow().status()).isEqualTo(SubscriberStatus.SUPPRESSED);
        assertThat(subscribers.searchesOf(id)).allMatch(s -> s.subscriberStatus() == SubscriberStatus.SUPPRESSED && !s.live());
        assertThat(store.run("subscribers", "suppress", "cy@example.com").out()).contains("already suppressed");
        assertThat(store.run("subscribers", "suppress", "cy@example.com", "--json").out())
                .isEqualTo("{\"email\":\"cy@example.com\",\"status\":\"suppressed\"}" + System.lineSeparator());
    }

    @Test
    void delete_forgetsProfileSearchesAndDeliveries() {
        String id = IDS.of("forget.me@example.com");

        LocalStore.Run run = store.run("subscribers", "delete", "forget.me@example.com");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 searches, 2 deliveries");
        assertThat(subscribers.find(id)).isEmpty();
        assertThat(subscribers.searchesOf(id)).isEmpty();
        assertThat(deliveries.of(id)).isEmpty();
        assertThat(store.run("subscribers", "list").out()).doesNotContain("forget.me");
        assertThat(store.run("subscribers", "delete", "forget.me@example.com").code()).isEqualTo(2);
    }

    @Test
    void actions_onUnknownAddress_exitTwo() {
        for (String action : List.of("show", "suppress", "delete")) {
            LocalStore.Run run = store.run("subscribers", action, "nobody@example.com");
            assertThat(run.code()).as(action).isEqualTo(2);
            assertThat(run.err()).as(action).contains("no subscriber with address nobody@example.com");
        }
    }

    /** Some deployment's ids: the CLI holds no id secret and finds addresses through the status index. */
    private static final SubscriberIds IDS = new SubscriberIds("some-deployment-secret-0123".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static void seed(String email, SubscriberStatus status, int searches) throws IOException {
        String id = IDS.of(email);
        subscribers.saveProfile(new Subscriber(id, email, status, Frequency.INSTANT, "UTC", "nonce", NOW, null), NOW);
        for (int i = 0; i < searches; i++) {
            SavedSearch search = Json.mapper().readValue("{\"id\":\"s" + i + "\",\"query\":\"python\"}", SavedSearch.class);
            subscribers.saveSearch(new SubscriberSearch(id, search, false, true, false, status, Frequency.INSTANT, NOW.toEpochMilli()));
            Delivery delivery = new Delivery(id, "posting-" + i, "s" + i, List.of("python"), DeliveryState.CLAIMED, NOW, "instant");
            deliveries.claim(delivery, NOW);
            deliveries.markSent(id, List.of("posting-" + i), "msg-" + i, NOW);
        }
    }
}
