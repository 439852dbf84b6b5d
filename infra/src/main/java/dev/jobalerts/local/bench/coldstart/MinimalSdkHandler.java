package dev.jobalerts.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.jobalerts.store.AwsClients;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The cold-start benchmark's yardstick: a handler whose construction builds a DynamoDB and an SES v2 client, the
 * way our functions build theirs, and nothing else. A function's init is judged against this.
 */
public final class MinimalSdkHandler implements RequestHandler<Map<String, Object>, String> {
    private final DynamoDbClient dynamo;
    private final SesV2Client ses;

    public MinimalSdkHandler() {
        Map<String, String> env = System.getenv();
        dynamo = AwsClients.dynamoDb(env);
        ses = AwsClients.sesV2(env);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return dynamo.serviceName() + "," + ses.serviceName();
    }
}
