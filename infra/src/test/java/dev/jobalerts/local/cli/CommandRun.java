package dev.jobalerts.local.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One jobalerts.jar command line run in this JVM, as {@code java -jar} would run it: its exit code and both streams. */
public record CommandRun(int code, String out, String err) {
    /** With an empty environment, so nothing on the test machine changes the outcome. */
    public static CommandRun of(String... args) {
        return of(Map.of(), "", args);
    }

    public static CommandRun of(Map<String, String> env, String... args) {
        return of(env, "", args);
    }

    /** @param stdin what {@code -} as a file name reads */
    public static CommandRun of(Map<String, String> env, String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, new Terminal(in, outStream, errStream, env));
        }
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public List<String> lines() {
        return out.lines().toList();
    }
}
