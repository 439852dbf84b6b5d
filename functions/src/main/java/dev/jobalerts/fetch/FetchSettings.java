package dev.jobalerts.fetch;

import java.time.Duration;

/**
 * How a {@link PoliteFetcher} behaves towards the hosts it visits.
 *
 * @param userAgent             sent on every request; its product token (text before the first '/') is the name
 *                              matched against robots.txt groups (RFC 9309 §2.2.1)
 * @param connectTimeout        TCP/TLS connect limit per attempt
 * @param readTimeout           limit for the response headers, and separately for reading the body
 * @param maxBodyBytes          largest body kept, before and after Content-Encoding; larger is a "too large" failure
 * @param maxRedirects          redirects followed per request; one more is a failure
 * @param maxAttempts           tries per request for network errors, 5xx and 429 (1 = no retry)
 * @param defaultDelay          minimum pause between two requests to one host unless the request names its own
 * @param allowPrivateAddresses lets requests reach loopback/private/link-local addresses: the local cloud and tests
 *                              only, never in Lambda (the SSRF guard)
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
        int maxRedirects, int maxAttempts, Duration defaultDelay, boolean allowPrivateAddresses) {

    public static final String DEFAULT_USER_AGENT = "jobalerts/1.0 (+https://github.com/jobalerts/jobalerts)";

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) throw new IllegalArgumentException("userAgent must not be blank");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        if (defaultDelay == null || defaultDelay.isNegative()) throw new IllegalArgumentException("defaultDelay must not be negative");
    }

    /** Production values: 1 s between requests per host, 5 MB bodies, 5 redirects, 3 attempts, no private addresses. */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024,
                5, 3, Duration.ofSeconds(1), false);
    }

    /** This configuration with the SSRF guard off, for the local cloud and tests that serve pages on loopback. */
    public FetchSettings allowingPrivateAddresses() {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, maxAttempts, defaultDelay, true);
    }

    /** The robots.txt product token: "jobalerts" for "jobalerts/1.0 (+https://…)". */
    String productToken() {
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        return token.toLowerCase(java.util.Locale.ROOT);
    }

    private static void requirePositive(Duration d, String field) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(field + " must be positive");
    }
}
