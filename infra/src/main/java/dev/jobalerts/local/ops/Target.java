package dev.jobalerts.local.ops;

import dev.jobalerts.local.cli.UsageException;
import dev.jobalerts.local.cloud.LocalDynamo;
import dev.jobalerts.wiring.AwsClients;
import dev.jobalerts.store.TableNames;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Which DynamoDB the operator means and under which table names. Nothing is guessed: an endpoint ({@code --endpoint}
 * or the standard {@code AWS_ENDPOINT_URL[_DYNAMODB]}) means the local cloud's tables (stack {@code local}) unless
 * {@code --stack} names another; {@code --stack} alone means that deployed stack in the region and account of the
 * standard credential chain. Without either the command refuses, so it never writes to an unintended place.
 *
 * @param endpoint null for AWS itself
 * @param loopback the endpoint is this machine: the local cloud, whose sample board is on loopback too
 */
record Target(URI endpoint, String stack, TableNames tables, boolean loopback) {
    static final String NEEDS_TARGET = "say which store to use: --endpoint URL for the local cloud (serve prints it, e.g. "
            + "--endpoint http://127.0.0.1:8000) or --stack NAME for a deployed stack (credentials and region from the "
            + "standard AWS chain: AWS_PROFILE, AWS_REGION …)";

    static Target resolve(String endpointOption, String stackOption, Map<String, String> env) {
        String endpointText = endpointOption != null ? endpointOption
                : firstSet(env.get("AWS_ENDPOINT_URL_DYNAMODB"), env.get("AWS_ENDPOINT_URL"));
        if (endpointText == null && stackOption == null) throw new UsageException(NEEDS_TARGET);
        URI endpoint = endpointText == null ? null : endpoint(endpointText);
        String stack = stackOption != null ? stackOption : LocalDynamo.STACK;
        TableNames tables;
        try {
            tables = TableNames.forStack(stack);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--stack: " + e.getMessage());
        }
        return new Target(endpoint, stack, tables, endpoint != null && isLoopback(endpoint.getHost()));
    }

    /**
     * An endpoint gets dummy static credentials and us-east-1: DynamoDB Local keeps one database per access key and
     * region, and the local cloud creates its tables as "local" in us-east-1. AWS gets the standard chain untouched.
     */
    DynamoDbClient client(Map<String, String> env) {
        if (endpoint == null) {
            Map<String, String> aws = new HashMap<>(env);
            // Every variable AwsClients would take as an endpoint, so --stack always means AWS itself.
            aws.remove("AWS_ENDPOINT_URL");
            aws.remove("AWS_ENDPOINT_URL_DYNAMODB");
            aws.remove("DYNAMODB_ENDPOINT");
            return AwsClients.dynamoDb(aws);
        }
        return AwsClients.dynamoDb(Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString(), "AWS_REGION", "us-east-1"));
    }

    /** Names the store in messages, so an error says where it tried. */
    String describe(Map<String, String> env) {
        if (endpoint != null) return "DynamoDB at " + endpoint + " (tables " + stack + "-*)";
        return "stack " + stack + " in " + env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
    }

    private static URI endpoint(String text) {
        try {
            URI uri = URI.create(text.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())))
                throw new IllegalArgumentException();
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint must be an http(s) URL such as http://127.0.0.1:8000: " + text);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String firstSet(String first, String second) {
        if (first != null && !first.isBlank()) return first;
        return second == null || second.isBlank() ? null : second;
    }
}
