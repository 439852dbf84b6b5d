package dev.jobalerts.local.lambda.checkpoint;

/** A participant in checkpoint and restore. */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
