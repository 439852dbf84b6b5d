package dev.jobalerts.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The page script and style, read once per container; served from /assets because CSP forbids inline code. */
final class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "/assets/app.js", "text/javascript; charset=utf-8",
            "/assets/app.css", "text/css; charset=utf-8");

    private final Map<String, String> bodies;

    Assets() {
        bodies = Map.of("/assets/app.js", load("app.js"), "/assets/app.css", load("app.css"));
    }

    Optional<HttpResponse> get(String path) {
        String body = bodies.get(path);
        if (body == null) return Optional.empty();
        return Optional.of(new HttpResponse(200, Map.of("content-type", TYPES.get(path), "cache-control", "public, max-age=300"), body));
    }

    private static String load(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("dev/jobalerts/api/" + name)) {
            if (in == null) throw new IOException("missing asset " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
