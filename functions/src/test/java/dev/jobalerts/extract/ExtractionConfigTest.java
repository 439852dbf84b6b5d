package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractionConfigTest {

    @Test
    void fromSourceJson_readsKindAndSelectorsAndIgnoresOtherMembers() throws Exception {
        ExtractionConfig config = ExtractionConfig.fromSourceJson(Json.mapper().readTree(
                "{\"url\":\"https://x.example\",\"politeness\":{\"delayMs\":1000},\"kind\":\"selectors\","
                        + "\"selectors\":{\"item\":\".job\",\"title\":\"h3\",\"url\":\"h3 a\"}}"));
        assertThat(config.kind()).isEqualTo("selectors");
        assertThat(config.selectors()).containsExactlyInAnyOrderEntriesOf(Map.of("item", ".job", "title", "h3", "url", "h3 a"));
    }

    @Test
    void fromSourceJson_whenNoKind_isAuto() throws Exception {
        assertThat(ExtractionConfig.fromSourceJson(Json.mapper().readTree("{\"url\":\"https://x.example\"}")))
                .isEqualTo(ExtractionConfig.auto());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"kind":"magic"}                                         | kind must be one of
            {"kind":7}                                               | kind must be a string
            {"selectors":[".job"]}                                   | selectors must be an object
            {"selectors":{"item":".job"}}                            | selectors.title is required
            {"kind":"selectors"}                                     | selectors.item is required
            {"selectors":{"item":".job","title":"h3","salary":"b"}}  | selectors.salary is not a known selector
            {"selectors":{"item":".job","title":"h3[","url":"a"}}    | selectors.title is not a valid CSS selector
            {"selectors":{"item":".job","title":5}}                  | selectors.title must be a string
            """)
    void fromSourceJson_whenInvalid_namesTheField(String json, String message) throws Exception {
        assertThatThrownBy(() -> ExtractionConfig.fromSourceJson(Json.mapper().readTree(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void detailLinksAlone_needsNoItemSelectors() {
        assertThat(new ExtractionConfig("auto", Map.of("detailLinks", "a.job-link")).selectors()).containsKey("detailLinks");
    }
}
