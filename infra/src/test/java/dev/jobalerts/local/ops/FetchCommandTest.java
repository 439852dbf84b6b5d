package dev.jobalerts.local.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.fetcher.SourceReport;
import dev.jobalerts.source.FetchStatus;
import org.junit.jupiter.api.Test;

class FetchCommandTest {

    @Test
    void progressJson_givesScriptsTheSourceAndWhatHappenedApart() {
        SourceReport report = new SourceReport("quarry-lane", FetchStatus.OK, "changed, 3 postings, 1 page stored");

        assertThat(FetchCommand.progressJson(report)).isEqualTo("{\"source\":\"quarry-lane\",\"result\":\"changed, 3 postings, 1 page stored\"}");
        assertThat(report.line()).isEqualTo("quarry-lane: changed, 3 postings, 1 page stored");
    }

    @Test
    void progressJson_keepsAColonInTheResult() {
        SourceReport report = new SourceReport("missing", FetchStatus.FAILED, "failed: HTTP 404");

        assertThat(FetchCommand.progressJson(report)).isEqualTo("{\"source\":\"missing\",\"result\":\"failed: HTTP 404\"}");
    }
}
