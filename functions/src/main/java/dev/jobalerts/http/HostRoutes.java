package dev.jobalerts.http;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Sends the requests for some host names to another origin while every URL stays as it is everywhere else (page
 * keys, posting ids, robots.txt lanes, logs) — what curl calls {@code --connect-to}. The local cloud uses it to
 * serve its sample boards under the real hostnames of Workday or SmartRecruiters, tests to put loopback fakes
 * behind the careers URLs people paste, and an operator could point a host at a mirror. The SSRF guard checks the
 * origin a request is really sent to.
 */
final class HostRoutes {
    private final Map<String, URI> routes;

    /** @param routes lower-case host name → origin ({@code http://127.0.0.1:8089}) its requests go to */
    HostRoutes(Map<String, URI> routes) {
        this.routes = Map.copyOf(routes);
    }

    /** The URI to connect to for {@code logical}: the same URI unless its host is routed. */
    URI wire(URI logical) {
        if (routes.isEmpty() || logical.getHost() == null) return logical;
        URI origin = routes.get(logical.getHost().toLowerCase(Locale.ROOT));
        if (origin == null) return logical;
        return URI.create(origin.getScheme() + "://" + origin.getRawAuthority() + tail(logical));
    }

    /** Path, query and nothing else, as a reference that resolves against the routed origin unchanged. */
    private static String tail(URI logical) {
        String path = logical.getRawPath() == null || logical.getRawPath().isEmpty() ? "/" : logical.getRawPath();
        return logical.getRawQuery() == null ? path : path + "?" + logical.getRawQuery();
    }
}
