package dev.jobalerts.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the public API.
 *
 * @param publicBaseUrl where links in pages point (e.g. {@code https://alerts.example.com}); null or blank to derive
 *                      it from each request's Host and X-Forwarded-Proto headers
 * @param perSourceIp   token bucket per client IP over every route
 * @param perAddress    token bucket per email address over sign-ups
 * @param perClientPreview token bucket per client IP over search previews (on top of {@code perSourceIp})
 */
public record ApiConfig(String publicBaseUrl, RateLimit perSourceIp, RateLimit perAddress, RateLimit perClientPreview, Clock clock) {

    /** A token bucket: {@code capacity} requests at once, then one more every {@code refillEvery}. */
    public record RateLimit(int capacity, Duration refillEvery) {
        public RateLimit {
            if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
            Objects.requireNonNull(refillEvery, "refillEvery");
            if (refillEvery.isNegative() || refillEvery.isZero()) throw new IllegalArgumentException("refillEvery must be positive");
        }
    }

    /** Browsing the pages needs a few requests a second; five sign-ups for one address in a row is already odd. */
    public static final RateLimit DEFAULT_PER_SOURCE_IP = new RateLimit(60, Duration.ofSeconds(1));
    public static final RateLimit DEFAULT_PER_ADDRESS = new RateLimit(5, Duration.ofMinutes(2));
    /**
     * The page asks for a preview when the person stops typing for a moment: thirty at once and then one every two
     * seconds is more than anyone typing needs, and keeps a script from using previews as a free search engine.
     */
    public static final RateLimit DEFAULT_PER_CLIENT_PREVIEW = new RateLimit(30, Duration.ofSeconds(2));

    public ApiConfig {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : stripSlash(publicBaseUrl.strip());
        if (publicBaseUrl != null && !publicBaseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?"))
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL without query: " + publicBaseUrl);
        Objects.requireNonNull(perSourceIp, "perSourceIp");
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(perClientPreview, "perClientPreview");
        Objects.requireNonNull(clock, "clock");
    }

    /** Settings with the default preview limit. */
    public ApiConfig(String publicBaseUrl, RateLimit perSourceIp, RateLimit perAddress, Clock clock) {
        this(publicBaseUrl, perSourceIp, perAddress, DEFAULT_PER_CLIENT_PREVIEW, clock);
    }

    public static ApiConfig defaults(String publicBaseUrl) {
        return new ApiConfig(publicBaseUrl, DEFAULT_PER_SOURCE_IP, DEFAULT_PER_ADDRESS, DEFAULT_PER_CLIENT_PREVIEW, Clock.systemUTC());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
