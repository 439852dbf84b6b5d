package dev.jobalerts.fetcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.CredentialRef;
import dev.jobalerts.source.SourceDefinition;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Resolves a source's credential references at fetch time: environment variables of the fetcher, or Secrets Manager
 * secrets. Values live only in memory for the run; problems name the reference, never a value.
 */
public final class Credentials {
    /** Reads one secret's string by name; throws {@link SecretUnavailable} when it cannot. */
    public interface SecretStrings extends Function<String, String> {}

    /** A secret that could not be read, with a reason fit for the source's health. */
    public static final class SecretUnavailable extends RuntimeException {
        public SecretUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The values, or why they could not all be read. */
    public record Resolved(Map<String, String> values, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final Map<String, String> environment;
    private final SecretStrings secrets;

    /**
     * @param secrets reads Secrets Manager; null where there is none (the local cloud), which makes {@code secret:}
     *                references a clear problem instead of a hang
     */
    public Credentials(Map<String, String> environment, SecretStrings secrets) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.secrets = secrets;
    }

    /** Environment variables only. */
    public static Credentials fromEnvironment(Map<String, String> environment) {
        return new Credentials(environment, null);
    }

    public Resolved resolve(SourceDefinition source) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, CredentialRef> entry : source.credentialRefs().entrySet()) {
            String where = "credentials." + entry.getKey() + " (" + entry.getValue() + ")";
            try {
                String value = value(entry.getValue());
                if (value == null || value.isBlank()) return new Resolved(Map.of(), where + " is empty");
                values.put(entry.getKey(), value.strip());
            } catch (SecretUnavailable e) {
                return new Resolved(Map.of(), where + ": " + e.getMessage());
            }
        }
        return new Resolved(Map.copyOf(values), null);
    }

    private String value(CredentialRef ref) {
        if (ref.store() == CredentialRef.Store.ENV) {
            String value = environment.get(ref.name());
            if (value == null) throw new SecretUnavailable("environment variable " + ref.name() + " is not set for the fetcher");
            return value;
        }
        if (secrets == null) throw new SecretUnavailable("Secrets Manager is not available here; use an env: reference");
        String secret = secrets.apply(ref.name());
        if (ref.field() == null) return secret;
        try {
            JsonNode json = Json.mapper().readTree(secret);
            JsonNode field = json == null ? null : json.get(ref.field());
            if (field == null || !field.isValueNode()) throw new SecretUnavailable("secret has no field " + ref.field());
            return field.asText();
        } catch (IOException e) {
            throw new SecretUnavailable("secret is not a JSON object, so it has no #" + ref.field());
        }
    }
}
