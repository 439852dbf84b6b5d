package dev.jobalerts.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
 * @param hostRoutes            host name → origin its requests are sent to, URLs staying as they are (see {@link HostRoutes})
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
        int maxRedirects, int maxAttempts, Duration defaultDelay, boolean allowPrivateAddresses, Map<String, URI> hostRoutes) {

    public static final String DEFAULT_USER_AGENT = "jobalerts/1.0 (+https://github.com/jobalerts/jobalerts)";

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) throw new IllegalArgumentException("userAgent must not be blank");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        if (defaultDelay == null || defaultDelay.isNegative()) throw new IllegalArgumentException("defaultDelay must not be negative");
        Map<String, URI> routes = new TreeMap<>();
        if (hostRoutes != null) {
            hostRoutes.forEach((host, origin) -> {
                if (origin == null || origin.getScheme() == null || origin.getRawAuthority() == null)
                    throw new IllegalArgumentException("hostRoutes." + host + " must be an origin such as http://127.0.0.1:8089");
                routes.put(host.toLowerCase(Locale.ROOT), origin);
            });
        }
        hostRoutes = Map.copyOf(routes);
    }

    /** Settings without host routes. */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
            int maxRedirects, int maxAttempts, Duration defaultDelay, boolean allowPrivateAddresses) {
        this(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, maxAttempts, defaultDelay, allowPrivateAddresses, Map.of());
    }

    /** Production values: 1 s between requests per host, 5 MB bodies, 5 redirects, 3 attempts, no private addresses. */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024,
                5, 3, Duration.ofSeconds(1), false);
    }

    /** This configuration with the SSRF guard off, for the local cloud and tests that serve pages on loopback. */
    public FetchSettings allowingPrivateAddresses() {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, maxAttempts, defaultDelay, true, hostRoutes);
    }

    /** This configuration with requests for {@code host} sent to {@code origin} instead (see {@link HostRoutes}). */
    public FetchSettings routing(String host, URI origin) {
        Map<String, URI> routes = new TreeMap<>(hostRoutes);
        routes.put(host, origin);
        return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, maxAttempts, defaultDelay,
                allowPrivateAddresses, routes);
    }

    /** The robots.txt product token: "jobalerts" for "jobalerts/1.0 (+https://…)". */
    String productToken() {
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    private static void requirePositive(Duration d, String field) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(field + " must be positive");
    }
}
