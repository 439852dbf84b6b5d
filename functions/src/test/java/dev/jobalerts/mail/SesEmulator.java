package dev.jobalerts.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * JUnit 5 extension running the SES v2 emulator {@code aws-ses-v2-local} (pinned in {@code infra/ses-emulator})
 * on a free loopback port for the test class: {@code @RegisterExtension static final SesEmulator SES = …}.
 *
 * <p>Installs the package with {@code npm ci} when {@code node_modules} is missing (stdin closed: CI has none),
 * starts {@code node …/dist/cli.js --port P --host 127.0.0.1}, waits until {@code /health-check} answers, and
 * stops the process after the class. The emulator keeps what it was sent: {@link #emails()} reads
 * {@code GET /store}, {@link #clear()} posts {@code /clear-store}.
 */
public final class SesEmulator implements BeforeAllCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

    private final Double maxSendRate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private URI endpoint;
    private Path log;

    private SesEmulator(Double maxSendRate) {
        this.maxSendRate = maxSendRate;
    }

    /** An emulator whose GetAccount reports this MaxSendRate (through its {@code AWS_SES_ACCOUNT} variable). */
    public static SesEmulator withMaxSendRate(double maxSendRate) {
        return new SesEmulator(maxSendRate);
    }

    /** An emulator with no account configured: GetAccount answers 400, as the real emulator does by default. */
    public static SesEmulator withoutAccount() {
        return new SesEmulator(null);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** An SDK client for {@code endpoint}: static dummy credentials (the emulator only wants an "AWS…" Authorization header). */
    public static SesV2Client client(URI endpoint) {
        return SesV2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The emails the emulator stored, oldest first, as its JSON ({@code messageId, from, destination, subject, body, headers}). */
    public List<JsonNode> emails() {
        List<JsonNode> emails = new ArrayList<>();
        readTree(get("/store")).path("emails").forEach(emails::add);
        return emails;
    }

    /** The emulator's MIME rendering of one stored email. */
    public byte[] eml(String messageId) {
        JsonNode data = readTree(get("/get-emlContent?messageId=" + messageId)).path("body").path("data");
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) data.get(i).asInt();
        return bytes;
    }

    public void clear() {
        send(HttpRequest.newBuilder(endpoint.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path dir = emulatorDir();
        if (!Files.isDirectory(dir.resolve("node_modules/aws-ses-v2-local"))) npmCi(dir);
        int port = freePort();
        endpoint = URI.create("http://127.0.0.1:" + port);
        log = Files.createTempFile("ses-emulator-", ".log");
        ProcessBuilder builder = new ProcessBuilder("node", "node_modules/aws-ses-v2-local/dist/cli.js",
                "--port", String.valueOf(port), "--host", "127.0.0.1")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (maxSendRate != null) builder.environment().put("AWS_SES_ACCOUNT", account(maxSendRate));
        else builder.environment().remove("AWS_SES_ACCOUNT");
        process = builder.start();
        process.getOutputStream().close();
        awaitHealthy();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        process = null;
        if (log != null) Files.deleteIfExists(log);
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive())
                throw new IllegalStateException("SES emulator exited with " + process.exitValue() + ":\n" + Files.readString(log));
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(endpoint.resolve("/health-check"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("SES emulator did not answer within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** {@code npm ci} with no terminal and no prompts; the lock file pins every package. */
    private static void npmCi(Path dir) throws IOException, InterruptedException {
        Path npmLog = Files.createTempFile("ses-emulator-npm-", ".log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(npmLog.toFile())
                .start();
        npm.getOutputStream().close();
        if (!npm.waitFor(NPM_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + dir + " took longer than " + NPM_TIMEOUT);
        }
        if (npm.exitValue() != 0)
            throw new IllegalStateException("npm ci in " + dir + " failed:\n" + Files.readString(npmLog));
        Files.deleteIfExists(npmLog);
    }

    /** infra/ses-emulator, found from the module directory Maven runs tests in (or -Dses.emulator.dir). */
    static Path emulatorDir() {
        String configured = System.getProperty("ses.emulator.dir");
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra").resolve("ses-emulator");
            if (Files.isRegularFile(candidate.resolve("package.json"))) return candidate;
        }
        throw new IllegalStateException("infra/ses-emulator not found above " + new File("").getAbsolutePath());
    }

    /** The emulator validates the whole GetAccount shape, so every field is present. */
    private static String account(double maxSendRate) {
        return Json.write(Map.of(
                "DedicatedIpAutoWarmupEnabled", false,
                "Details", Map.of("AdditionalContactEmailAddresses", List.of(), "ContactLanguage", "EN",
                        "MailType", "TRANSACTIONAL", "ReviewDetails", Map.of("CaseId", "local", "Status", "GRANTED"),
                        "UseCaseDescription", "job alerts", "WebsiteURL", "https://example.test"),
                "EnforcementStatus", "HEALTHY",
                "ProductionAccessEnabled", true,
                "SendingEnabled", true,
                "SendQuota", Map.of("Max24HourSend", 50000, "MaxSendRate", maxSendRate, "SentLast24Hours", 0),
                "SuppressionAttributes", Map.of("SuppressedReasons", List.of("BOUNCE", "COMPLAINT"))));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).GET());
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200)
                throw new IllegalStateException("SES emulator answered " + response.statusCode() + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
