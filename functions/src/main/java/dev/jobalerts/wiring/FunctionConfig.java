package dev.jobalerts.wiring;

import dev.jobalerts.alert.AlertSettings;
import dev.jobalerts.store.TableNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The one configuration of every function, read once from the environment by {@link #fromEnvironment} (the only
 * place that reads our variables; the SDK's standard ones are read where the clients are built, and a source's
 * {@code env:} credential references where they are resolved). template.yaml sets these variables, and so do the
 * local cloud and {@code sam local invoke --env-vars infra/env.json}. The services' own settings (the API's, the
 * alert emails') are derived from it by {@code dev.jobalerts.wiring.Services}.
 *
 * @param publicBaseUrl         base of the links in emails (the API URL); empty where the API derives it per request
 * @param sesConfigurationSet   SES configuration set for event publishing (bounces, complaints); null for none
 * @param allowPrivateAddresses whether the fetcher may reach loopback and private networks, which its SSRF guard
 *                              refuses everywhere but in the local cloud (whose sample job board is on loopback)
 */
public record FunctionConfig(TableNames tables, String senderAddress, String publicBaseUrl, byte[] tokenSecret,
                             String sesConfigurationSet, boolean allowPrivateAddresses) {

    public FunctionConfig {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(senderAddress, "senderAddress");
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl;
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        sesConfigurationSet = sesConfigurationSet == null || sesConfigurationSet.isBlank() ? null : sesConfigurationSet;
    }

    /** A configuration whose fetcher stays off private addresses, as in every deployment. */
    public FunctionConfig(TableNames tables, String senderAddress, String publicBaseUrl, byte[] tokenSecret, String sesConfigurationSet) {
        this(tables, senderAddress, publicBaseUrl, tokenSecret, sesConfigurationSet, false);
    }

    /**
     * Reads SOURCES_TABLE … DELIVERIES_TABLE, SENDER_ADDRESS, PUBLIC_BASE_URL, TOKEN_SECRET, SES_CONFIGURATION_SET and
     * ALLOW_PRIVATE_ADDRESSES; a missing table name or a short secret is a deployment fault, named in the message.
     */
    public static FunctionConfig fromEnvironment(Map<String, String> env) {
        String secret = env.get("TOKEN_SECRET");
        if (secret == null || secret.length() < 16) throw new IllegalStateException("environment variable TOKEN_SECRET must hold at least 16 characters");
        TableNames tables = new TableNames(required(env, "SOURCES_TABLE"), required(env, "PAGES_TABLE"), required(env, "POSTINGS_TABLE"),
                required(env, "SUBSCRIBERS_TABLE"), required(env, "DELIVERIES_TABLE"));
        return new FunctionConfig(tables, env.getOrDefault("SENDER_ADDRESS", ""), env.get("PUBLIC_BASE_URL"),
                secret.getBytes(StandardCharsets.UTF_8), env.get("SES_CONFIGURATION_SET"), "true".equals(env.get("ALLOW_PRIVATE_ADDRESSES")));
    }

    public AlertSettings alertSettings() {
        return new AlertSettings(senderAddress, publicBaseUrl);
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) throw new IllegalStateException("environment variable " + name + " is not set");
        return value;
    }
}
