package dev.jobalerts.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.store.TableNames;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionConfigTest {
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(Map.of(
                "SOURCES_TABLE", "s-sources", "PAGES_TABLE", "s-pages", "POSTINGS_TABLE", "s-postings",
                "SUBSCRIBERS_TABLE", "s-subscribers", "DELIVERIES_TABLE", "s-deliveries",
                "SENDER_ADDRESS", "alerts@example.test", "TOKEN_SECRET", "a-secret-of-enough-length"));
        return env;
    }

    @Test
    void fromEnvironment_readsEveryVariableOnce() {
        Map<String, String> env = environment();
        env.put("PUBLIC_BASE_URL", "https://alerts.example.test");
        env.put("SES_CONFIGURATION_SET", "alerts");
        env.put("ALLOW_PRIVATE_ADDRESSES", "true");

        FunctionConfig config = FunctionConfig.fromEnvironment(env);

        assertThat(config.tables()).isEqualTo(new TableNames("s-sources", "s-pages", "s-postings", "s-subscribers", "s-deliveries"));
        assertThat(config.senderAddress()).isEqualTo("alerts@example.test");
        assertThat(config.publicBaseUrl()).isEqualTo("https://alerts.example.test");
        assertThat(config.tokenSecret()).isEqualTo("a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertThat(config.sesConfigurationSet()).isEqualTo("alerts");
        assertThat(config.allowPrivateAddresses()).isTrue();
    }

    @Test
    void fromEnvironment_whenOptionalVariablesAreUnsetOrEmpty_usesTheDeployedDefaults() {
        Map<String, String> env = environment();
        env.put("SES_CONFIGURATION_SET", "");
        env.put("ALLOW_PRIVATE_ADDRESSES", "false");

        FunctionConfig config = FunctionConfig.fromEnvironment(env);

        assertThat(config.publicBaseUrl()).isEmpty();
        assertThat(config.sesConfigurationSet()).isNull();
        assertThat(config.allowPrivateAddresses()).isFalse();
    }

    @Test
    void fromEnvironment_whenATableNameIsMissing_namesTheVariable() {
        Map<String, String> env = environment();
        env.remove("POSTINGS_TABLE");

        assertThatThrownBy(() -> FunctionConfig.fromEnvironment(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POSTINGS_TABLE");
    }

    @Test
    void fromEnvironment_whenTheTokenSecretIsShort_refusesIt() {
        Map<String, String> env = environment();
        env.put("TOKEN_SECRET", "short");

        assertThatThrownBy(() -> FunctionConfig.fromEnvironment(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKEN_SECRET");
    }
}
