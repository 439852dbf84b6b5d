package dev.jobalerts.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubscriberIdsTest {
    private static final SubscriberIds IDS = new SubscriberIds("first-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    @Test
    void of_isStableForAnAddressInAnyCase_andKeyedBySecret() {
        assertThat(IDS.of(" Ana@Example.com ")).isEqualTo(IDS.of("ana@example.com")).matches("[0-9a-f]{32}");
        assertThat(new SubscriberIds("other-secret-0123456789".getBytes(StandardCharsets.UTF_8)).of("ana@example.com"))
                .isNotEqualTo(IDS.of("ana@example.com"));
    }

    @Test
    void of_cannotBeRecomputedFromTheAddressAlone() {
        assertThat(IDS.of("ana@example.com")).isNotEqualTo(SubscriberIds.legacy("ana@example.com"));
    }
}
