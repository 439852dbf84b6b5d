package dev.jobalerts.local;

import dev.jobalerts.local.cli.Converters;
import dev.jobalerts.local.cli.EnvironmentDefaults;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.mail.SmtpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: its options, each from its flag, else from its {@code JOBALERTS_*} environment variable (so a systemd
 * unit or a container sets them without a long command line), else its default; see {@link EnvironmentDefaults}.
 */
@Command(name = "serve", defaultValueProvider = EnvironmentDefaults.class,
        description = {"keep the local cloud running: HTTP API, fetch schedule, stream pollers, mail",
                "Runs the whole system on this machine until stopped (Ctrl-C or SIGTERM). With --data it survives restarts,",
                "with --smtp it sends real mail. Every option can also be set by its environment variable; a flag wins over",
                "its variable."},
        footer = {"  " + SmtpServer.PASSWORD_VARIABLE + "      the SMTP password, when --smtp names a user but no password"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "keep the database, token secret, stream positions (and outbox) in DIR, so restarts lose nothing; without it everything is in memory")
    Path data;

    @Option(names = "--smtp", paramLabel = "URL",
            description = "send mail through smtp://[user[:password]@]host:port (STARTTLS when offered) or smtps://… (TLS); without it mail goes to the outbox")
    String smtp;

    @Option(names = "--from", paramLabel = "ADDRESS", defaultValue = LocalCloud.SENDER,
            description = "the From address of every email (default " + LocalCloud.SENDER + ")")
    String from;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "the address people reach the API at (behind a reverse proxy), for links in emails and pages; default http://127.0.0.1:PORT")
    String publicUrl;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "the address every server listens on (default 127.0.0.1)")
    String host;

    @Option(names = "--trusted-proxy", paramLabel = "ADDR", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "a reverse proxy whose X-Forwarded-For is believed (repeat the flag, or comma-separate)")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Serve.DEFAULT_API_PORT, converter = Converters.Port.class,
            description = "the HTTP API's port (default " + Serve.DEFAULT_API_PORT + ")")
    int port;

    @Option(names = "--dynamo-port", paramLabel = "N", defaultValue = "" + Serve.DEFAULT_DYNAMO_PORT, converter = Converters.Port.class,
            description = "DynamoDB Local's port, the operator commands' --endpoint (default " + Serve.DEFAULT_DYNAMO_PORT + ")")
    int dynamoPort;

    @Option(names = "--board-port", paramLabel = "N", defaultValue = "" + Serve.DEFAULT_BOARD_PORT, converter = Converters.Port.class,
            description = "the sample job board's port (default " + Serve.DEFAULT_BOARD_PORT + ")")
    int boardPort;

    @Option(names = "--tick", paramLabel = "DURATION", defaultValue = "1h", converter = Converters.Interval.class,
            description = "how often the fetch schedule runs, e.g. 15m (default 1h)")
    Duration tick;

    @Option(names = "--samples", description = "add the sample sources (the default without --data)")
    boolean samples;

    @Option(names = "--no-samples", description = "do not add the sample sources (the default with --data)")
    boolean noSamples;

    private final Terminal terminal;

    ServeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        return new Serve(terminal.out()).run(settings());
    }

    /** The options checked and typed; throws IllegalArgumentException (exit 2) naming the bad one. */
    ServeOptions settings() {
        if (samples && noSamples) throw new IllegalArgumentException("--samples and --no-samples contradict each other");
        return new ServeOptions(data, smtp == null ? null : SmtpServer.parse(smtp, terminal.env()), from, publicUrl(publicUrl), host,
                new LinkedHashSet<>(trustedProxies.stream().filter(proxy -> !proxy.isEmpty()).toList()), port, dynamoPort, boardPort, tick,
                samples || (!noSamples && data == null));
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
}
