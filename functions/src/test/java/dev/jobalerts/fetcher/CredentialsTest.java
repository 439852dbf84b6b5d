package dev.jobalerts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credential references resolved at fetch time. Secrets Manager cannot run here; a map stands in for its strings. */
class CredentialsTest {

    private static SourceDefinition source(Map<String, String> credentials) {
        return new SourceDefinition("usa", null, "https://data.usajobs.gov/api/search?Keyword=python", SourceKind.AUTO, null, null, null,
                null, null, credentials, null, null, null);
    }

    private static final Credentials.SecretStrings SECRETS = name -> switch (name) {
        case "jobalerts/usajobs" -> "{\"apiKey\":\"from-secret\",\"email\":\"ops@example.org\"}";
        case "jobalerts/plain" -> "plain-value";
        default -> throw new Credentials.SecretUnavailable("no secret named " + name);
    };

    @Test
    void resolve_readsEnvironmentVariablesAndSecretFields() {
        Credentials credentials = new Credentials(Map.of("USAJOBS_EMAIL", " ops@example.org "), SECRETS);

        Credentials.Resolved resolved = credentials.resolve(source(Map.of("apiKey", "secret:jobalerts/usajobs#apiKey", "email", "env:USAJOBS_EMAIL")));

        assertThat(resolved.ok()).isTrue();
        assertThat(resolved.values()).containsExactlyInAnyOrderEntriesOf(Map.of("apiKey", "from-secret", "email", "ops@example.org"));
        assertThat(credentials.resolve(source(Map.of("apiKey", "secret:jobalerts/plain"))).values()).containsEntry("apiKey", "plain-value");
    }

    @Test
    void resolve_whenAReferenceCannotBeRead_namesTheReferenceAndNeverAValue() {
        Credentials credentials = new Credentials(Map.of("EMPTY", "  "), SECRETS);

        assertThat(credentials.resolve(source(Map.of("apiKey", "env:USAJOBS_API_KEY"))).problem())
                .isEqualTo("credentials.apiKey (env:USAJOBS_API_KEY): environment variable USAJOBS_API_KEY is not set for the fetcher");
        assertThat(credentials.resolve(source(Map.of("apiKey", "env:EMPTY"))).problem()).isEqualTo("credentials.apiKey (env:EMPTY) is empty");
        assertThat(credentials.resolve(source(Map.of("apiKey", "secret:jobalerts/missing"))).problem())
                .endsWith("no secret named jobalerts/missing");
        assertThat(credentials.resolve(source(Map.of("apiKey", "secret:jobalerts/usajobs#key"))).problem())
                .endsWith("secret has no field key").doesNotContain("from-secret");
        assertThat(credentials.resolve(source(Map.of("apiKey", "secret:jobalerts/plain#key"))).problem())
                .contains("not a JSON object").doesNotContain("plain-value");
    }

    @Test
    void resolve_withoutSecretsManager_saysToUseAnEnvironmentReference() {
        assertThat(Credentials.fromEnvironment(Map.of()).resolve(source(Map.of("apiKey", "secret:jobalerts/usajobs#apiKey"))).problem())
                .contains("Secrets Manager is not available here");
    }
}
