package dev.jobalerts.local;

import dev.jobalerts.local.mail.SmtpServer;
import dev.jobalerts.source.SourceDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of {@code serve}, each from its flag or else from its environment variable (so a systemd unit or a
 * container sets them without a long command line), or else its default. One table below is both the parser's and
 * {@code serve --help}'s source, so the help cannot leave a flag out.
 */
record ServeOptions(Path data, SmtpServer smtp, String from, String publicUrl, String host, Set<String> trustedProxies,
                    int port, int dynamoPort, int boardPort, Duration tick, boolean samples) {

    /** One setting: its flag, its variable, what it takes (null for a switch), its default and what it does. */
    record Setting(String flag, String variable, String value, String defaultValue, String help) {}

    static final List<Setting> SETTINGS = List.of(
            new Setting("--data", "JOBALERTS_DATA", "DIR", null,
                    "keep the database, token secret, stream positions (and outbox) in DIR, so restarts lose nothing; without it everything is in memory"),
            new Setting("--smtp", "JOBALERTS_SMTP", "URL", null,
                    "send mail through smtp://[user[:password]@]host:port (STARTTLS when offered) or smtps://… (TLS); without it mail goes to the outbox"),
            new Setting("--from", "JOBALERTS_FROM", "ADDRESS", LocalCloud.SENDER, "the From address of every email"),
            new Setting("--public-url", "JOBALERTS_PUBLIC_URL", "URL", null,
                    "the address people reach the API at (behind a reverse proxy), for links in emails and pages; default http://127.0.0.1:PORT"),
            new Setting("--host", "JOBALERTS_HOST", "ADDR", "127.0.0.1", "the address every server listens on"),
            new Setting("--trusted-proxy", "JOBALERTS_TRUSTED_PROXY", "ADDR", null,
                    "a reverse proxy whose X-Forwarded-For is believed (repeat the flag, or comma-separate in the variable)"),
            new Setting("--port", "JOBALERTS_PORT", "N", Integer.toString(Serve.DEFAULT_API_PORT), "the HTTP API's port"),
            new Setting("--dynamo-port", "JOBALERTS_DYNAMO_PORT", "N", Integer.toString(Serve.DEFAULT_DYNAMO_PORT),
                    "DynamoDB Local's port (the operator commands' --endpoint)"),
            new Setting("--board-port", "JOBALERTS_BOARD_PORT", "N", Integer.toString(Serve.DEFAULT_BOARD_PORT), "the sample job board's port"),
            new Setting("--tick", "JOBALERTS_TICK", "DURATION", "1h", "how often the fetch schedule runs (e.g. 15m, 1h)"),
            new Setting("--samples", "JOBALERTS_SAMPLES", null, null,
                    "add the sample sources (the default without --data)"),
            new Setting("--no-samples", "JOBALERTS_NO_SAMPLES", null, null,
                    "do not add the sample sources (the default with --data)"));

    static final String HELP_SWITCH = "--help";

    /** Flags first, then variables, then defaults; throws IllegalArgumentException (exit 2) naming the bad one. */
    static ServeOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> proxies = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            Setting setting = setting(args[i]);
            if (setting.value() == null) {
                values.put(setting.flag(), "true");
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value (" + setting.value() + ")");
                String value = args[++i];
                if (setting.flag().equals("--trusted-proxy")) proxies.add(value);
                else values.put(setting.flag(), value);
            }
        }
        for (Setting setting : SETTINGS) {
            String fromEnv = env.get(setting.variable());
            if (fromEnv == null || fromEnv.isBlank() || values.containsKey(setting.flag())) continue;
            if (setting.flag().equals("--trusted-proxy")) {
                if (proxies.isEmpty()) Arrays.stream(fromEnv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(proxies::add);
            } else {
                values.put(setting.flag(), setting.value() == null ? Boolean.toString(isTrue(setting, fromEnv)) : fromEnv.strip());
            }
        }
        Path data = values.containsKey("--data") ? Path.of(values.get("--data")) : null;
        boolean samples = "true".equals(values.get("--samples")) || (!"true".equals(values.get("--no-samples")) && data == null);
        if ("true".equals(values.get("--samples")) && "true".equals(values.get("--no-samples")))
            throw new IllegalArgumentException("--samples and --no-samples contradict each other");
        return new ServeOptions(data,
                values.containsKey("--smtp") ? SmtpServer.parse(values.get("--smtp"), env) : null,
                values.getOrDefault("--from", LocalCloud.SENDER),
                publicUrl(values.get("--public-url")),
                values.getOrDefault("--host", "127.0.0.1"),
                proxies,
                port("--port", values.getOrDefault("--port", Integer.toString(Serve.DEFAULT_API_PORT))),
                port("--dynamo-port", values.getOrDefault("--dynamo-port", Integer.toString(Serve.DEFAULT_DYNAMO_PORT))),
                port("--board-port", values.getOrDefault("--board-port", Integer.toString(Serve.DEFAULT_BOARD_PORT))),
                SourceDefinition.parseDuration("--tick", values.getOrDefault("--tick", "1h")),
                samples);
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains(HELP_SWITCH) || Arrays.asList(args).contains("-h");
    }

    /** {@code serve --help}: every setting with its variable and default. */
    static String help() {
        StringBuilder text = new StringBuilder("usage: java -jar jobalerts.jar serve [options]\n\n"
                + "Runs the whole system on this machine until stopped (Ctrl-C or SIGTERM). Every option can also be\n"
                + "set by its environment variable; a flag wins over its variable.\n\n");
        for (Setting s : SETTINGS) {
            String flag = s.flag() + (s.value() == null ? "" : " " + s.value());
            text.append(String.format("  %-26s %-26s %s%n", flag, s.variable() + (s.value() == null ? "=true" : ""), s.help()
                    + (s.defaultValue() == null ? "" : " (default " + s.defaultValue() + ")")));
        }
        text.append(String.format("  %-26s %-26s %s%n", "", SmtpServer.PASSWORD_VARIABLE,
                "the SMTP password, when --smtp names a user but no password"));
        text.append(String.format("  %-26s %-26s %s%n", HELP_SWITCH, "", "print this help"));
        return text.toString();
    }

    private static Setting setting(String flag) {
        return SETTINGS.stream().filter(s -> s.flag().equals(flag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown option for serve: " + flag + " (serve --help lists them)"));
    }

    private static boolean isTrue(Setting setting, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(setting.variable() + " must be true or false: " + value);
        };
    }

    private static String publicUrl(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            URI uri = URI.create(text.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getQuery() != null || uri.getFragment() != null)
                throw new IllegalArgumentException();
            return text.strip().replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--public-url must be an absolute http(s) URL without query, e.g. https://alerts.example.com: " + text);
        }
    }

    private static int port(String flag, String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a port number 0-65535: " + text);
        }
    }
}
