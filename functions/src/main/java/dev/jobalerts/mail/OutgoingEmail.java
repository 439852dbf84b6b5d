package dev.jobalerts.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered email, ready for a {@link Mailer}: a multipart/alternative message with an HTML part and a
 * plain-text part, plus custom headers (such as RFC 8058 {@code List-Unsubscribe}) to be set once each.
 *
 * @param headers header name to value, in the order they should appear; copied and made unmodifiable
 */
public record OutgoingEmail(String to, String from, String subject, String html, String text, Map<String, String> headers) {

    public OutgoingEmail {
        requireText(to, "to");
        requireText(from, "from");
        requireText(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        // A CR or LF in a header would let untrusted text start a header of its own (header injection).
        if (hasLineBreak(to) || hasLineBreak(from) || hasLineBreak(subject))
            throw new IllegalArgumentException("to, from and subject must be one line each");
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                requireText(name, "headers name");
                Objects.requireNonNull(value, "headers value of " + name);
                if (hasLineBreak(name) || hasLineBreak(value))
                    throw new IllegalArgumentException("headers " + name + " must be one line");
                copy.put(name, value);
            });
        }
        headers = Collections.unmodifiableMap(copy);
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) throw new IllegalArgumentException(field + " must not be blank");
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
