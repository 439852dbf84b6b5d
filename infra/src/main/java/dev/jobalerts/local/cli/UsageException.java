package dev.jobalerts.local.cli;

/** Bad usage or input: the operator can fix it by changing the command line or the file. Exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
