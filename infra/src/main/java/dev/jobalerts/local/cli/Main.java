package dev.jobalerts.local.cli;

import dev.jobalerts.log.Log;
import java.io.PrintStream;
import java.util.Map;

/**
 * Entry point of jobalerts.jar. Exit codes: 0 done, 2 bad usage or input, 1 failure. DynamoDB Local leaves
 * non-daemon threads behind, so every path ends in an explicit exit.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new Terminal(System.in, out, err, System.getenv()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, new Terminal(System.in, out, err, env));
    }

    public static int run(String[] args, Terminal terminal) {
        // Our own JSON log lines would drown the command's output; they go to stderr.
        Log.to(terminal.err());
        return Cli.commandLine(new JobAlertsCommand(terminal), terminal).execute(args);
    }
}
