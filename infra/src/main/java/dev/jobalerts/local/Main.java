package dev.jobalerts.local;

import dev.jobalerts.local.bench.ExtractionBenchmark;
import dev.jobalerts.local.bench.FetchBenchmark;
import dev.jobalerts.local.bench.MatchBenchmark;
import dev.jobalerts.local.bench.PreviewBenchmark;
import dev.jobalerts.local.bench.RenderBenchmark;
import dev.jobalerts.local.bench.SignUpTimingBenchmark;
import dev.jobalerts.local.cli.MatchCommand;
import dev.jobalerts.local.cli.ParseCommand;
import dev.jobalerts.local.ops.Ops;
import dev.jobalerts.log.Log;
import dev.jobalerts.source.SourceDefinition;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Entry point of jobalerts.jar. Exit codes: 0 done, 2 bad usage or input, 1 failure. DynamoDB Local leaves
 * non-daemon threads behind, so every path ends in an explicit exit.
 */
public final class Main {
    static final String USAGE = """
            usage: java -jar jobalerts.jar COMMAND [options]

            local cloud
              demo                         run the whole pipeline once on the local cloud and exit
              serve [--host 127.0.0.1] [--trusted-proxy ADDR] [--port 3000] [--dynamo-port 8000] [--board-port 8089] [--tick 1h] [--no-samples]
                                           keep the local cloud running (HTTP API, schedule, stream pollers)
            tools
              parse --url URL [--config SOURCE.json] FILE
                                           print the postings in a saved page or API response, one JSON a line
              match --searches S.jsonl --postings P.jsonl [--now YYYY-MM-DD]
                                           print {"search","posting"} for every match
              bench match|extract|fetch|render|signup|preview
                                           run a benchmark (see README for what each measures)

            """ + Ops.USAGE;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        // Our own JSON log lines would drown the command's output; they go to stderr.
        Log.to(err);
        try {
            if (Ops.handles(args[0])) return Ops.run(args[0], rest, out, err);
            return switch (args[0]) {
                case "demo" -> new Demo(out).run(Path.of("outbox"));
                case "serve" -> serve(rest, out, err);
                case "parse" -> ParseCommand.run(rest, out, err);
                case "match" -> MatchCommand.run(rest, out, err);
                case "bench" -> bench(rest, out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command: " + args[0]);
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    private static int serve(String[] args, PrintStream out, PrintStream err) throws Exception {
        int port = Serve.DEFAULT_API_PORT, dynamoPort = Serve.DEFAULT_DYNAMO_PORT, boardPort = Serve.DEFAULT_BOARD_PORT;
        Duration tick = Duration.ofHours(1);
        boolean samples = true;
        String host = "127.0.0.1";
        java.util.Set<String> trustedProxies = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i);
                case "--trusted-proxy" -> trustedProxies.add(value(args, ++i));
                case "--port" -> port = port(args, ++i);
                case "--dynamo-port" -> dynamoPort = port(args, ++i);
                case "--board-port" -> boardPort = port(args, ++i);
                case "--tick" -> tick = SourceDefinition.parseDuration("--tick", value(args, ++i));
                case "--no-samples" -> samples = false;
                default -> throw new IllegalArgumentException("unknown option for serve: " + args[i]);
            }
        }
        return new Serve(out).run(new LocalCloud.Options(dynamoPort, port, boardPort, Path.of("outbox"), null, host, trustedProxies), tick, samples);
    }

    private static int bench(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) throw new IllegalArgumentException("bench needs one of: match, extract, fetch, render, signup, preview");
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "match" -> MatchBenchmark.run(rest, out);
            case "extract" -> ExtractionBenchmark.run(rest, out);
            case "fetch" -> FetchBenchmark.run(rest, out);
            case "render" -> {
                RenderBenchmark.run(rest, out);
                yield 0;
            }
            case "signup" -> SignUpTimingBenchmark.run(rest, out);
            case "preview" -> PreviewBenchmark.run(rest, out);
            default -> throw new IllegalArgumentException("unknown benchmark: " + args[0]);
        };
    }

    static String value(String[] args, int index) {
        if (index >= args.length) throw new IllegalArgumentException(args[index - 1] + " needs a value");
        return args[index];
    }

    static int port(String[] args, int index) {
        String text = value(args, index);
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[index - 1] + " must be a port number 0-65535: " + text);
        }
    }
}
