package dev.jobalerts.config;

import dev.jobalerts.alert.AlertSettings;
import dev.jobalerts.store.TableNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a handler reads from its environment, read once in its no-arg constructor. template.yaml sets
 * these; the local cloud and {@code sam local invoke --env-vars infra/env.json} set them too.
 *
 * @param publicBaseUrl base of the links in emails (the API URL); empty where the API derives it per request
 * @param sesConfigurationSet SES configuration set for event publishing (bounces, complaints); null for none
 */
public record FunctionConfig(TableNames tables, String senderAddress, String publicBaseUrl, byte[] tokenSecret,
                             String sesConfigurationSet) {

    public FunctionConfig {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(senderAddress, "senderAddress");
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl;
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        sesConfigurationSet = sesConfigurationSet == null || sesConfigurationSet.isBlank() ? null : sesConfigurationSet;
    }

    public static FunctionConfig fromEnvironment(Map<String, String> env) {
        String secret = env.get("TOKEN_SECRET");
        if (secret == null || secret.length() < 16) throw new IllegalStateException("environment variable TOKEN_SECRET must hold at least 16 characters");
        return new FunctionConfig(TableNames.fromEnvironment(env), env.getOrDefault("SENDER_ADDRESS", ""),
                env.get("PUBLIC_BASE_URL"), secret.getBytes(StandardCharsets.UTF_8), env.get("SES_CONFIGURATION_SET"));
    }

    public AlertSettings alertSettings() {
        return new AlertSettings(senderAddress, publicBaseUrl);
    }
}
