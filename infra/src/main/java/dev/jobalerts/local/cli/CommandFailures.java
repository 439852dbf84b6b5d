package dev.jobalerts.local.cli;

import dev.jobalerts.local.cloud.StartupException;
import picocli.CommandLine;

/**
 * What a command threw, as an exit code and one line on stderr: 2 for input the operator can fix (a
 * {@link UsageException}, or a record's validation reached with their input), a start-up refusal's own code, else 1.
 * Never a stack trace for an expected error.
 */
final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof StartupException startup) {
            command.getErr().println("error: " + startup.getMessage());
            return startup.exitCode();
        }
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            command.getErr().println("error: " + e.getMessage());
            return UsageErrors.EXIT_CODE;
        }
        command.getErr().println("failed: " + e);
        return FAILED;
    }
}
