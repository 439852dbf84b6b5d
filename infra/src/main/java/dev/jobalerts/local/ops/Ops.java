package dev.jobalerts.local.ops;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The operator commands of jobalerts.jar: {@code sources}, {@code fetch}, {@code reparse}, {@code postings} and
 * {@code subscribers}, against the local cloud ({@code --endpoint}) or a deployed stack ({@code --stack}).
 * Exit codes: 0 done, 2 bad usage or input, 1 the store could not be reached or failed. Expected errors are one
 * line saying what to fix, never a stack trace.
 */
public final class Ops {
    static final Set<String> COMMANDS = Set.of("sources", "fetch", "reparse", "postings", "subscribers");

    public static final String USAGE = """
            operator commands (add --endpoint URL for the local cloud, or --stack NAME for a deployed stack;
            --json prints one JSON object a line)
              sources add URL [--id ID] [--name N] [--kind auto|greenhouse|lever|ashby|jsonld|microdata|rss|selectors|page]
                              [--config SOURCE.json] [--every 1h] [--delay 1s] [--follow-details N] [--dry-run]
              sources [list] | show ID | remove ID | pause ID | resume ID
              sources import FILE.json|- | export
                                           export prints the sources.json array import reads (- reads it from
                                           standard input: sources export --endpoint URL | sources import - --stack NAME)
              fetch [ID…]                  fetch all due sources now, or these ones whatever their schedule
              reparse [--source ID] [--since YYYY-MM-DD]
                                           extract postings again from stored pages, without fetching
              postings list [--source ID] [--since YYYY-MM-DD] | show ID
              postings split ID            un-merge a copy wrongly judged the same job as another; remembered
              subscribers list [--status pending|active|paused|unsubscribed|suppressed]
              subscribers show EMAIL | suppress EMAIL | delete EMAIL
            """;

    private Ops() {}

    public static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    public static int run(String command, String[] args, PrintStream out, PrintStream err) {
        return run(command, args, out, err, System.getenv());
    }

    static int run(String command, String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(command, args, System.in, out, err, env);
    }

    /** @param in what {@code -} as a file name reads, e.g. {@code sources export … | sources import - …} */
    static int run(String command, String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        Session session = null;
        try {
            session = new Session(parse(command, args), in, out, err, env);
            return switch (command) {
                case "sources" -> new SourcesCommand(session).run();
                case "fetch" -> new FetchCommand(session).run();
                case "reparse" -> new ReparseCommand(session).run();
                case "postings" -> new PostingsCommand(session).run();
                case "subscribers" -> new SubscribersCommand(session).run();
                default -> throw new UsageException("unknown command: " + command);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (ResourceNotFoundException e) {
            err.println("failed: a table is missing in " + where(session) + ": " + e.awsErrorDetails().errorMessage()
                    + ". Check --stack (tables are named STACK-sources …) or that the endpoint is the local cloud's.");
            return 1;
        } catch (SdkClientException e) {
            if (rootMessage(e).startsWith("Unable to load credentials")) {
                err.println("failed: no AWS credentials for " + where(session) + ": set AWS_PROFILE (or AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY) and AWS_REGION, or use --endpoint for the local cloud.");
                return 1;
            }
            err.println("failed: cannot reach " + where(session) + ": " + rootMessage(e) + ". " + hint(session));
            return 1;
        } catch (SdkException e) {
            err.println("failed: " + where(session) + " refused the request: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            // A record's validation reached from a path the commands did not pre-check: still the operator's input.
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            if (session != null) session.close();
        }
    }

    /** Each command declares its options; see the command classes. */
    private static Args parse(String command, String[] args) {
        return switch (command) {
            case "sources" -> Args.parse(command, args, SourcesCommand.OPTIONS, SourcesCommand.SWITCHES);
            case "reparse" -> Args.parse(command, args, ReparseCommand.OPTIONS, Set.of());
            case "postings" -> Args.parse(command, args, PostingsCommand.OPTIONS, Set.of());
            case "subscribers" -> Args.parse(command, args, SubscribersCommand.OPTIONS, Set.of());
            default -> Args.parse(command, args, Set.of(), Set.of());
        };
    }

    private static String where(Session session) {
        return session == null ? "the store" : session.where();
    }

    private static String hint(Session session) {
        if (session != null && session.target().endpoint() != null)
            return "Is the local cloud running? Start it with `java -jar jobalerts.jar serve` and pass the DynamoDB endpoint it prints.";
        return "Check the network, AWS_REGION and your credentials (AWS_PROFILE or AWS_ACCESS_KEY_ID).";
    }

    /** The SDK wraps the socket error in a long retry story; the innermost cause is what the operator needs. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
