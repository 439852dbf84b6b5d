package dev.jobalerts.local;

import dev.jobalerts.local.bench.ExtractionBenchmark;
import dev.jobalerts.local.bench.FetchBenchmark;
import dev.jobalerts.local.bench.MatchBenchmark;
import dev.jobalerts.local.bench.PreviewBenchmark;
import dev.jobalerts.local.bench.RenderBenchmark;
import dev.jobalerts.local.bench.SignUpTimingBenchmark;
import dev.jobalerts.local.bench.StartupBenchmark;
import dev.jobalerts.local.bench.coldstart.ColdStartBenchmark;
import dev.jobalerts.local.cli.MatchCommand;
import dev.jobalerts.local.cli.ParseCommand;
import dev.jobalerts.local.cloud.StartupException;
import dev.jobalerts.local.ops.Ops;
import dev.jobalerts.log.Log;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of jobalerts.jar. Exit codes: 0 done, 2 bad usage or input, 1 failure. DynamoDB Local leaves
 * non-daemon threads behind, so every path ends in an explicit exit.
 */
public final class Main {
    static final String USAGE = """
            usage: java -jar jobalerts.jar COMMAND [options]

            local cloud
              demo [--verbose]             run the whole pipeline once on the local cloud and exit
                                           (log lines to logs/demo.jsonl, or with --verbose to stderr)
              serve [--data DIR] [--smtp URL] [--from ADDRESS] [--public-url URL] [--host 127.0.0.1] [--trusted-proxy ADDR]
                    [--port 3000] [--dynamo-port 8000] [--board-port 8089] [--tick 1h] [--samples|--no-samples]
                                           keep the local cloud running (HTTP API, schedule, stream pollers); with
                                           --data it survives restarts, with --smtp it sends real mail (serve --help)
            tools
              parse --url URL [--config SOURCE.json] FILE
                                           print the postings in a saved page or API response, one JSON a line
              match --searches S.jsonl --postings P.jsonl [--now YYYY-MM-DD]
                                           print {"search","posting"} for every match
              bench match|extract|fetch|render|signup|preview|startup|coldstart
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
                case "demo" -> Demo.run(rest, out, err);
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
        } catch (StartupException e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    private static int serve(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (ServeOptions.wantsHelp(args)) {
            out.print(ServeOptions.help());
            return 0;
        }
        return new Serve(out).run(ServeOptions.parse(args, System.getenv()));
    }

    private static int bench(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("bench needs one of: match, extract, fetch, render, signup, preview, startup, coldstart");
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
            case "startup" -> StartupBenchmark.run(rest, out);
            case "coldstart" -> ColdStartBenchmark.run(rest, out);
            default -> throw new IllegalArgumentException("unknown benchmark: " + args[0]);
        };
    }

}
