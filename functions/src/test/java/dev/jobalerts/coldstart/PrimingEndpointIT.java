package dev.jobalerts.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.wiring.AwsClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The priming endpoint answers the SDK clients our functions build, on loopback, and nothing is left listening. */
class PrimingEndpointIT {
    @Test
    void dynamoDb_findsNothing_butGivesBackWhatThePrimingCopyPut() throws Exception {
        try (PrimingEndpoint endpoint = PrimingEndpoint.start(); var dynamo = AwsClients.dynamoDb(environment(endpoint.url()))) {
            var key = Map.of("subscriberId", AttributeValue.fromS("priming"), "itemId", AttributeValue.fromS("profile"));
            assertThat(dynamo.getItem(r -> r.tableName("subscribers").key(key)).hasItem()).isFalse();

            dynamo.putItem(r -> r.tableName("subscribers").item(Map.of("subscriberId", AttributeValue.fromS("priming"),
                    "itemId", AttributeValue.fromS("profile"), "email", AttributeValue.fromS("priming@example.com"))));

            assertThat(dynamo.getItem(r -> r.tableName("subscribers").key(key)).item()).containsEntry("email", AttributeValue.fromS("priming@example.com"));
            assertThat(dynamo.getItem(r -> r.tableName("other").key(key)).hasItem()).as("another table").isFalse();
            assertThat(dynamo.query(r -> r.tableName("subscribers").keyConditionExpression("subscriberId = :s")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("priming")))).items()).isEmpty();
            assertThat(endpoint.calls()).isEqualTo(5);
        }
    }

    @Test
    void ses_reportsAQuotaAndAcceptsEmail() throws Exception {
        try (PrimingEndpoint endpoint = PrimingEndpoint.start(); var ses = AwsClients.sesV2(environment(endpoint.url()))) {
            assertThat(ses.getAccount(r -> { }).sendQuota().maxSendRate()).isPositive();
            assertThat(ses.sendEmail(r -> r.fromEmailAddress("a@example.com").destination(d -> d.toAddresses("b@example.com"))
                    .content(c -> c.simple(m -> m.subject(t -> t.data("s")).body(b -> b.text(t -> t.data("t")))))).messageId())
                    .isEqualTo("priming");
        }
    }

    @Test
    void asAJobBoard_hasNoRobotsTxt_andClosingIt_leavesNothingListening() throws Exception {
        URI url;
        HttpClient http = HttpClient.newHttpClient();
        try (PrimingEndpoint endpoint = PrimingEndpoint.start()) {
            url = endpoint.url();
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(http.send(HttpRequest.newBuilder(url.resolve("/robots.txt")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(404);
        }
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", url.getPort()), 1_000);
            throw new AssertionError("something still listens on " + url);
        } catch (java.io.IOException refused) {
            // closed, as it must be before a snapshot
        }
    }

    private static Map<String, String> environment(URI endpoint) {
        return PrimingEnvironment.of(Map.of("AWS_REGION", "us-east-1"), endpoint);
    }
}
