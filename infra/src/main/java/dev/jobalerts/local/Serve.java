package dev.jobalerts.local;

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
 * the fetch schedule ticks, the stream pollers run, and mail lands in the outbox. Ctrl-C stops it cleanly.
 */
final class Serve {
    /** Defaults a new user can rely on; each can be moved with a flag. */
    static final int DEFAULT_API_PORT = 3000;
    static final int DEFAULT_DYNAMO_PORT = 8000;
    static final int DEFAULT_BOARD_PORT = 8089;

    private final PrintStream out;

    Serve(PrintStream out) {
        this.out = out;
    }

    int run(LocalCloud.Options options, Duration tick, boolean samples) throws Exception {
        Path outboxDir = options.outbox();
        LocalCloud cloud = LocalCloud.start(options);
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

        if (samples) {
            List<SourceDefinition> sources = SampleBoard.sources(cloud.boardUrl());
            var store = new SourceStore(cloud.dynamo(), cloud.tables().sources());
            sources.forEach(store::saveDefinition);
        }
        cloud.startPollers(250);
        schedule.scheduleWithFixedDelay(() -> {
            try {
                var summary = cloud.fetch(Set.of(), line -> out.println("fetch  " + line));
                out.println("fetch  run done: " + summary);
            } catch (RuntimeException e) {
                out.println("fetch  run failed: " + e);
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);

        // Digests and the pending sweep run hourly, as DigestFunction's schedule does in AWS.
        schedule.scheduleAtFixedRate(() -> {
            try {
                out.println("digest " + cloud.runDigest());
            } catch (RuntimeException e) {
                out.println("digest run failed: " + e);
            }
        }, 1, 60, TimeUnit.MINUTES);

        out.println("jobalerts local cloud is running");
        out.println("  sign-up page      " + cloud.apiUrl() + "/");
        out.println("  DynamoDB endpoint " + cloud.dynamoEndpoint() + "   (for the CLI: --endpoint " + cloud.dynamoEndpoint() + ")");
        out.println("  sample job board  " + cloud.boardUrl() + "/");
        out.println("  outbox            " + outboxDir.toAbsolutePath());
        out.println("  fetch schedule    every " + tick.toString().substring(2).toLowerCase());
        out.println("Ctrl-C stops it.");
        stopped.await();
        return 0;
    }
}
