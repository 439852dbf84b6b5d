package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.json.Json;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reading settings stored with every page snapshot (the Pages table's {@code extraction} attribute). */
class ReadSpecTest {
    /** A listing's settings exactly as SourceFetch wrote them into Pages items before ReadSpec owned its JSON. */
    static final String STORED_LISTING = "{\"kind\":\"greenhouse\",\"role\":\"listing\",\"sourceUrl\":\"https://boards.greenhouse.io/harborpine\","
            + "\"sourceName\":\"Harbor Pine\",\"selectors\":{},\"locale\":\"en-US\",\"remote\":false}";
    /** A detail answer's settings as stored then, with the listing's view of the posting. */
    static final String STORED_DETAIL = "{\"kind\":\"selectors\",\"role\":\"detail\",\"sourceUrl\":\"https://quarry.example/jobs\","
            + "\"selectors\":{\"title\":\"h2\",\"item\":\".job\"},\"locale\":\"de-DE\",\"remote\":true,"
            + "\"listed\":{\"url\":\"https://quarry.example/jobs/1\",\"title\":\"Welder\"}}";

    private static SourceDefinition source(String json) throws Exception {
        return Json.mapper().readValue(json, SourceDefinition.class);
    }

    @Test
    void fromJson_readsAListingStoredInTodaysFormat() {
        ReadSpec spec = ReadSpec.fromJson(STORED_LISTING);

        assertThat(spec).isEqualTo(new ReadSpec(SourceKind.GREENHOUSE, ReadSpec.Role.LISTING, "https://boards.greenhouse.io/harborpine",
                "Harbor Pine", Map.of(), "en-US", false, null));
    }

    @Test
    void fromJson_readsADetailStoredInTodaysFormat_withTheListingsView() {
        ReadSpec spec = ReadSpec.fromJson(STORED_DETAIL);

        assertThat(spec.kind()).isEqualTo(SourceKind.SELECTORS);
        assertThat(spec.role()).isEqualTo(ReadSpec.Role.DETAIL);
        assertThat(spec.selectors()).isEqualTo(Map.of("item", ".job", "title", "h2"));
        assertThat(spec.remote()).isTrue();
        assertThat(PostingDraft.fromJson(spec.listed()).title).isEqualTo("Welder");
    }

    @Test
    void toJson_writesWhatTheFetcherHasAlwaysStored() throws Exception {
        SourceDefinition definition = source("{\"id\":\"harbor-pine\",\"name\":\"Harbor Pine\","
                + "\"url\":\"https://boards.greenhouse.io/harborpine\",\"kind\":\"greenhouse\"}");

        assertThat(ReadSpec.listing(definition, SourceKind.GREENHOUSE).toJson()).isEqualTo(STORED_LISTING);
    }

    @Test
    void toJson_thenFromJson_givesTheSameSettings() throws Exception {
        SourceDefinition definition = source("{\"id\":\"q\",\"url\":\"https://quarry.example/jobs\",\"kind\":\"selectors\","
                + "\"selectors\":{\"item\":\".job\",\"title\":\"h2\"},\"locale\":\"de-DE\",\"remote\":true}");
        PostingDraft listed = new PostingDraft();
        listed.title = "Welder";
        listed.url = "https://quarry.example/jobs/1";
        ReadSpec detail = ReadSpec.detail(definition, SourceKind.SELECTORS, listed);

        assertThat(ReadSpec.fromJson(detail.toJson())).isEqualTo(detail).isEqualTo(ReadSpec.fromJson(STORED_DETAIL));
    }

    @Test
    void fromJson_ofAnEmptyObject_detects() {
        // PageSnapshot stores "{}" for a page written without settings.
        assertThat(ReadSpec.fromJson("{}")).isEqualTo(ReadSpec.detecting());
        assertThat(ReadSpec.detecting().kind()).isEqualTo(SourceKind.AUTO);
        assertThat(ReadSpec.detecting().role()).isEqualTo(ReadSpec.Role.LISTING);
    }

    @Test
    void fromJson_ignoresMembersItDoesNotKnow() {
        assertThat(ReadSpec.fromJson("{\"kind\":\"jsonld\",\"maxPostings\":50}").kind()).isEqualTo(SourceKind.JSONLD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not json
            {"kind":"nosuchboard"}
            {"role":"sideways"}
            """)
    void fromJson_whenUnreadable_throwsIllegalArgument(String json) {
        assertThatThrownBy(() -> ReadSpec.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            LISTING, listing
            DETAIL,  detail
            ANY,     any
            """)
    void role_isStoredByItsLowerCaseName(ReadSpec.Role role, String stored) {
        assertThat(role.id()).isEqualTo(stored);
        assertThat(ReadSpec.Role.of(stored)).isEqualTo(role);
    }
}
