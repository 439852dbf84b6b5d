package dev.jobalerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryStateTest {

    /** These strings are in every Deliveries item already written and in the table's condition expressions. */
    @ParameterizedTest(name = "{0} is stored as \"{1}\"")
    @CsvSource(textBlock = """
            CLAIMED,  claimed
            QUEUED,   queued
            SENT,     sent
            REJECTED, rejected
            SKIPPED,  skipped
            """)
    void stored_isTheAttributeValueItemsAlreadyHold(DeliveryState state, String stored) {
        assertThat(state.stored()).isEqualTo(stored);
        assertThat(DeliveryState.fromStored(stored)).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(DeliveryState.class)
    void fromStored_readsBackEveryState(DeliveryState state) {
        assertThat(DeliveryState.fromStored(state.stored())).isSameAs(state);
    }

    @ParameterizedTest
    @CsvSource({"CLAIMED", "done", "''"})
    void fromStored_whenNotAStoredName_namesTheKnownOnes(String value) {
        assertThatThrownBy(() -> DeliveryState.fromStored(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[claimed, queued, sent, rejected, skipped]");
    }
}
