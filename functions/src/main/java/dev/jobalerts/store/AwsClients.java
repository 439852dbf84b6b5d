package dev.jobalerts.store;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
        endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SesV2Client sesV2(Map<String, String> env) {
        var builder = SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region(env))
                .credentialsProvider(credentials(env));
        endpoint(env, "AWS_ENDPOINT_URL_SESV2").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static Region region(Map<String, String> env) {
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        return Region.of(region);
    }

    /** Emulators accept any key; when an endpoint is overridden and no keys are set we use dummy ones instead of failing. */
    static AwsCredentialsProvider credentials(Map<String, String> env) {
        boolean local = env.containsKey("AWS_ENDPOINT_URL") || env.containsKey("AWS_ENDPOINT_URL_DYNAMODB") || env.containsKey("AWS_ENDPOINT_URL_SESV2");
        if (local && !env.containsKey("AWS_ACCESS_KEY_ID") && !env.containsKey("AWS_PROFILE"))
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        return DefaultCredentialsProvider.create();
    }

    static Optional<URI> endpoint(Map<String, String> env, String serviceVariable) {
        String value = env.getOrDefault(serviceVariable, env.get("AWS_ENDPOINT_URL"));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
    }
}
