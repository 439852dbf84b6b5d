package dev.jobalerts.local.lambda.checkpoint;

/** One or more after-restore hooks failed; each failure is a suppressed exception. */
public class RestoreException extends Exception {
    public RestoreException() {
        super("an after-restore hook failed");
    }
}
