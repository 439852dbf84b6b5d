package dev.jobalerts.local.lambda;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a function's class loader: the JDK, plus what the Lambda runtime itself puts on its class path (the
 * {@code aws-lambda-java-core} interfaces and the checkpoint coordination), and nothing else. In Lambda a function's
 * code sees no other class than its own; here the runtime shares a JVM with the whole local cloud, so this loader
 * keeps that out of sight: a class or resource missing from an artifact fails here as it would in Lambda.
 */
final class RuntimeOnlyClassLoader extends ClassLoader {
    /** Packages the Lambda runtime provides; events are not among them (a function bundles its own). */
    private static final List<String> RUNTIME_PACKAGES = List.of("com.amazonaws.services.lambda.runtime.",
            "dev.jobalerts.local.lambda.checkpoint.");
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

    private final ClassLoader runtime;

    RuntimeOnlyClassLoader(ClassLoader runtime) {
        super("lambda-runtime", ClassLoader.getPlatformClassLoader());
        this.runtime = runtime;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (providedByRuntime(name)) return runtime.loadClass(name);
        return super.loadClass(name, resolve);
    }

    static boolean providedByRuntime(String className) {
        return !className.startsWith(EVENTS_PACKAGE) && RUNTIME_PACKAGES.stream().anyMatch(className::startsWith);
    }

    @Override
    public URL getResource(String name) {
        return getPlatformClassLoader().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name == null ? Collections.emptyEnumeration() : getPlatformClassLoader().getResources(name);
    }
}
