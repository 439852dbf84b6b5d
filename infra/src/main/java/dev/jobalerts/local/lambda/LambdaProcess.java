package dev.jobalerts.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Starts a function from its deployment artifact in a fresh JVM, as Lambda starts an execution environment: the
 * artifact unpacked into a task directory, the JVM options of Lambda's Java runtime, the function's environment and
 * nothing of this process's, and {@link LocalLambdaRuntime} as the runtime. Used by the artifact tests and the
 * cold-start benchmark; the wall time of the whole process is what a cold start costs before the first event.
 */
public final class LambdaProcess {
    /**
     * Lambda's Java runtime options for a 1024 MB function (serial GC, class data sharing, heap at about 85% of the
     * memory, IPv4) plus the tiered-compilation stop our template sets in JAVA_TOOL_OPTIONS.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxHeapSize=870m",
            "-Djava.net.preferIPv4Stack=true", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    private static final String CHECKPOINT_PACKAGE = "dev.jobalerts.local.lambda.checkpoint";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How to start the function: its artifact, handler, environment, and whether it is a SnapStart function. */
    public record Launch(Path artifact, String handler, String functionName, Map<String, String> environment, boolean snapStart) {}

    /** One run: the process's exit code and wall time, the runtime's results, and the function's output. */
    public record Run(int exitCode, double wallMillis, List<JsonNode> results, String output) {
        public List<JsonNode> phase(String phase) {
            return results.stream().filter(r -> r.path("phase").asText().equals(phase)).toList();
        }

        public List<JsonNode> invocations() {
            return phase("invoke");
        }
    }

    private final Path workDirectory;
    private final Map<Path, Path> unpacked = new HashMap<>();

    /** {@code workDirectory} holds unpacked artifacts, event and results files. */
    public LambdaProcess(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** Starts the function, hands it {@code events} one by one, and waits for it to finish. */
    public Run run(Launch launch, List<Path> events) {
        try {
            Path task = unpack(launch.artifact());
            Path results = Files.createTempFile(workDirectory, "results", ".jsonl");
            Path output = Files.createTempFile(workDirectory, "output", ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            if (launch.snapStart()) command.add("-Dorg.crac.Core.Compat=" + CHECKPOINT_PACKAGE);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalLambdaRuntime.class.getName(),
                    task.toString(), launch.handler(), results.toString()));
            events.forEach(e -> command.add(e.toString()));

            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(launch.environment());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", launch.functionName());
            builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", launch.snapStart() ? "snap-start" : "on-demand");
            builder.environment().put("LAMBDA_TASK_ROOT", task.toString());
            builder.environment().putIfAbsent("TZ", ":UTC");

            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(launch.functionName() + " did not finish within 5 minutes; its output is in " + output);
            }
            double wall = (System.nanoTime() - start) / 1_000_000.0;
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(results)) if (!line.isBlank()) lines.add(JSON.readTree(line));
            return new Run(process.exitValue(), wall, lines, Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + launch.functionName() + " ran", e);
        }
    }

    /** Lambda unpacks a jar CodeUri into /var/task; each artifact is unpacked once per work directory. */
    private Path unpack(Path artifact) throws IOException {
        Path known = unpacked.get(artifact);
        if (known != null) return known;
        Path task = Files.createTempDirectory(workDirectory, "task-");
        try (InputStream file = Files.newInputStream(artifact); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = task.resolve(entry.getName()).normalize();
                if (!target.startsWith(task)) throw new IOException("entry outside the task directory: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        unpacked.put(artifact, task);
        return task;
    }
}
