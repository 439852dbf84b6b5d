package dev.jobalerts.local.lambda;

import dev.jobalerts.store.TableNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment template.yaml gives every function, pointed at local services: the five tables, the sender, the
 * public URL, the token secret, DynamoDB Local, the SES emulator (when there is one) and placeholder credentials.
 */
public final class FunctionEnvironment {
    private FunctionEnvironment() {}

    public static Map<String, String> of(TableNames tables, String dynamoEndpoint, String sesEndpoint, String publicBaseUrl,
                                         String sender, String tokenSecret) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SOURCES_TABLE", tables.sources());
        env.put("PAGES_TABLE", tables.pages());
        env.put("POSTINGS_TABLE", tables.postings());
        env.put("SUBSCRIBERS_TABLE", tables.subscribers());
        env.put("DELIVERIES_TABLE", tables.deliveries());
        env.put("SENDER_ADDRESS", sender);
        env.put("PUBLIC_BASE_URL", publicBaseUrl);
        env.put("TOKEN_SECRET", tokenSecret);
        env.put("DYNAMODB_ENDPOINT", dynamoEndpoint);
        if (sesEndpoint != null) env.put("SESV2_ENDPOINT", sesEndpoint);
        env.put("ALLOW_PRIVATE_ADDRESSES", "true");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        return env;
    }
}
