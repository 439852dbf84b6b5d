package dev.jobalerts.wiring;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds the SDK clients every handler uses: the url-connection HTTP client (small, no Netty or Apache),
 * the region from {@code AWS_REGION}, and an endpoint override from the standard {@code AWS_ENDPOINT_URL_<SERVICE>}
 * or {@code AWS_ENDPOINT_URL} variables so the same jar runs against AWS, LocalStack or DynamoDB Local.
 */
public final class AwsClients {
    private AwsClients() {}

    public static DynamoDbClient dynamoDb(Map<String, String> env) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region(env))
                .credentialsProvider(credentials(env));
        endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB", "DYNAMODB_ENDPOINT").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SesV2Client sesV2(Map<String, String> env) {
        var builder = SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region(env))
                .credentialsProvider(credentials(env));
        endpoint(env, "AWS_ENDPOINT_URL_SESV2", "SESV2_ENDPOINT").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Built on first use only: most stacks name no secret, and a cold start should not pay for the client. */
    public static SecretsManagerClient secretsManager(Map<String, String> env) {
        var builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region(env))
                .credentialsProvider(credentials(env));
        endpoint(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER", "SECRETSMANAGER_ENDPOINT").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static Region region(Map<String, String> env) {
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        return Region.of(region);
    }

    /**
     * Emulators accept any key; when an endpoint is overridden and no keys are set we use dummy ones instead of failing
     * (SnapStart priming relies on this: it removes every credential from the environment it wires its copy from).
     * Otherwise the default chain, made afresh after each SnapStart restore.
     */
    static AwsCredentialsProvider credentials(Map<String, String> env) {
        boolean local = endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB", "DYNAMODB_ENDPOINT").isPresent()
                || endpoint(env, "AWS_ENDPOINT_URL_SESV2", "SESV2_ENDPOINT").isPresent();
        if (local && !env.containsKey("AWS_ACCESS_KEY_ID") && !env.containsKey("AWS_PROFILE"))
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        return new RestoreAwareCredentials();
    }

    /**
     * The standard variables first; then our own, which template.yaml declares (empty) so that
     * {@code sam local invoke --env-vars} may set them: SAM only overrides variables the template declares, and an
     * empty standard variable would be taken as an endpoint by the SDK itself.
     */
    static Optional<URI> endpoint(Map<String, String> env, String serviceVariable, String templateVariable) {
        for (String name : new String[] {serviceVariable, "AWS_ENDPOINT_URL", templateVariable}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return Optional.of(URI.create(value.strip()));
        }
        return Optional.empty();
    }
}
