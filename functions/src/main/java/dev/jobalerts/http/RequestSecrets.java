package dev.jobalerts.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Credentials a job-board API wants with each request, as headers (USAJOBS' {@code Authorization-Key}) or query
 * parameters (Adzuna's {@code app_id}/{@code app_key}). They are added only when the request goes on the wire, so
 * a request's URL can be logged and used as a page key, and {@link #toString} names them without their values.
 */
public record RequestSecrets(Map<String, String> headers, Map<String, String> query) {
    public static final RequestSecrets NONE = new RequestSecrets(Map.of(), Map.of());

    public RequestSecrets {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    public boolean isEmpty() {
        return headers.isEmpty() && query.isEmpty();
    }

    /** The URL with the secret query parameters appended (names sorted, so the wire form is stable). */
    URI applyTo(URI url) {
        if (query.isEmpty()) return url;
        StringBuilder q = new StringBuilder(url.getRawQuery() == null ? "" : url.getRawQuery());
        for (Map.Entry<String, String> p : new TreeMap<>(query).entrySet()) {
            if (q.length() > 0) q.append('&');
            q.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        String s = url.toString();
        int cut = s.indexOf('?');
        int hash = s.indexOf('#');
        String base = cut >= 0 ? s.substring(0, cut) : hash >= 0 ? s.substring(0, hash) : s;
        return URI.create(base + "?" + q);
    }

    @Override
    public String toString() {
        return "RequestSecrets[headers=" + new TreeMap<>(headers).keySet() + ", query=" + new TreeMap<>(query).keySet() + "]";
    }
}
