package dev.jobalerts.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceJsonTest {

    private static SourceDefinition read(String json) throws Exception {
        return SourceJson.read(Json.mapper().readTree(json), "source");
    }

    @Test
    void read_takesEveryFieldAndDefaultsTheRest() throws Exception {
        SourceDefinition source = read("{\"id\":\"x\",\"url\":\"https://x.example\",\"kind\":\"Selectors\","
                + "\"selectors\":{\"item\":\".job\",\"title\":\"h3\",\"url\":\"h3 a\"},\"credentials\":{\"apiKey\":\"env:X_KEY\"},"
                + "\"maxPostings\":200,\"locale\":\"de-DE\",\"remote\":true}");
        assertThat(source.kind()).isEqualTo(SourceKind.SELECTORS);
        assertThat(source.selectors()).containsExactlyInAnyOrderEntriesOf(Map.of("item", ".job", "title", "h3", "url", "h3 a"));
        assertThat(source.credentialRefs().get("apiKey")).isEqualTo(new CredentialRef(CredentialRef.Store.ENV, "X_KEY", null));
        assertThat(source.maxPostings()).isEqualTo(200);
        assertThat(source.localeValue().getLanguage()).isEqualTo("de");
        assertThat(source.remote()).isTrue();
        assertThat(read("{\"id\":\"x\",\"url\":\"https://x.example\"}").kind()).isEqualTo(SourceKind.AUTO);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"id":"x","url":"https://x.example","kind":"magic"}                                         | kind must be one of
            {"id":"x","url":"https://x.example","kind":7}                                               | kind
            {"id":"x","url":"https://x.example","selectors":[".job"]}                                   | selectors has the wrong type
            {"id":"x","url":"https://x.example","kind":"selectors"}                                     | selectors needs at least "item" and "title"
            {"id":"x","url":"https://x.example","selectors":{"item":".job","title":5}}                  | selectors.title must be text, was 5
            {"id":"x","url":"https://x.example","politeness":{"delayMs":1000}}                          | unknown field "politeness"
            {"id":"x","url":"https://x.example","credentials":{"apiKey":"s3cr3t-value"}}                | credentials.apiKey must be a reference
            {"id":"x","url":"https://x.example","credentials":{"apiKey":"env:"}}                        | credentials.apiKey must be a reference
            {"id":"x","url":"https://x.example","credentials":{"apiKey":"secret:a b"}}                  | credentials.apiKey must be a reference
            {"id":"x","url":"https://x.example","maxPostings":0}                                        | maxPostings must be between 1 and
            {"id":"x","url":"https://x.example","locale":"not a locale"}                                | locale must be a language tag
            {"id":"x","url":"ftp://x.example"}                                                          | url must be an absolute http(s) URL
            {"url":"https://x.example"}                                                                 | id is required
            """)
    void read_whenInvalid_namesTheField(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void read_whenACredentialIsGivenAsAValue_neverRepeatsIt() {
        assertThatThrownBy(() -> read("{\"id\":\"x\",\"url\":\"https://x.example\",\"credentials\":{\"apiKey\":\"s3cr3t-value\"}}"))
                .message().doesNotContain("s3cr3t");
    }
}
