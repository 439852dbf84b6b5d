package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.json.Json;
import dev.jobalerts.source.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExtractorKindTest {

    /** These names are each stored posting's source, the extractor field of log lines, and CLI output. */
    @ParameterizedTest(name = "{0} is shown as \"{1}\"")
    @CsvSource(textBlock = """
            JSONLD,          jsonld
            MICRODATA,       microdata
            RDFA,            rdfa
            RSS,             rss
            JSON,            json
            SELECTORS,       selectors
            PAGE,            page
            GREENHOUSE,      greenhouse
            SMARTRECRUITERS, smartrecruiters
            REMOTEOK,        remoteok
            """)
    void id_isTheNameAlreadyStoredAndShown(SourceKind kind, String id) {
        ExtractorKind extractor = ExtractorKind.of(kind);

        assertThat(extractor.id()).isEqualTo(id);
        assertThat(extractor).hasToString(id);
        assertThat(Json.write(extractor)).isEqualTo("\"" + id + "\"");
    }

    @ParameterizedTest
    @EnumSource(SourceKind.class)
    void id_isTheSourceKindsId_forEveryKind(SourceKind kind) {
        assertThat(ExtractorKind.of(kind).id()).isEqualTo(kind.id());
        assertThat(ExtractorKind.of(kind).kind()).isSameAs(kind);
    }

    @Test
    void none_isShownAsNone_andHasNoKind() {
        assertThat(ExtractorKind.NONE.id()).isEqualTo("none");
        assertThat(ExtractorKind.NONE.kind()).isNull();
        assertThat(Json.write(ExtractorKind.NONE)).isEqualTo("\"none\"");
    }

    @Test
    void equalKinds_areEqual_andNoneIsNoKind() {
        assertThat(ExtractorKind.of(SourceKind.RSS)).isEqualTo(ExtractorKind.of(SourceKind.RSS))
                .hasSameHashCodeAs(ExtractorKind.of(SourceKind.RSS))
                .isNotEqualTo(ExtractorKind.of(SourceKind.JSON)).isNotEqualTo(ExtractorKind.NONE);
    }

    @Test
    void of_null_isRejected_becauseNoneSaysNothingWasFound() {
        assertThatThrownBy(() -> ExtractorKind.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
    }
}
