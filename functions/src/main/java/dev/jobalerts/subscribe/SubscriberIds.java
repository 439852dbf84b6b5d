package dev.jobalerts.subscribe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's id from their address: a keyed hash (HMAC-SHA256 with the deployment's token secret, under its own
 * label), so a token, a log line or a table export does not let anyone test guessed addresses against it. Stable for
 * a deployment, so a sign-up finds an existing subscriber with a GetItem and no index on the address.
 *
 * <p>Deployments from before keyed ids stored subscribers under {@link #legacy} (an unsalted SHA-256): they keep their
 * ids and their links keep working; lookups by address try the keyed id first, then the legacy one.
 */
public final class SubscriberIds {
    private final SecretKeySpec key;

    public SubscriberIds(byte[] secret) {
        if (secret == null || secret.length < 16) throw new IllegalArgumentException("subscriber id secret must be at least 16 bytes");
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("subscriber-id|" + normalise(email)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** The id deployments before keyed ids gave an address: hex SHA-256 of its lower-cased form, truncated. */
    public static String legacy(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
