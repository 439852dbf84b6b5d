package dev.jobalerts.adapter;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The parts of URLs that adapters recognise boards by. */
final class Urls {
    /** A board, company or site name as the families allow them in URLs. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Urls() {}

    static String host(URI url) {
        return url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    }

    /** The non-empty, decoded path segments: {@code /en-US/Careers/} → [en-US, Careers]. */
    static List<String> segments(URI url) {
        List<String> segments = new ArrayList<>();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) segments.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
        }
        return segments;
    }

    /** The decoded query parameters, first value of each. */
    static Map<String, String> query(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        queryLists(url).forEach((name, values) -> params.put(name, values.get(0)));
        return params;
    }

    /** Every decoded query parameter with all its values, in order. */
    static Map<String, List<String>> queryLists(URI url) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = url.getRawQuery();
        if (query == null) return params;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** "scheme://authority" of a URL, so an API on the careers page's own host keeps its scheme and port. */
    static String origin(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
    }

    static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL with one query parameter set to a value (added, or replaced where it was). */
    static URI withParam(URI url, String name, String value) {
        Map<String, String> params = query(url);
        params.put(name, value);
        return withQuery(url, params);
    }

    /** The URL without a query parameter (the URL itself when it has none of that name). */
    static URI withoutParam(URI url, String name) {
        Map<String, String> params = query(url);
        return params.remove(name) == null ? url : withQuery(url, params);
    }

    /** The URL with its query replaced by {@code params} (first values), encoded; no query when they are empty. */
    private static URI withQuery(URI url, Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> {
            if (q.length() > 0) q.append('&');
            q.append(encode(k)).append('=').append(encode(v));
        });
        String s = url.toString();
        int cut = s.indexOf('?');
        if (cut < 0) cut = s.indexOf('#');
        return URI.create((cut < 0 ? s : s.substring(0, cut)) + (q.length() == 0 ? "" : "?" + q));
    }

    /** The URL with each parameter set in turn, in the map's order (the query of {@code base} kept before them). */
    static URI withParams(URI base, Map<String, String> params) {
        URI url = base;
        for (Map.Entry<String, String> param : params.entrySet()) url = withParam(url, param.getKey(), param.getValue());
        return url;
    }

    /**
     * A site search's parameters as an API's ({@code q} → {@code what}), blank values left out; empty when the URL
     * carries a parameter that is neither mapped nor known to leave the results alone, as dropping a filter would
     * widen the search.
     */
    static Optional<Map<String, String>> translatedQuery(URI url, Map<String, String> names, Set<String> ignored) {
        Map<String, String> translated = new LinkedHashMap<>();
        for (Map.Entry<String, String> param : query(url).entrySet()) {
            if (ignored.contains(param.getKey())) continue;
            String name = names.get(param.getKey());
            if (name == null) return Optional.empty();
            if (!param.getValue().isBlank()) translated.put(name, param.getValue().strip());
        }
        return Optional.of(translated);
    }
}
