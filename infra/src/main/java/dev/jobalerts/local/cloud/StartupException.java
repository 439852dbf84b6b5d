package dev.jobalerts.local.cloud;

/**
 * {@code serve} cannot start, for a reason the operator can fix: the message says what and how. The exit code tells
 * a bad setting or data directory (2) from a service that is not there, such as an SMTP server that is down (1).
 */
public final class StartupException extends RuntimeException {
    public static final int BAD_INPUT = 2;
    public static final int UNAVAILABLE = 1;

    private final int exitCode;

    public StartupException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public StartupException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
