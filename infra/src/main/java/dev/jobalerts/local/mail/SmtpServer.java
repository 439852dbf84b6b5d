package dev.jobalerts.local.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Where mail goes when {@code serve --smtp URL} is given: {@code smtp://[user[:password]@]host[:port]} (STARTTLS
 * whenever the server offers it; port 587 unless given) or {@code smtps://…} (TLS from the first byte; port 465).
 * User and password are percent-decoded, so {@code me%40example.com} is {@code me@example.com}. The password may
 * come from {@value #PASSWORD_VARIABLE} instead of the URL, which keeps it out of the process list and shell history.
 *
 * @param password null for a server that takes mail without a login (e.g. a relay on this machine)
 */
public record SmtpServer(String host, int port, boolean implicitTls, String user, String password) {
    public static final String PASSWORD_VARIABLE = "JOBALERTS_SMTP_PASSWORD";

    public SmtpServer {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("--smtp needs a host: smtp://host:587");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("--smtp port must be 1-65535: " + port);
        if (password != null && user == null)
            throw new IllegalArgumentException("--smtp has a password but no user name: smtp://USER:PASSWORD@host:port");
    }

    /** Parses {@code --smtp}; {@code env} supplies {@value #PASSWORD_VARIABLE} when the URL has a user but no password. */
    public static SmtpServer parse(String url, Map<String, String> env) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--smtp is not a URL (smtp://[user:password@]host:port): " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps"))
            throw new IllegalArgumentException("--smtp must start with smtp:// (STARTTLS when offered) or smtps:// (TLS): " + safe(url));
        if (uri.getHost() == null)
            throw new IllegalArgumentException("--smtp needs a host, e.g. smtp://mail.example.com:587: " + safe(url));
        if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) || uri.getQuery() != null)
            throw new IllegalArgumentException("--smtp takes no path or query: " + safe(url));
        boolean tls = scheme.equals("smtps");
        int port = uri.getPort() < 0 ? (tls ? 465 : 587) : uri.getPort();
        String user = null, password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
            if (user.isEmpty()) throw new IllegalArgumentException("--smtp has an empty user name: " + safe(url));
        }
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (user != null && password == null && fromEnv != null && !fromEnv.isEmpty()) password = fromEnv;
        if (user != null && password == null)
            throw new IllegalArgumentException("--smtp names user " + user + " but no password: put it in " + PASSWORD_VARIABLE
                    + " (or in the URL as smtp://user:password@host:port)");
        return new SmtpServer(uri.getHost(), port, tls, user, password);
    }

    /** The URL as it is safe to print: never the password. */
    @Override
    public String toString() {
        return (implicitTls ? "smtps://" : "smtp://") + (user == null ? "" : user + "@") + host + ":" + port;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL for an error message, its password replaced. */
    private static String safe(String url) {
        return url.replaceAll("(?<=//)([^:/@]*):[^@/]*@", "$1:***@");
    }
}
