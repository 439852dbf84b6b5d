package dev.jobalerts.subscribe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links for confirm, manage, unsubscribe and the match feed. A manage, unsubscribe or feed token is
 * {@code purpose.subscriberId.expiry.mac} where mac = HMAC-SHA256(secret, purpose|subscriberId|expiry|nonce). The
 * subscriber's nonce is in the MAC but not the token, so rotating it revokes every link issued before. A confirm token
 * names one pending search, {@code c.subscriberId.expiry.pendingId.mac}, its MAC keyed with that search's own nonce: it
 * confirms that search and nothing else, and dies with it. No state is stored per token.
 */
public final class TokenService {

    /** What a token lets its holder do. */
    public enum Purpose {
        CONFIRM("c"), MANAGE("m"), UNSUBSCRIBE("u"),
        /**
         * Reads the subscriber's feed of matches and nothing else: a feed URL is handed to feed-reader services, so
         * it must not open the manage page or unsubscribe.
         */
        FEED("f");

        final String code;

        Purpose(String code) {
            this.code = code;
        }
    }

    /** Outcome of checking a token. */
    public enum Check { VALID, EXPIRED, INVALID }

    public static final Duration CONFIRM_TTL = Duration.ofHours(48);
    /** Manage and unsubscribe links live in old emails; they are revoked by nonce rotation, not by age. */
    public static final Duration LONG_LIVED_TTL = Duration.ofDays(3650);
    /** A feed's URL is {@code base + FEED_PATH + token + FEED_SUFFIX}. */
    public static final String FEED_PATH = "/feeds/";
    public static final String FEED_SUFFIX = ".atom";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;
    private final Clock clock;

    public TokenService(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 16) throw new IllegalArgumentException("token secret must be at least 16 bytes");
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /** Which pending search a confirm token claims to confirm, read without trusting it. */
    public record ConfirmClaim(String subscriberId, String pendingId) {}

    /** The link that confirms one pending search; it expires with the search. */
    public String issueConfirmation(PendingSearch pending) {
        String payload = Purpose.CONFIRM.code + "." + pending.subscriberId() + "." + pending.expiresAt().getEpochSecond() + "." + pending.pendingId();
        return payload + "." + mac(payload, pending.nonce());
    }

    public static Optional<ConfirmClaim> claimedConfirmation(String token) {
        if (token == null || token.length() > 200) return Optional.empty();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(Purpose.CONFIRM.code) || !parts[1].matches("[0-9a-f]{32}") || !parts[3].matches("[0-9a-f]{16}"))
            return Optional.empty();
        return Optional.of(new ConfirmClaim(parts[1], parts[3]));
    }

    public Check checkConfirmation(String token, PendingSearch pending) {
        Optional<ConfirmClaim> claim = claimedConfirmation(token);
        if (claim.isEmpty() || !claim.get().subscriberId().equals(pending.subscriberId()) || !claim.get().pendingId().equals(pending.pendingId()))
            return Check.INVALID;
        String[] parts = token.split("\\.", -1);
        return verify(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3], parts[2], parts[4], pending.nonce());
    }

    /** A manage, unsubscribe or feed token. */
    public String issue(Purpose purpose, Subscriber subscriber) {
        if (purpose == Purpose.CONFIRM) throw new IllegalArgumentException("confirm tokens name a pending search: use issueConfirmation");
        Duration ttl = LONG_LIVED_TTL;
        long expiry = Instant.now(clock).plus(ttl).getEpochSecond();
        String payload = purpose.code + "." + subscriber.subscriberId() + "." + expiry;
        return payload + "." + mac(payload, subscriber.nonce());
    }

    /**
     * The one way a token becomes a link, for pages and emails alike: {@code base + path + "?token=" + token}, the token
     * URL-encoded and a trailing slash of {@code base} dropped.
     */
    public static String link(String base, String path, String token) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * Where a feed token is read: {@code base + "/feeds/" + token + ".atom"}. A path rather than {@code ?token=}, because
     * some feed readers drop or rewrite query strings; the token's characters (hex, digits, base64url, dots) need no
     * escaping in a path.
     */
    public static String feedLink(String base, String token) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + FEED_PATH + token + FEED_SUFFIX;
    }

    /** The subscriber a token claims to be for, read without trusting it: the caller loads the nonce, then {@link #check}s. */
    public static Optional<String> claimedSubscriber(String token) {
        if (token == null || token.length() > 200) return Optional.empty();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[1].matches("[0-9a-f]{32}")) return Optional.empty();
        return Optional.of(parts[1]);
    }

    public Check check(String token, Purpose purpose, Subscriber subscriber) {
        if (token == null) return Check.INVALID;
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(purpose.code) || !parts[1].equals(subscriber.subscriberId())) return Check.INVALID;
        return verify(parts[0] + "." + parts[1] + "." + parts[2], parts[2], parts[3], subscriber.nonce());
    }

    private Check verify(String payload, String expiryText, String givenMac, String nonce) {
        long expiry;
        try {
            expiry = Long.parseLong(expiryText);
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        String expected = mac(payload, nonce);
        // Constant-time comparison so the MAC cannot be learned byte by byte from response times.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), givenMac.getBytes(StandardCharsets.US_ASCII)))
            return Check.INVALID;
        return Instant.now(clock).getEpochSecond() > expiry ? Check.EXPIRED : Check.VALID;
    }

    private String mac(String payload, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal((payload + "|" + nonce).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
