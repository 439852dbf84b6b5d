package dev.jobalerts.log;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobalerts.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on standard output, which Lambda ships to CloudWatch Logs (the functions use JSON
 * log format). Each line carries the ids needed to follow a posting from page to email, and, inside an invocation,
 * the function's name, the request id and whether this was a cold start (see {@link #invocation}). Lines below
 * {@code AWS_LAMBDA_LOG_LEVEL} (Lambda's advanced logging controls) are not written. Counts and durations go out as
 * CloudWatch Embedded Metric Format lines, which CloudWatch turns into metrics without an API call.
 *
 * <p>The system property {@value #FILE_PROPERTY} sends the lines to a file instead (the test runs set it, so the
 * build log shows test results, not thousands of JSON lines).
 */
public final class Log {
    /** A file the lines are appended to instead of standard output; unset in Lambda. */
    private static final String FILE_PROPERTY = "jobalerts.log.file";

    private static volatile PrintStream out = initialStream();
    private static volatile Level threshold = Level.parse(System.getenv("AWS_LAMBDA_LOG_LEVEL"));

    private Log() {}

    /** Redirects log lines (the CLI keeps stdout for its own output). */
    public static void to(PrintStream stream) {
        out = stream;
    }

    /** Where lines go now (tests put it back after capturing). */
    static PrintStream destination() {
        return out;
    }

    /** Writes only lines at {@code level} or above, as {@code AWS_LAMBDA_LOG_LEVEL} does (tests set it directly). */
    static void threshold(Level level) {
        threshold = level;
    }

    /**
     * Marks the lines that follow, up to the next invocation, with this invocation's function name, request id and
     * cold-start flag; the first statement of every handler's {@code handleRequest}. {@code context} may be null (tests).
     */
    public static void invocation(Context context) {
        Invocations.begin(context);
    }

    /** Work whose log lines must not be written, such as SnapStart priming's sample invocations. */
    public interface Quiet {
        void run() throws Exception;
    }

    /** Runs {@code work} with log lines discarded; single-threaded use only (a function's initialisation). */
    public static synchronized void silently(Quiet work) throws Exception {
        PrintStream previous = out;
        out = new PrintStream(OutputStream.nullOutputStream());
        try {
            work.run();
        } finally {
            out = previous;
        }
    }

    public static void debug(String message, Object... keyValues) {
        write(Level.DEBUG, message, keyValues);
    }

    public static void info(String message, Object... keyValues) {
        write(Level.INFO, message, keyValues);
    }

    public static void warn(String message, Object... keyValues) {
        write(Level.WARN, message, keyValues);
    }

    public static void error(String message, Throwable error, Object... keyValues) {
        Object[] withError = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
        withError[keyValues.length] = "error";
        withError[keyValues.length + 1] = error.getClass().getSimpleName() + ": " + error.getMessage();
        write(Level.ERROR, message, withError);
    }

    /**
     * An EMF line: {@code metrics} are counts in namespace {@code jobalerts} with one dimension, the function. Written
     * whatever the log level: metrics are not log events, and turning the level up must not make them disappear.
     */
    public static void metrics(String function, Map<String, ? extends Number> metrics) {
        Map<String, Object> line = new LinkedHashMap<>();
        var definitions = metrics.keySet().stream().map(name -> Map.of("Name", name, "Unit", "Count")).toList();
        line.put("_aws", Map.of("Timestamp", System.currentTimeMillis(),
                "CloudWatchMetrics", java.util.List.of(Map.of("Namespace", "jobalerts",
                        "Dimensions", java.util.List.of(java.util.List.of("function")), "Metrics", definitions))));
        line.putAll(Invocations.current().fields());
        line.put("function", function);
        line.putAll(metrics);
        out.println(Json.write(line));
    }

    /** An INFO line whose fields, in their order, are a summary's counts (e.g. a run's). */
    public static void info(String message, Map<String, ?> fields) {
        write(Level.INFO, message, fields);
    }

    private static void write(Level level, String message, Object... keyValues) {
        if (!level.atLeast(threshold)) return;
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        write(level, message, fields);
    }

    private static void write(Level level, String message, Map<String, ?> fields) {
        if (!level.atLeast(threshold)) return;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level.name());
        line.put("message", message);
        line.putAll(Invocations.current().fields());
        line.putAll(fields);
        out.println(Json.write(line));
    }

    private static PrintStream initialStream() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) return System.out;
        try {
            Path path = Path.of(file);
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            return new PrintStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log file " + file + " (" + FILE_PROPERTY + ")", e);
        }
    }
}
