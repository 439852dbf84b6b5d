package dev.jobalerts.log;

import dev.jobalerts.json.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on standard output, which Lambda ships to CloudWatch Logs (the functions use JSON
 * log format). Each line carries the ids needed to follow a posting from page to email. Counts and durations go
 * out as CloudWatch Embedded Metric Format lines, which CloudWatch turns into metrics without an API call.
 */
public final class Log {
    private static volatile PrintStream out = System.out;

    private Log() {}

    /** Redirects log lines (the CLI keeps stdout for its own output). */
    public static void to(PrintStream stream) {
        out = stream;
    }

    /** Work whose log lines must not be written, such as SnapStart priming's sample invocations. */
    public interface Quiet {
        void run() throws Exception;
    }

    /** Runs {@code work} with log lines discarded; single-threaded use only (a function's initialisation). */
    public static synchronized void silently(Quiet work) throws Exception {
        PrintStream previous = out;
        out = new PrintStream(java.io.OutputStream.nullOutputStream());
        try {
            work.run();
        } finally {
            out = previous;
        }
    }

    public static void info(String message, Object... keyValues) {
        write("INFO", message, keyValues);
    }

    public static void warn(String message, Object... keyValues) {
        write("WARN", message, keyValues);
    }

    public static void error(String message, Throwable error, Object... keyValues) {
        Object[] withError = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
        withError[keyValues.length] = "error";
        withError[keyValues.length + 1] = error.getClass().getSimpleName() + ": " + error.getMessage();
        write("ERROR", message, withError);
    }

    /** An EMF line: {@code metrics} are counts in namespace {@code jobalerts} with one dimension, the function. */
    public static void metrics(String function, Map<String, ? extends Number> metrics) {
        Map<String, Object> line = new LinkedHashMap<>();
        var definitions = metrics.keySet().stream().map(name -> Map.of("Name", name, "Unit", "Count")).toList();
        line.put("_aws", Map.of("Timestamp", System.currentTimeMillis(),
                "CloudWatchMetrics", java.util.List.of(Map.of("Namespace", "jobalerts",
                        "Dimensions", java.util.List.of(java.util.List.of("function")), "Metrics", definitions))));
        line.put("function", function);
        line.putAll(metrics);
        out.println(Json.write(line));
    }

    private static void write(String level, String message, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) line.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        out.println(Json.write(line));
    }
}
