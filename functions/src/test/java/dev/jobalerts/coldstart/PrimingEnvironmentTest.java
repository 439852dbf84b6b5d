package dev.jobalerts.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimingEnvironmentTest {
    @Test
    void of_pointsEveryEndpointAtThePrimingEndpoint_andRemovesEveryCredential() {
        Map<String, String> function = Map.of("POSTINGS_TABLE", "prod-postings", "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.2/creds", "AWS_ENDPOINT_URL_DYNAMODB", "https://dynamodb.example");

        Map<String, String> priming = PrimingEnvironment.of(function, URI.create("http://127.0.0.1:4567"));

        assertThat(priming).containsEntry("POSTINGS_TABLE", "prod-postings").containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4567")
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567")
                .containsEntry("SESV2_ENDPOINT", "http://127.0.0.1:4567")
                .doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }
}
