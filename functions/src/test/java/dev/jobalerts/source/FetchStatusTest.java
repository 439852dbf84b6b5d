package dev.jobalerts.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FetchStatusTest {

    /** These strings are in the lastStatus attribute of Sources items already written, and in the CLI's tables. */
    @ParameterizedTest(name = "{0} is stored as \"{1}\", failure: {2}")
    @CsvSource(textBlock = """
            NEVER,        never,        false
            OK,           ok,           false
            UNCHANGED,    unchanged,    false
            NOT_MODIFIED, not-modified, false
            DEFERRED,     deferred,     false
            DISALLOWED,   disallowed,   true
            FAILED,       failed,       true
            """)
    void stored_isTheAttributeValueItemsAlreadyHold(FetchStatus status, String stored, boolean failure) {
        assertThat(status.stored()).isEqualTo(stored);
        assertThat(status).hasToString(stored);
        assertThat(FetchStatus.fromStored(stored)).isEqualTo(status);
        assertThat(status.isFailure()).isEqualTo(failure);
    }

    @ParameterizedTest
    @EnumSource(FetchStatus.class)
    void fromStored_readsBackEveryStatus(FetchStatus status) {
        assertThat(FetchStatus.fromStored(status.stored())).isSameAs(status);
    }

    @ParameterizedTest
    @CsvSource({"OK", "not_modified", "''"})
    void fromStored_whenNotAStoredName_namesTheKnownOnes(String value) {
        assertThatThrownBy(() -> FetchStatus.fromStored(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-modified");
    }
}
