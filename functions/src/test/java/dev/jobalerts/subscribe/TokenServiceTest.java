package dev.jobalerts.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.TestClock;
import dev.jobalerts.subscribe.TokenService.Check;
import dev.jobalerts.subscribe.TokenService.Purpose;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private final TestClock clock = new TestClock(NOW);
    private final TokenService tokens = new TokenService("a secret of sixteen+ bytes".getBytes(StandardCharsets.UTF_8), clock);

    private static Subscriber subscriber(String nonce) {
        return new Subscriber(ID, "ana@example.com", SubscriberStatus.ACTIVE, Frequency.INSTANT, "UTC", nonce, NOW, null);
    }

    private static PendingSearch pending(String pendingId, String nonce) {
        return new PendingSearch(ID, pendingId, "ana@example.com", SavedSearch.ofQuery("s", "java"), Frequency.INSTANT, nonce,
                "https://alerts.example", NOW, NOW.plus(TokenService.CONFIRM_TTL), false);
    }

    @ParameterizedTest
    @EnumSource(value = Purpose.class, names = "CONFIRM", mode = EnumSource.Mode.EXCLUDE)
    void check_ofATokenJustIssued_isValidForItsPurposeOnly(Purpose purpose) {
        String token = tokens.issue(purpose, subscriber("n1"));

        assertThat(tokens.check(token, purpose, subscriber("n1"))).isEqualTo(Check.VALID);
        for (Purpose other : Purpose.values())
            if (other != purpose) assertThat(tokens.check(token, other, subscriber("n1"))).as(other.name()).isEqualTo(Check.INVALID);
        assertThat(TokenService.claimedSubscriber(token)).contains(ID);
    }

    @Test
    void check_afterTheNonceIsRotated_isInvalid_soEveryEarlierLinkIsRevoked() {
        String token = tokens.issue(Purpose.MANAGE, subscriber("n1"));

        assertThat(tokens.check(token, Purpose.MANAGE, subscriber("n2"))).isEqualTo(Check.INVALID);
    }

    @Test
    void check_ofAnAlteredToken_isInvalid() {
        String token = tokens.issue(Purpose.UNSUBSCRIBE, subscriber("n1"));
        String[] parts = token.split("\\.");
        String laterExpiry = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 1) + "." + parts[3];
        String otherMac = parts[0] + "." + parts[1] + "." + parts[2] + "." + "A".repeat(parts[3].length());

        assertThat(tokens.check(laterExpiry, Purpose.UNSUBSCRIBE, subscriber("n1"))).isEqualTo(Check.INVALID);
        assertThat(tokens.check(otherMac, Purpose.UNSUBSCRIBE, subscriber("n1"))).isEqualTo(Check.INVALID);
        assertThat(new TokenService("another secret, 16+ bytes".getBytes(StandardCharsets.UTF_8), clock)
                .check(token, Purpose.UNSUBSCRIBE, subscriber("n1"))).isEqualTo(Check.INVALID);
    }

    @Test
    void check_pastTheExpiry_isExpired() {
        String token = tokens.issue(Purpose.FEED, subscriber("n1"));

        clock.advance(TokenService.LONG_LIVED_TTL.plus(Duration.ofSeconds(1)));

        assertThat(tokens.check(token, Purpose.FEED, subscriber("n1"))).isEqualTo(Check.EXPIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "m.x.y", "m.0123456789abcdef0123456789abcdef.notanumber.mac", "a.b.c.d.e.f"})
    void check_ofSomethingThatIsNoToken_isInvalid(String token) {
        assertThat(tokens.check(token, Purpose.MANAGE, subscriber("n1"))).isEqualTo(Check.INVALID);
    }

    @Test
    void confirmation_confirmsItsOwnPendingSearchOnly_andExpiresWithIt() {
        PendingSearch first = pending("00000000000000aa", "p1");
        PendingSearch second = pending("00000000000000bb", "p2");
        String token = tokens.issueConfirmation(first);

        assertThat(TokenService.claimedConfirmation(token)).contains(new TokenService.ConfirmClaim(ID, "00000000000000aa"));
        assertThat(tokens.checkConfirmation(token, first)).isEqualTo(Check.VALID);
        assertThat(tokens.checkConfirmation(token, second)).isEqualTo(Check.INVALID);
        assertThat(tokens.check(token, Purpose.MANAGE, subscriber("p1"))).isEqualTo(Check.INVALID);

        clock.advance(TokenService.CONFIRM_TTL.plusSeconds(1));
        assertThat(tokens.checkConfirmation(token, first)).isEqualTo(Check.EXPIRED);
    }

    @Test
    void issue_refusesConfirmTokens_andShortSecretsAreRefused() {
        assertThatThrownBy(() -> tokens.issue(Purpose.CONFIRM, subscriber("n1"))).hasMessageContaining("issueConfirmation");
        assertThatThrownBy(() -> new TokenService(new byte[15], clock)).hasMessageContaining("at least 16 bytes");
    }

    @Test
    void links_dropATrailingSlash_andEncodeTheToken() {
        assertThat(TokenService.link("https://alerts.example/", "/manage", "m.a+b")).isEqualTo("https://alerts.example/manage?token=m.a%2Bb");
        assertThat(TokenService.feedLink("https://alerts.example/", "f.1.2.x")).isEqualTo("https://alerts.example/feeds/f.1.2.x.atom");
    }
}
