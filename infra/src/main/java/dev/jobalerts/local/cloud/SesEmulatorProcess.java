package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The SES v2 emulator ({@code aws-ses-v2-local}, pinned in {@code infra/ses-emulator}) as a child process on a free
 * loopback port, for runs that send through the SES API rather than into the outbox (the cold-start benchmark). It
 * needs Node.js and the emulator's packages ({@code npm ci} in that directory, which {@code .ci/run} does). Its
 * GetAccount reports the send rate it is started with (the emulator reads the whole account from
 * {@code AWS_SES_ACCOUNT}), so mailers pace themselves as they would against that account.
 */
public final class SesEmulatorProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    /** Stops the emulator with the JVM too (Ctrl-C, SIGTERM), so an interrupted benchmark leaves no server behind. */
    private final Thread stopOnExit;

    private SesEmulatorProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.stopOnExit = new Thread(process::destroy, "ses-emulator-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts the emulator from {@code directory} (infra/ses-emulator) and waits until it answers. */
    public static SesEmulatorProcess start(Path directory, double maxSendRate) {
        Path cli = directory.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        if (!Files.isRegularFile(cli))
            throw new IllegalStateException("the SES emulator is not installed: run `npm ci` in " + directory.toAbsolutePath());
        int port = LocalDynamo.freePort();
        try {
            Path log = Files.createTempFile("ses-emulator-", ".log");
            ProcessBuilder builder = new ProcessBuilder("node", cli.toString(), "--port", String.valueOf(port), "--host", "127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("AWS_SES_ACCOUNT", account(maxSendRate));
            Process process = builder.start();
            process.getOutputStream().close();
            SesEmulatorProcess emulator = new SesEmulatorProcess(process, URI.create("http://127.0.0.1:" + port));
            emulator.awaitHealthy(log);
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SES emulator (is Node.js installed?)", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The emulator checks the account's whole shape, so every member GetAccount has is given. */
    private static String account(double maxSendRate) {
        return new ObjectMapper().createObjectNode()
                .put("DedicatedIpAutoWarmupEnabled", false)
                .put("EnforcementStatus", "HEALTHY")
                .put("ProductionAccessEnabled", true)
                .put("SendingEnabled", true)
                .<ObjectNode>set("Details", new ObjectMapper().createObjectNode()
                        .put("ContactLanguage", "EN").put("MailType", "TRANSACTIONAL").put("UseCaseDescription", "job alerts")
                        .put("WebsiteURL", "https://jobalerts.local")
                        .<ObjectNode>set("AdditionalContactEmailAddresses", new ObjectMapper().createArrayNode())
                        .set("ReviewDetails", new ObjectMapper().createObjectNode().put("CaseId", "local").put("Status", "GRANTED")))
                .<ObjectNode>set("SendQuota", new ObjectMapper().createObjectNode()
                        .put("Max24HourSend", 1_000_000).put("MaxSendRate", maxSendRate).put("SentLast24Hours", 0))
                .set("SuppressionAttributes", new ObjectMapper().createObjectNode()
                        .set("SuppressedReasons", new ObjectMapper().createArrayNode().add("BOUNCE").add("COMPLAINT")))
                .toString();
    }

    private void awaitHealthy(Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) throw new IllegalStateException("the SES emulator exited:\n" + Files.readString(log));
            try {
                var health = http.send(HttpRequest.newBuilder(endpoint.resolve("/health-check")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) return;
                Thread.sleep(100);
            } catch (IOException notYetListening) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the SES emulator did not answer within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the process too
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
