/**
 * The Fetcher function: which sources are due ({@link dev.jobalerts.fetcher.FetchRun}), how each is read through its
 * board page by page and detail by detail ({@link dev.jobalerts.fetcher.SourceFetch},
 * {@link dev.jobalerts.fetcher.ListingCrawl}), credentials by reference, and the page snapshots handed to the parser.
 * Every request goes through {@code dev.jobalerts.http}, the polite HTTP client.
 */
package dev.jobalerts.fetcher;
