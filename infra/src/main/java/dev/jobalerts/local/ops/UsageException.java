package dev.jobalerts.local.ops;

/** Bad usage or input: the operator can fix it by changing the command line or the file. Exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    /** The one wording for an id that is not in the Sources table, wherever a command meets it. */
    static UsageException unknownSource(String id) {
        return new UsageException("no source with id " + id + " (see: sources list)");
    }
}
