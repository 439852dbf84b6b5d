package dev.jobalerts.alert;

import dev.jobalerts.url.HttpUrls;
import java.util.Objects;

/**
 * Where alert emails come from and where their links point.
 *
 * @param publicBaseUrl the API's public URL, without a trailing slash; manage and unsubscribe links hang off it
 */
public record AlertSettings(String senderAddress, String publicBaseUrl) {
    public AlertSettings {
        Objects.requireNonNull(senderAddress, "senderAddress");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (!HttpUrls.hasHttpPrefix(publicBaseUrl))
            throw new IllegalArgumentException("publicBaseUrl must be an http(s) URL: " + publicBaseUrl);
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
