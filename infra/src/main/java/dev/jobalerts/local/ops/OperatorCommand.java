package dev.jobalerts.local.ops;

import dev.jobalerts.local.cli.Terminal;
import dev.jobalerts.local.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * An operator command of jobalerts.jar ({@code sources}, {@code fetch}, {@code reparse}, {@code postings},
 * {@code subscribers}), against the local cloud ({@code --endpoint}) or a deployed stack ({@code --stack}). It runs
 * in a {@link Session} and turns the store's failures into one line saying what to check, exit code 1; bad usage or
 * input is exit code 2 (see the CLI's failure handling). Never a stack trace for an expected error.
 */
abstract class OperatorCommand implements Callable<Integer> {
    static final int FAILED = 1;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    private final Terminal terminal;

    OperatorCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    abstract int run(Session session);

    @Override
    public final Integer call() {
        try (Session session = new Session(storeOptions(), terminal)) {
            try {
                return run(session);
            } catch (ResourceNotFoundException e) {
                session.err.println("failed: a table is missing in " + session.where() + ": " + e.awsErrorDetails().errorMessage()
                        + ". Check --stack (tables are named STACK-sources …) or that the endpoint is the local cloud's.");
                return FAILED;
            } catch (SdkClientException e) {
                if (rootMessage(e).startsWith("Unable to load credentials")) {
                    session.err.println("failed: no AWS credentials for " + session.where() + ": set AWS_PROFILE (or AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY) and AWS_REGION, or use --endpoint for the local cloud.");
                    return FAILED;
                }
                session.err.println("failed: cannot reach " + session.where() + ": " + rootMessage(e) + ". " + hint(session));
                return FAILED;
            } catch (SdkException e) {
                session.err.println("failed: " + session.where() + " refused the request: " + e.getMessage());
                return FAILED;
            }
        }
    }

    /**
     * This command's store options over those given before its action ({@code sources --endpoint URL list}), which
     * picocli hands to the {@code sources} command itself.
     */
    private StoreOptions storeOptions() {
        CommandSpec parent = spec.parent();
        return parent != null && parent.userObject() instanceof OperatorCommand group ? store.over(group.store) : store;
    }

    /** The one wording for an id that is not in the Sources table, wherever a command meets it. */
    static UsageException unknownSource(String id) {
        return new UsageException("no source with id " + id + " (see: sources list)");
    }

    private static String hint(Session session) {
        if (session.target().endpoint() != null)
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
