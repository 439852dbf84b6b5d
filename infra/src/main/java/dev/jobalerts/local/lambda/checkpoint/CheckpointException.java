package dev.jobalerts.local.lambda.checkpoint;

/** One or more before-checkpoint hooks failed; each failure is a suppressed exception. */
public class CheckpointException extends Exception {
    public CheckpointException() {
        super("a before-checkpoint hook failed");
    }
}
