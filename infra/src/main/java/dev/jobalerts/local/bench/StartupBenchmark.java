package dev.jobalerts.local.bench;

import dev.jobalerts.local.LocalCloud;
import dev.jobalerts.local.Serve;
import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cloud.DataDir;
import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.store.PostingStore;
import dev.jobalerts.store.StoredPosting;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.Subscriber;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench startup}: how long {@code serve --data DIR} takes from the {@code java} command to "ready" on a DIR that
 * holds {@code --postings} postings (default 10,000) and {@code --subscribers} active subscribers with a saved search
 * each (default 1,000), every stream already processed, as after weeks of running. The same, for comparison, on a new
 * empty DIR. Each start is a separate JVM, as systemd would start it; {@code --runs} of each (default 3), taking turns.
 * {@code --dir DIR} keeps (or reuses) the filled directory instead of a temporary one.
 */
@Command(name = "startup", description = "how long serve --data DIR takes to be ready, on weeks of data and on a new DIR")
public final class StartupBenchmark implements Callable<Integer> {
    @Option(names = "--postings", paramLabel = "N", description = "postings in the filled directory (default 10,000)")
    int postings = 10_000;
    @Option(names = "--subscribers", paramLabel = "N", description = "active subscribers in it (default 1,000)")
    int subscribers = 1_000;
    @Option(names = "--runs", paramLabel = "N", description = "starts of each directory (default 3)")
    int runs = 3;
    @Option(names = "--dir", paramLabel = "DIR", description = "keep (or reuse) the filled directory here (default: a temporary one)")
    Path dir;

    private final PrintStream out;

    StartupBenchmark(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() throws Exception {
        Path filled = dir == null ? Files.createTempDirectory("jobalerts-startup-").resolve("data") : dir;
        if (!Files.exists(filled.resolve("jobalerts-data.json"))) {
            long started = System.nanoTime();
            fill(filled, postings, subscribers);
            out.printf("filled %s with %,d postings and %,d subscribers in %.1f s%n", filled, postings, subscribers, (System.nanoTime() - started) / 1e9);
        }
        out.printf("data directory on disk: %.1f MB%n", sizeOf(filled) / 1e6);
        List<Double> existing = new ArrayList<>(), empty = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            existing.add(secondsToReady(filled));
            Path fresh = Files.createTempDirectory("jobalerts-startup-empty-").resolve("data");
            empty.add(secondsToReady(fresh));
        }
        out.println();
        out.println("| data directory | starts | to ready (s), each | median (s) |");
        out.println("|---|---:|---|---:|");
        out.printf("| %,d postings, %,d subscribers | %d | %s | %.2f |%n", postings, subscribers, runs, list(existing), median(existing));
        out.printf("| new, empty | %d | %s | %.2f |%n", runs, list(empty), median(empty));
        return 0;
    }

    /** Stores the postings, lets the matcher see them (no searches yet, so no mail), then the subscribers. */
    static void fill(Path dir, int postings, int subscribers) throws Exception {
        DataDir data = DataDir.open(dir);
        try (LocalCloud cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, data.outbox(), null, null, null, data, null, null, null))) {
            SyntheticJobs jobs = new SyntheticJobs(42, LocalDate.now(ZoneOffset.UTC));
            PostingStore store = new PostingStore(cloud.dynamo(), cloud.tables().postings());
            Instant now = Instant.now();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (Posting posting : jobs.postings(postings)) writers.submit(() -> store.putIfAbsent(new StoredPosting(posting, "bench", now)));
            writers.shutdown();
            if (!writers.awaitTermination(30, TimeUnit.MINUTES)) throw new IllegalStateException("writing postings took over 30 minutes");
            cloud.drainStreams();

            SubscriberStore people = new SubscriberStore(cloud.dynamo(), cloud.tables().subscribers());
            SubscriberIds ids = new SubscriberIds(data.tokenSecret());
            List<SavedSearch> searches = jobs.searches(subscribers);
            for (int i = 0; i < subscribers; i++) {
                String email = "reader" + i + "@example.com";
                Subscriber subscriber = new Subscriber(ids.of(email), email, SubscriberStatus.ACTIVE, Frequency.INSTANT, "UTC",
                        "nonce" + i, now, null);
                people.saveProfile(subscriber, now);
                people.saveSearch(new SubscriberSearch(subscriber.subscriberId(), searches.get(i), false, true, false,
                        SubscriberStatus.ACTIVE, Frequency.INSTANT, now.toEpochMilli()));
            }
            cloud.drainStreams();
        }
    }

    /** Starts {@code serve --data dir} in a new JVM, returns the seconds until it prints that it is ready, and stops it. */
    static double secondsToReady(Path dir) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.jobalerts.local.Main", "serve", "--data", dir.toString(),
                "--port", "0", "--dynamo-port", "0", "--board-port", "0", "--tick", "24h");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
        long started = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(Serve.READY)) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    process.destroy();
                    process.waitFor(60, TimeUnit.SECONDS);
                    return seconds;
                }
            }
            throw new IllegalStateException("serve exited with " + process.waitFor() + " before it was ready");
        } finally {
            if (process.isAlive()) process.destroyForcibly().waitFor();
        }
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String list(List<Double> seconds) {
        return String.join(", ", seconds.stream().map(s -> String.format("%.2f", s)).toList());
    }

    private static double median(List<Double> seconds) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
