package dev.jobalerts.http;

import java.net.URI;

/**
 * What became of one {@link FetchRequest}. Every expected result of talking to a job board is one of these;
 * only bugs and local faults are exceptions.
 */
public sealed interface FetchOutcome {

    FetchRequest request();

    /** A 2xx response. {@code body} is decoded text (see {@link BodyDecoder}); etag/lastModified are null when absent. */
    record Fetched(FetchRequest request, URI finalUrl, int status, String contentType, String body, String etag,
            String lastModified) implements FetchOutcome {}

    /** 304: the stored validators still match, nothing to parse. */
    record NotModified(FetchRequest request) implements FetchOutcome {}

    /** Never requested: robots.txt disallows it or the SSRF guard refused the address or scheme. */
    record Disallowed(FetchRequest request, String reason) implements FetchOutcome {}

    /** Not tried (or not finished) in this run; try again next run: robots.txt unreachable, deadline, long Retry-After. */
    record Deferred(FetchRequest request, String reason) implements FetchOutcome {}

    /** Gave up: 4xx, 5xx or network errors after every attempt, too large, redirect loop. {@code status} is 0 without a response. */
    record Failed(FetchRequest request, int status, String reason) implements FetchOutcome {}
}
