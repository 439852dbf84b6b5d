package dev.jobalerts.fetcher;

import dev.jobalerts.source.FetchStatus;
import java.util.Objects;

/**
 * What one source's part of a {@link FetchRun} came to, handed to the run's progress listener as each source finishes.
 *
 * @param status how it ended, as recorded in the source's health
 * @param result one human sentence: "changed, 12 postings, 1 page stored", "failed: HTTP 404"
 */
public record SourceReport(String sourceId, FetchStatus status, String result) {
    public SourceReport {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
    }

    /** The progress line the CLI and the local cloud print: {@code "id: result"}. */
    public String line() {
        return sourceId + ": " + result;
    }
}
