package dev.jobalerts.wiring;

import dev.jobalerts.store.TableNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsClientsTest {
    @Test
    void endpoint_prefersTheServiceVariable_thenTheGlobalOne_thenOurTemplateVariable() {
        assertThat(AwsClients.endpoint(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://a:1", "AWS_ENDPOINT_URL", "http://b:2", "DYNAMODB_ENDPOINT", "http://c:3"),
                "AWS_ENDPOINT_URL_DYNAMODB", "DYNAMODB_ENDPOINT")).contains(URI.create("http://a:1"));
        assertThat(AwsClients.endpoint(Map.of("AWS_ENDPOINT_URL", "http://b:2", "DYNAMODB_ENDPOINT", "http://c:3"),
                "AWS_ENDPOINT_URL_DYNAMODB", "DYNAMODB_ENDPOINT")).contains(URI.create("http://b:2"));
        assertThat(AwsClients.endpoint(Map.of("DYNAMODB_ENDPOINT", "http://c:3"),
                "AWS_ENDPOINT_URL_DYNAMODB", "DYNAMODB_ENDPOINT")).contains(URI.create("http://c:3"));
    }

    @Test
    void endpoint_whenEveryVariableIsBlank_isTheServiceDefault() {
        assertThat(AwsClients.endpoint(Map.of("DYNAMODB_ENDPOINT", "", "AWS_ENDPOINT_URL", " "), "AWS_ENDPOINT_URL_DYNAMODB", "DYNAMODB_ENDPOINT"))
                .isEqualTo(Optional.empty());
    }

    @Test
    void tableNames_forStack_followTheTemplatesNamingPattern() {
        assertThat(TableNames.forStack("prod").sources()).isEqualTo("prod-sources");
        assertThat(TableNames.forStack("prod").deliveries()).isEqualTo("prod-deliveries");
    }
}
