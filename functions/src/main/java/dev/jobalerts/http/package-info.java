/**
 * The polite HTTP client every source is fetched with ({@link dev.jobalerts.http.PoliteFetcher}): robots.txt, one
 * lane per host with its politeness delay ({@link dev.jobalerts.http.HostLanes}), a bound on requests in flight,
 * retries, redirects checked hop by hop against the address guard, bodies capped and decoded. It knows URLs and
 * answers, not sources or boards: {@code dev.jobalerts.fetcher} (the Fetcher function) decides what to ask for.
 */
package dev.jobalerts.http;
