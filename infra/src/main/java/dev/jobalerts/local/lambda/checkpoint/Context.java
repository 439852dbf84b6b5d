package dev.jobalerts.local.lambda.checkpoint;

/** A group of resources notified together; itself a resource of an enclosing context. */
public abstract class Context<R extends Resource> implements Resource {
    protected Context() {}

    public abstract void register(R resource);
}
