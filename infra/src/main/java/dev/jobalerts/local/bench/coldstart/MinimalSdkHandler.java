package dev.jobalerts.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.jobalerts.wiring.AwsClients;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The cold-start benchmark's yardsticks: handlers whose construction builds a DynamoDB and an SES v2 client, the
 * way our functions build theirs, and nothing else. A function's init is judged against the one taking the same
 * event type, because the Lambda runtime builds a serializer for the handler's event type during init, and that cost
 * (large for stream and API events) is the runtime's, not the handler's. The nested classes differ only in that.
 */
public final class MinimalSdkHandler implements RequestHandler<Map<String, Object>, String> {
    private final Clients clients = new Clients();

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return clients.names();
    }

    /** The two clients, built from the environment as every function builds them. */
    static final class Clients {
        private final DynamoDbClient dynamo;
        private final SesV2Client ses;

        Clients() {
            Map<String, String> env = System.getenv();
            dynamo = AwsClients.dynamoDb(env);
            ses = AwsClients.sesV2(env);
        }

        String names() {
            return dynamo.serviceName() + "," + ses.serviceName();
        }
    }

    /** For stream functions: takes a DynamoDB stream batch. */
    public static final class OfStream implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        private final Clients clients = new Clients();

        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent input, Context context) {
            clients.names();
            return new StreamsEventResponse();
        }
    }

    /** For the HTTP API: takes an API Gateway HTTP API (payload 2.0) request. */
    public static final class OfHttpApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        private final Clients clients = new Clients();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(clients.names()).build();
        }
    }

    /** For SNS subscribers: takes an SNS notification batch. */
    public static final class OfSns implements RequestHandler<SNSEvent, String> {
        private final Clients clients = new Clients();

        @Override
        public String handleRequest(SNSEvent input, Context context) {
            return clients.names();
        }
    }
}
