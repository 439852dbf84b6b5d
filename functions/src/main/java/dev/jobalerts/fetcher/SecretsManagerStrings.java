package dev.jobalerts.fetcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secret strings from AWS Secrets Manager for {@code secret:} credential references. The client is made on the first
 * secret asked for, and values are kept for a few minutes in the warm container (on purpose: one read per source per
 * run would cost a call per source, and a rotated key is picked up within minutes).
 */
public final class SecretsManagerStrings implements Credentials.SecretStrings {
    static final Duration KEEP = Duration.ofMinutes(5);

    private final Supplier<SecretsManagerClient> clients;
    private final Clock clock;
    private final Map<String, Kept> cache = new ConcurrentHashMap<>();
    private volatile SecretsManagerClient client;

    public SecretsManagerStrings(Supplier<SecretsManagerClient> clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public String apply(String name) {
        Instant now = Instant.now(clock);
        Kept kept = cache.get(name);
        if (kept != null && now.isBefore(kept.until())) return kept.value();
        try {
            String value = client().getSecretValue(b -> b.secretId(name)).secretString();
            if (value == null) throw new Credentials.SecretUnavailable("secret " + name + " holds binary data, not a string");
            cache.put(name, new Kept(value, now.plus(KEEP)));
            return value;
        } catch (ResourceNotFoundException e) {
            throw new Credentials.SecretUnavailable("no secret named " + name);
        } catch (SdkException e) {
            throw new Credentials.SecretUnavailable("Secrets Manager refused or failed: " + e.getClass().getSimpleName());
        }
    }

    private SecretsManagerClient client() {
        SecretsManagerClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) client = clients.get();
                c = client;
            }
        }
        return c;
    }

    private record Kept(String value, Instant until) {}
}
