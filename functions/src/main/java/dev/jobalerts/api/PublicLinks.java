package dev.jobalerts.api;

import dev.jobalerts.subscribe.TokenService;

/** Absolute links for pages and redirects, from PUBLIC_BASE_URL or else from the request that is being answered. */
record PublicLinks(String base) {

    static PublicLinks of(ApiConfig config, HttpRequest request) {
        if (config.publicBaseUrl() != null) return new PublicLinks(config.publicBaseUrl());
        // API Gateway's own domain name comes first: links go into emails, and the Host header is client-controlled.
        String host = request.domainName();
        if (host == null || !host.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?")) host = request.header("host");
        if (host == null || !host.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?")) host = "localhost";
        String proto = request.header("x-forwarded-proto");
        // API Gateway always sets X-Forwarded-Proto; without it assume TLS, as every public deployment has it.
        String scheme = "http".equalsIgnoreCase(proto) ? "http" : "https";
        return new PublicLinks(scheme + "://" + host);
    }

    String to(String path) {
        return base + path;
    }

    String to(String path, String token) {
        return TokenService.link(base, path, token);
    }

    /** The feed of matches a feed token reads. */
    String feed(String token) {
        return TokenService.feedLink(base, token);
    }
}
