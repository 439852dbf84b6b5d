package dev.jobalerts.mail;

import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.url.HttpUrls;
import java.util.List;
import java.util.Objects;

/**
 * Everything one alert email says: the subscriber's sections (one per saved search with new matches) and the
 * links that carry the subscriber's tokens.
 *
 * @param manageUrl      page listing every match and the subscriber's searches; also where a capped digest links
 * @param unsubscribeUrl one-click unsubscribe target (RFC 8058), also the footer's unsubscribe link
 * @param feedUrl        the subscriber's Atom feed of matches, linked from the footer
 * @param frequency      how often the subscriber is mailed, which the footer states
 */
public record AlertEmail(String to, String from, List<AlertSection> sections, String manageUrl,
                         String unsubscribeUrl, String feedUrl, Frequency frequency) {

    public AlertEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(sections, "sections");
        if (sections.isEmpty()) throw new IllegalArgumentException("sections must not be empty");
        sections = List.copyOf(sections);
        // RFC 8058 asks for an HTTPS one-click URI; plain http passes too because the local cloud serves its API on
        // loopback without TLS.
        HttpUrls.requireAbsoluteHttp(manageUrl, "manageUrl");
        HttpUrls.requireAbsoluteHttp(unsubscribeUrl, "unsubscribeUrl");
        HttpUrls.requireAbsoluteHttp(feedUrl, "feedUrl");
        Objects.requireNonNull(frequency, "frequency");
    }

    int matchCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }
}
