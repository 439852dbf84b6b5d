package dev.jobalerts.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobalerts.local.LocalCloud;
import dev.jobalerts.local.lambda.FunctionEnvironment;
import dev.jobalerts.local.lambda.LambdaProcess;
import dev.jobalerts.local.lambda.LocalLambdaRuntime;
import dev.jobalerts.mail.SesEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function runs from its own deployment artifact, in a fresh JVM, as Lambda runs it: the shrunk artifact
 * unpacked and loaded apart from everything else ({@link LocalLambdaRuntime}), the runtime's serializer, the
 * function's environment pointed at DynamoDB Local and the SES emulator, SnapStart's hooks run between init and the
 * first event. Each gets its sample events from functions/events/. A class or resource the artifacts lack, priming
 * that fails, or a handler that no longer answers its events fails here, not in a deployment.
 */
class ArtifactsIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SesEmulator SES = SesEmulator.withMaxSendRate(14);

    @TempDir
    static Path work;
    static LocalCloud cloud;
    static JsonNode template;
    static LambdaProcess lambda;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, Files.createDirectories(work.resolve("outbox"))));
        template = TemplateTest.template();
        lambda = new LambdaProcess(work);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    static Map<String, String> environment() {
        return FunctionEnvironment.of(cloud.tables(), cloud.dynamoEndpoint(), SES.endpoint().toString(), cloud.apiUrl(),
                LocalCloud.SENDER, "artifacts-it-token-secret-0123456789");
    }

    static LambdaProcess.Launch launch(String function, boolean snapStart) {
        JsonNode properties = TemplateTest.functions(template).get(function);
        Path artifact = TemplateTest.artifactOf(template, properties);
        Assumptions.assumeTrue(Files.exists(artifact), "run `mvn package` first: " + artifact + " is missing");
        return new LambdaProcess.Launch(artifact, properties.path("Handler").asText(), function, environment(), snapStart);
    }

    static List<Path> eventsOf(String function) throws IOException {
        try (Stream<Path> files = Files.list(SampleEvents.DIRECTORY)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> function.equals(SampleEvents.FUNCTION_BY_PREFIX.get(f.getFileName().toString().split("-")[0])))
                    .sorted().toList();
        }
    }

    /** The function's JSON log lines with this message. */
    static List<JsonNode> logLines(LambdaProcess.Run run, String message) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.output().split("\n")) {
            if (!line.startsWith("{")) continue;
            try {
                JsonNode node = JSON.readTree(line);
                if (message.equals(node.path("message").asText())) lines.add(node);
            } catch (IOException notJson) {
                // Another line that starts with a brace; not ours.
            }
        }
        return lines;
    }

    @TestFactory
    Stream<DynamicTest> everyFunction_runsFromItsOwnArtifact_primedBeforeItsFirstEvent() {
        return TemplateTest.functions(template).keySet().stream().map(function -> DynamicTest.dynamicTest(function, () -> {
            List<Path> events = eventsOf(function);
            assertThat(events).as("sample events for " + function).isNotEmpty();

            LambdaProcess.Run run = lambda.run(launch(function, true), events);

            assertThat(run.phase("init-error")).as(run.output()).isEmpty();
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.phase("restore")).as("SnapStart hooks ran").hasSize(1);
            List<JsonNode> primed = logLines(run, "primed");
            assertThat(primed).as("priming succeeded: " + run.output()).hasSize(1);
            assertThat(primed.get(0).path("awsCalls").asInt()).as("priming made AWS calls through the SDK").isPositive();
            assertThat(logLines(run, "restored from snapshot")).hasSize(1);
            assertThat(run.invocations()).hasSize(events.size());
            for (JsonNode invocation : run.invocations()) {
                assertThat(invocation.has("error")).as(invocation.path("event").asText() + ": " + invocation.path("error").asText()).isFalse();
                JsonNode output = invocation.path("output");
                if (output.has("statusCode")) assertThat(output.path("statusCode").asInt()).as(invocation.toString()).isLessThan(500);
                if (output.has("batchItemFailures")) assertThat(output.path("batchItemFailures")).as(invocation.toString()).isEmpty();
                assertThat(output.has("error")).as(invocation.toString()).isFalse();
            }
        }));
    }

    @Test
    void withoutSnapStart_nothingIsPrimed_andTheFirstEventIsAnsweredAll_theSame() throws Exception {
        List<Path> events = eventsOf("ApiFunction");

        LambdaProcess.Run run = lambda.run(launch("ApiFunction", false), events);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.phase("restore")).isEmpty();
        assertThat(logLines(run, "primed")).isEmpty();
        assertThat(run.invocations()).hasSize(events.size()).allSatisfy(i -> assertThat(i.has("error")).as(i.toString()).isFalse());
    }

    /**
     * Without SnapStart a constructor is the whole init: with every AWS endpoint pointed at a server that accepts and
     * never answers, each function still starts, and nobody ever connected.
     */
    @Test
    void noFunction_touchesTheNetworkWhileItIsConstructed() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                while (!blackHole.isClosed()) {
                    try {
                        held.add(blackHole.accept());
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String silent = "http://127.0.0.1:" + blackHole.getLocalPort();
            for (String function : TemplateTest.functions(template).keySet()) {
                LambdaProcess.Launch launch = launch(function, false);
                Map<String, String> env = new HashMap<>(launch.environment());
                env.put("DYNAMODB_ENDPOINT", silent);
                env.put("SESV2_ENDPOINT", silent);
                env.put("SECRETSMANAGER_ENDPOINT", silent);

                LambdaProcess.Run run = lambda.run(new LambdaProcess.Launch(launch.artifact(), launch.handler(), function, env, false), List.of());

                assertThat(run.exitCode()).as(function + ": " + run.output()).isZero();
                assertThat(run.phase("init")).as(function).hasSize(1);
            }
            assertThat(connections).as("connections made while functions were constructed").hasValue(0);
        }
    }
}
