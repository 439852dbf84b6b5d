package dev.jobalerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.alert.AlertDispatcher.Claimed;
import dev.jobalerts.alert.AlertDispatcher.Result;
import dev.jobalerts.mail.AlertEmail;
import dev.jobalerts.mail.AlertSection;
import dev.jobalerts.mail.EmailRenderer;
import dev.jobalerts.mail.OutgoingEmail;
import dev.jobalerts.mail.SendOutcome;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.store.Delivery;
import dev.jobalerts.store.DeliveryState;
import dev.jobalerts.store.DeliveryStore;
import dev.jobalerts.store.LocalDynamoDb;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One email for a subscriber's claimed deliveries, and the ledger settled by how sending went (DynamoDB Local). */
class AlertDispatcherIT {
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Subscriber ANA = new Subscriber("0123456789abcdef0123456789abcdef", "ana@example.com", SubscriberStatus.ACTIVE,
            Frequency.INSTANT, "UTC", "nonce-1", NOW, null);

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.perTestClass();

    final List<OutgoingEmail> mailed = new ArrayList<>();
    SendOutcome answer = new SendOutcome.Sent("ses-message-1");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TokenService tokens = new TokenService("dispatcher test secret 0123".getBytes(StandardCharsets.UTF_8), clock);
    DeliveryStore deliveries;
    AlertDispatcher dispatcher;

    @BeforeEach
    void freshTables() {
        deliveries = new DeliveryStore(dynamo.client(), dynamo.freshTables().deliveries());
        dispatcher = new AlertDispatcher(deliveries, tokens, new EmailRenderer(), email -> {
            mailed.add(email);
            return answer;
        }, new AlertSettings("alerts@jobalerts.example", "https://alerts.example"), clock);
    }

    static Posting posting(String id, String title) {
        return new Posting(id, "https://boards.example/" + id, title, "Acme", "Leeds", false, null, null, null,
                "Build the Java services behind our billing.", "jsonld");
    }

    Claimed claimed(String postingId, String title, String searchId) {
        deliveries.claim(new Delivery(ANA.subscriberId(), postingId, searchId, List.of("java"), DeliveryState.CLAIMED, NOW, "instant"), NOW);
        return new Claimed(postingId, posting(postingId, title), List.of(), searchId, "search " + searchId, List.of("java"));
    }

    List<DeliveryState> states() {
        return deliveries.of(ANA.subscriberId()).stream().map(Delivery::state).toList();
    }

    @Test
    void send_whenAccepted_mailsOneEmailForAllClaimed_andMarksThemSent() {
        List<Claimed> claimed = List.of(claimed("p-1", "Backend Engineer", "s1"), claimed("p-2", "Platform Engineer", "s1"));

        assertThat(dispatcher.send(ANA, claimed, NOW.plusSeconds(30))).isEqualTo(Result.SENT);

        assertThat(mailed).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo("ana@example.com");
            assertThat(email.from()).isEqualTo("alerts@jobalerts.example");
            assertThat(email.text()).contains("Backend Engineer", "Platform Engineer");
            assertThat(email.headers().get("List-Unsubscribe")).startsWith("<https://alerts.example/unsubscribe?token=");
        });
        assertThat(states()).containsExactly(DeliveryState.SENT, DeliveryState.SENT);
    }

    @Test
    void send_whenTheAddressIsRefusedForGood_marksThemRejected() {
        answer = new SendOutcome.Rejected("MessageRejected: address is on the suppression list");

        assertThat(dispatcher.send(ANA, List.of(claimed("p-1", "Backend Engineer", "s1")), NOW.plusSeconds(30))).isEqualTo(Result.REJECTED);

        assertThat(states()).containsExactly(DeliveryState.REJECTED);
    }

    @Test
    void send_whenThrottledOrFailed_leavesThemClaimedForThePendingSweep() {
        answer = new SendOutcome.Throttled("no send slot before the deadline");
        assertThat(dispatcher.send(ANA, List.of(claimed("p-1", "Backend Engineer", "s1")), NOW.plusSeconds(30))).isEqualTo(Result.DEFERRED);
        answer = new SendOutcome.Failed("connection reset");
        assertThat(dispatcher.send(ANA, List.of(claimed("p-2", "Platform Engineer", "s1")), NOW.plusSeconds(30))).isEqualTo(Result.DEFERRED);

        assertThat(states()).containsExactly(DeliveryState.CLAIMED, DeliveryState.CLAIMED);
    }

    @Test
    void send_withNothingClaimed_mailsNothing() {
        assertThat(dispatcher.send(ANA, List.of(), NOW.plusSeconds(30))).isEqualTo(Result.SENT);

        assertThat(mailed).isEmpty();
    }

    @Test
    void compose_groupsJobsBySearch_withLinksThatOpenTheSubscribersOwnPages() {
        AlertEmail email = dispatcher.compose(ANA, List.of(claimed("p-1", "Backend Engineer", "s1"),
                claimed("p-2", "Data Engineer", "s2"), claimed("p-3", "Platform Engineer", "s1")));

        assertThat(email.sections()).extracting(AlertSection::searchQuery).containsExactly("search s1", "search s2");
        assertThat(email.sections().get(0).items()).extracting(item -> item.posting().title())
                .containsExactly("Backend Engineer", "Platform Engineer");
        assertThat(tokens.check(tokenOf(email.manageUrl()), TokenService.Purpose.MANAGE, ANA)).isEqualTo(TokenService.Check.VALID);
        assertThat(tokens.check(tokenOf(email.unsubscribeUrl()), TokenService.Purpose.UNSUBSCRIBE, ANA)).isEqualTo(TokenService.Check.VALID);
        assertThat(email.feedUrl()).startsWith("https://alerts.example/feeds/").endsWith(".atom");
        assertThat(email.frequency()).isEqualTo(Frequency.INSTANT);
    }

    static String tokenOf(String url) {
        return java.net.URLDecoder.decode(url.substring(url.indexOf("?token=") + 7), StandardCharsets.UTF_8);
    }
}
