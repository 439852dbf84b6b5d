package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LenientJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1}",
            "<!-- {\"a\":1} -->",
            "<!--\n{\"a\":1}\n-->",
            "//<![CDATA[\n{\"a\":1}\n//]]>",
            "/*<![CDATA[*/ {\"a\":1} /*]]>*/",
            "<![CDATA[{\"a\":1}]]>",
            "{\"a\":1,}",
            "{&quot;a&quot;:1}",
            "// leading comment\n{\"a\":1}"})
    void readAll_readsJsonWrittenByTemplates(String text) throws IOException {
        assertThat(LenientJson.readAll(text)).singleElement().satisfies(node -> assertThat(node.path("a").asInt()).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":", "{\"a\":1}}", "<!-- {\"a\": -->"})
    void readAll_whenBroken_throwsIOException(String text) {
        assertThatThrownBy(() -> LenientJson.readAll(text)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"html\":\"<!-- not a wrapper -->\"}"})
    void readAll_keepsCommentMarkersInsideStrings(String text) throws IOException {
        assertThat(LenientJson.readAll(text).get(0).path("html").asText()).isEqualTo("<!-- not a wrapper -->");
    }
}
