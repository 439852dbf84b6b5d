package dev.jobalerts.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchKeyTest {

    @Test
    void format_joinsSubscriberAndSearchWithASlash() {
        assertThat(new SearchKey("3f2a9c", "s1").format()).isEqualTo("3f2a9c/s1");
        assertThat(new SearchKey("3f2a9c", "s1")).hasToString("3f2a9c/s1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            3f2a9c/s1,  3f2a9c, s1
            3f2a9c/a/b, 3f2a9c, a/b
            b/s 1,      b,      s 1
            """)
    void parse_splitsAtTheFirstSlash_soAnySearchIdRoundTrips(String text, String subscriberId, String searchId) {
        SearchKey key = SearchKey.parse(text);

        assertThat(key).isEqualTo(new SearchKey(subscriberId, searchId));
        assertThat(key.format()).isEqualTo(text);
    }

    @Test
    void parse_withoutSlash_saysWhatAKeyLooksLike() {
        assertThatThrownBy(() -> SearchKey.parse("no-slash"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriberId/searchId");
    }

    @Test
    void subscriberIdWithSlash_isRejected_becauseItCouldNotBeReadBack() {
        assertThatThrownBy(() -> new SearchKey("a/b", "s1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriberId");
    }
}
