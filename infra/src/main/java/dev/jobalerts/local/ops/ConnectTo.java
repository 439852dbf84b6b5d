package dev.jobalerts.local.ops;

import dev.jobalerts.local.cli.UsageException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --connect-to HOST=ORIGIN[,HOST=ORIGIN…]} (or {@code JOBALERTS_CONNECT_TO}): fetches for HOST are sent to
 * ORIGIN while every URL stays as written, like curl's option of that name. For a mirror, a recording server, or
 * the local fakes of a board family whose careers URLs name their own hosts.
 */
final class ConnectTo {
    static final String OPTION = "--connect-to";
    static final String VARIABLE = "JOBALERTS_CONNECT_TO";

    private ConnectTo() {}

    /** The routes of the option, else of the variable; empty when neither is set. */
    static Map<String, URI> parse(String option, String variable) {
        String text = option != null ? option : variable;
        Map<String, URI> routes = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return routes;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String host = eq < 0 ? "" : pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            URI origin;
            try {
                origin = eq < 0 ? null : URI.create(pair.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                origin = null;
            }
            if (host.isEmpty() || origin == null || origin.getScheme() == null || origin.getHost() == null)
                throw new UsageException(OPTION + " takes HOST=ORIGIN pairs such as acme.wd5.myworkdayjobs.com=http://127.0.0.1:8089, not: " + pair.strip());
            routes.put(host, origin);
        }
        return routes;
    }
}
