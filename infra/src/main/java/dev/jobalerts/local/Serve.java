package dev.jobalerts.local;

import dev.jobalerts.local.cloud.DataDir;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.store.SourceStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: the local cloud kept running. The HTTP API answers on loopback under the template's routes,
 * the fetch schedule ticks, the stream pollers run, and mail lands in the outbox or goes to an SMTP server. With
 * {@code --data DIR} everything it keeps is in DIR and a restart carries on where the last run stopped. Ctrl-C (or
 * SIGTERM from systemd) stops it cleanly; {@code kill -9} loses nothing either, see the README.
 */
public final class Serve {
    /** Defaults a new user can rely on; each can be moved with a flag. */
    static final int DEFAULT_API_PORT = 3000;
    static final int DEFAULT_DYNAMO_PORT = 8000;
    static final int DEFAULT_BOARD_PORT = 8089;
    /** The line that says start-up is over; the start-up benchmark and the tests wait for it. */
    public static final String READY = "jobalerts local cloud is running";

    private final PrintStream out;

    Serve(PrintStream out) {
        this.out = out;
    }

    int run(ServeOptions settings) throws Exception {
        DataDir data = settings.data() == null ? null : DataDir.open(settings.data());
        Path outboxDir = data != null ? data.outbox() : Path.of("outbox");
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(new LocalCloud.Options(settings.dynamoPort(), settings.port(), settings.boardPort(), outboxDir,
                    null, settings.host(), settings.trustedProxies(), data, settings.publicUrl(), settings.from(), settings.smtp()));
        } catch (RuntimeException e) {
            if (data != null) data.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "schedule");
            thread.setDaemon(true);
            return thread;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping…");
            schedule.shutdownNow();
            cloud.close();
            stopped.countDown();
        }, "shutdown"));

        if (settings.samples()) {
            List<SourceDefinition> sources = SampleBoard.sources(cloud.boardUrl());
            var store = new SourceStore(cloud.dynamo(), cloud.tables().sources());
            sources.forEach(store::saveDefinition);
        }
        cloud.startPollers(250);
        Duration tick = settings.tick();
        schedule.scheduleWithFixedDelay(() -> {
            try {
                var summary = cloud.fetch(Set.of(), report -> out.println("fetch  " + report.line()));
                out.println("fetch  run done: " + summary);
            } catch (RuntimeException e) {
                out.println("fetch  run failed: " + e);
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);

        // Digests and the pending sweep run hourly, as DigestFunction's schedule does in AWS. The first run comes a
        // minute after start: it also sends what a crash left claimed, once the claim's lease is over.
        schedule.scheduleAtFixedRate(() -> {
            try {
                out.println("digest " + cloud.runDigest());
            } catch (RuntimeException e) {
                out.println("digest run failed: " + e);
            }
        }, 1, 60, TimeUnit.MINUTES);

        out.println(READY);
        out.println("  sign-up page      " + (settings.publicUrl() != null ? settings.publicUrl() + "/   (served at " + cloud.apiUrl() + "/)" : cloud.apiUrl() + "/"));
        out.println("  DynamoDB endpoint " + cloud.dynamoEndpoint() + "   (for the CLI: --endpoint " + cloud.dynamoEndpoint() + ")");
        out.println("  sample job board  " + cloud.boardUrl() + "/" + (settings.samples() ? "" : "   (its sources not added)"));
        out.println("  data              " + (data == null ? "in memory (lost when stopped; keep it with --data DIR)"
                : data.root() + (data.created() ? "   (new)" : "")));
        out.println("  mail              " + (settings.smtp() != null ? "SMTP " + settings.smtp() + " from " + settings.from()
                : "outbox " + outboxDir.toAbsolutePath()));
        out.println("  fetch schedule    every " + tick.toString().substring(2).toLowerCase());
        out.println("Ctrl-C stops it.");
        stopped.await();
        return 0;
    }
}
