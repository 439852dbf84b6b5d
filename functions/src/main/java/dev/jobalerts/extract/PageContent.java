package dev.jobalerts.extract;

import java.time.Instant;
import java.util.Objects;

/**
 * What the extractor is given: the decoded body of one fetched page.
 *
 * @param url         the URL the body was fetched from; relative links and fallback ids resolve against it
 * @param contentType the Content-Type header, or null; a hint only, the body is sniffed as well
 * @param body        the decoded body
 * @param fetchedAt   when it was fetched; relative dates ("2 days ago") count back from it
 */
public record PageContent(String url, String contentType, String body, Instant fetchedAt) {
    public PageContent {
        url = url == null ? "" : url.trim();
        contentType = contentType == null ? "" : contentType;
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
